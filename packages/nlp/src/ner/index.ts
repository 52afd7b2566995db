// The tagger's internals that training and evaluation need (feature
// encoding, decoding, labels, the model format). Workers use the main entry instead.

export { type ContextTyper, type NameOccurrence, nameFeatureRows, retypeByContext, typerScores } from "./context-typer.js";
export { type DocumentHistory, decodeSentence, type Learner, type PackedWeights } from "./decode.js";
export {
  buildDocumentContext,
  type DocumentContext,
  type EncodedSentence,
  encodeSentence,
  type FeatureResources,
  HEADLINE_LOWER,
  lowerForm,
  normalizeToken,
  packLexicon,
  sentenceCasing,
  WordLexicon,
  withEmbeddingClusters,
} from "./features.js";
export {
  emptyGazetteer,
  findSlot,
  GAZ_PREFIX,
  GAZ_SOURCES,
  type Gazetteer,
  type GazSource,
  matchGazetteers,
  NUM_GAZ_SOURCES,
  ngramKey,
  packGazetteer,
} from "./gazetteer.js";
export { hashString, mixHash } from "./hash.js";
export { ENTITY_TYPES, type LabelSpan, labelsFromSpans, NUM_LABELS, spansFromLabels } from "./labels.js";
export { deserializeDocumentModel, deserializeLexicon, deserializeModel, ModelFormatError, type NerModel, serializeModel } from "./model-format.js";
export { isPlaceName, placeNameTable, squashName } from "./place-names.js";
export { type ParagraphMentions, type ReconcileOptions, reconcileEntities } from "./reconcile.js";
export { createEntityTagger, type EntityTagger, type TokenMention, tagTokenSentences } from "./tag-entities.js";
export { type Token, tokenize, tokenizeSentences } from "./tokenize.js";
