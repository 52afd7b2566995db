export { canonicalizeEntities, entityId, type ParagraphEntities } from "./ner/canonicalize.js";
export { type ConllDocument, parseConll, scoreSpans, type SpanScores, spansFromTags, type TypedSpan } from "./ner/conll.js";
export { hashString } from "./ner/hash.js";
export { deserializeModel, type NerModel } from "./ner/model-format.js";
export {
  createEntityTagger,
  type EntityTagger,
  type EntityTaggerOptions,
  type TokenMention,
  tagTokenSentences,
} from "./ner/tag-entities.js";
export { type Token, tokenize, tokenizeSentences } from "./ner/tokenize.js";
export { findValueMentions, mergeValueMentions } from "./ner/values.js";
export { extractQuotes } from "./quotes/extract-quotes.js";
export { type ParagraphQuotes, resolveQuotes } from "./quotes/resolve-quotes.js";
export { FEATURE_NAMES } from "./summarize/features.js";
export { type DocumentSentence, type ParagraphForSummary, summarizeDocument, summarizeParagraph, summaryFeatures } from "./summarize/summarize.js";
export { checkSummaryWeights, SUMMARY_WEIGHTS_FORMAT, SUMMARY_WEIGHTS_VERSION, type SummaryWeights } from "./summarize/weights.js";
export { type SentenceSpan, splitSentences } from "./text/sentences.js";
export { normalizeText, type SplitDocument, splitParagraphs } from "./text/split-paragraphs.js";
export { emptyCounts, prf, type PRF, type QuoteCounts, type ScoredAttribution, scoreArticle, tokenSpans } from "./quotes/score-quotes.js";
export { type AssembledDocument, assembleDocument, type DocumentInputs, type SummaryOptions } from "./document/assemble-document.js";
