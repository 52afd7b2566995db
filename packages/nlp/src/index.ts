export { canonicalizeEntities, entityId, type ParagraphEntities } from "./ner/canonicalize.js";
export { createCapitalisedSpanTagger, type EntityTagger } from "./ner/tag-entities.js";
export { extractQuotes } from "./quotes/extract-quotes.js";
export { type ParagraphQuotes, resolveQuotes } from "./quotes/resolve-quotes.js";
export { type ParagraphForSummary, summarizeDocument, summarizeParagraph } from "./summarize/summarize.js";
export { type SentenceSpan, splitSentences } from "./text/sentences.js";
export { normalizeText, type SplitDocument, splitParagraphs } from "./text/split-paragraphs.js";
