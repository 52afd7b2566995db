export { type PRF, prf } from "./metrics.js";
export { REPO_ROOT, requireSharedData, SHARED_DATA, sharedDataPath } from "./shared-data.js";
export { isHeldOut, readSummaryArticles, type SummaryArticle } from "./summaries/articles.js";
export { evaluateSummaries, type RougeAverages, type SummaryScores } from "./summaries/evaluate.js";
export { type ParagraphTagger, type SummaryCase, summaryCase, summaryCases } from "./summaries/production.js";
export { inReference, leadSentences, referenceSentenceCount } from "./summaries/reference.js";
export { rougeF1, rougeL, rougeN, rougeTokens } from "./summaries/rouge.js";
export { DEFAULT_LOGISTIC, fitLogistic, type LogisticOptions, summaryExamples, trainSummaryWeights } from "./summaries/train.js";
