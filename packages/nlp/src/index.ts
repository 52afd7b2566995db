export { canonicalizeEntities, entityId, type ParagraphEntities } from "./ner/canonicalize.js";
export { hashString } from "./ner/hash.js";
export { deserializeModel, type NerModel } from "./ner/model-format.js";
export {
  createEntityTagger,
  type EntityTagger,
  type EntityTaggerOptions,
  type TokenMention,
  tagTokenSentences,
} from "./ner/tag-entities.js";
export { type ParagraphMentions, type ReconcileOptions, reconcileEntities } from "./ner/reconcile.js";
export { type Token, tokenize, tokenizeSentences } from "./ner/tokenize.js";
export { findValueMentions, mergeValueMentions } from "./ner/values.js";
export { bestPath, type ChainModel, type ChainModelJson, chainFromJson, emissionScores } from "./quotes/chain-model.js";
export { extractQuotes, type LabelledCue, type LabelledParagraph, labelParagraph } from "./quotes/extract-quotes.js";
export { CUE_FEATURES, type CueTokens, cueFeatures, ROLE_FEATURES, ROLE_SENTENCES, ROLE_WINDOW, roleFeatures, roleWindow } from "./quotes/quote-features.js";
export {
  CUE_LABEL,
  QUOTE_MODEL_FORMAT,
  QUOTE_MODEL_VERSION,
  type QuoteModel,
  type CueLexicon,
  type QuoteModelJson,
  quoteModelFromJson,
  ROLE_LABEL,
  shareBucket,
  wordKnowledge,
} from "./quotes/quote-model.js";
export { type QuoteTokens, quoteTokens } from "./quotes/quote-tokens.js";
export { type ParagraphQuotes, resolveQuotes } from "./quotes/resolve-quotes.js";
export { FEATURE_NAMES } from "./summarize/features.js";
export { type DocumentSentence, type ParagraphForSummary, summarizeDocument, summarizeParagraph, summaryFeatures } from "./summarize/summarize.js";
export { checkSummaryWeights, SUMMARY_WEIGHTS_FORMAT, SUMMARY_WEIGHTS_VERSION, type SummaryWeights } from "./summarize/weights.js";
export { type SentenceSpan, splitSentences } from "./text/sentences.js";
export { normalizeText, type SplitDocument, splitParagraphs } from "./text/split-paragraphs.js";
export { type AssembledDocument, assembleDocument, type DocumentInputs, type SummaryOptions } from "./document/assemble-document.js";
