// The tagger's internals that training and evaluation need (feature
// encoding, decoding, labels, the model format). Workers use the main entry instead.
export { type DocumentHistory, decodeSentence, type Learner } from "./decode.js";
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
  withEmbeddingClusters,
  WordLexicon,
  sentenceCasing,
} from "./features.js";
export {
  emptyGazetteer,
  findSlot,
  GAZ_PREFIX,
  GAZ_SOURCES,
  matchGazetteers,
  type Gazetteer,
  type GazSource,
  ngramKey,
  NUM_GAZ_SOURCES,
  packGazetteer,
} from "./gazetteer.js";
export { type ContextTyper, type NameOccurrence, nameFeatureRows, retypeByContext, typerScores } from "./context-typer.js";
export { hashString, mixHash } from "./hash.js";
export { ENTITY_TYPES, type LabelSpan, labelsFromSpans, NUM_LABELS, spansFromLabels } from "./labels.js";
export { deserializeDocumentModel, deserializeLexicon, deserializeModel, ModelFormatError, type NerModel, serializeModel } from "./model-format.js";
export { isPlaceName, placeNameTable, squashName } from "./place-names.js";
export { createEntityTagger, type EntityTagger, tagTokenSentences, type TokenMention } from "./tag-entities.js";
export { type ParagraphMentions, type ReconcileOptions, reconcileEntities } from "./reconcile.js";
export { type Token, tokenize, tokenizeSentences } from "./tokenize.js";
