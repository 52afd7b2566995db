export { canonicalizeEntities, entityId, type ParagraphEntities } from "./ner/canonicalize.js";
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
export { extractQuotes } from "./quotes/extract-quotes.js";
export { type ParagraphQuotes, resolveQuotes } from "./quotes/resolve-quotes.js";
export { contentWords, documentFeatures, FEATURE_NAMES, type RankSentence } from "./summarize/features.js";
export { type ParagraphForSummary, rankSentences, shortenSentence, summarizeDocument, summarizeParagraph } from "./summarize/summarize.js";
export { type SentenceSpan, splitSentences } from "./text/sentences.js";
export { normalizeText, type SplitDocument, splitParagraphs } from "./text/split-paragraphs.js";
export { emptyCounts, prf, type PRF, type QuoteCounts, type ScoredAttribution, scoreArticle, tokenSpans } from "./quotes/score-quotes.js";
export { type RougeScore, rougeL, rougeN, rougeTokens } from "./summarize/rouge.js";
export { articleParagraphs, leadSentences, referenceSentenceCount, summarizeArticle } from "./summarize/article.js";
