export { type PRF, prf } from "./metrics.js";
export { REPO_ROOT, requireSharedData, SHARED_DATA, sharedDataPath } from "./shared-data.js";
export { goldParagraphs, type GoldArticle, type GoldAttribution, type GoldParagraph, readPolnear } from "./quotes/polnear.js";
export { emptyCounts, isDirect, type QuoteCounts, quoteFigures, type ScoredAttribution, scoreArticle, type Spans, tokenSpans } from "./quotes/score-quotes.js";
export { type PlacedParagraph, toAttributions } from "./quotes/to-attributions.js";
export { DEFAULT_QUOTE_TRAIN_CONFIG, type QuoteTrainConfig, scoreQuoteModel, trainQuoteModel } from "./quotes/train-quotes.js";
