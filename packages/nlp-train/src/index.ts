export { type PRF, prf } from "./metrics.js";
export { type ConllDocument, type ConllSentence, parseConll, scoreSpans, type SpanScores, spansFromTags, type TypedSpan } from "./ner/conll.js";
export { evaluateProductionPath, mentionsToTokenSpans, type ProductionEvaluation, rebuildParagraphs, type RebuiltParagraph } from "./ner/production-eval.js";
export { REPO_ROOT, requireSharedData, SHARED_DATA, sharedDataPath } from "./shared-data.js";
