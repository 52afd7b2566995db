/**
 * `@newsflow/nlp/train`: the pieces of the runtime that training and evaluation share with it
 * (features, model formats, tokenisers, decoders), for `@newsflow/nlp-train` only. The workers
 * import the package's root, which holds only what runs in production.
 */

export { logistic, logit } from "./logistic.js";
export * from "./ner/index.js";
export { findValueMentions, mergeValueMentions } from "./ner/values.js";
export { bestPath, type ChainModel, type ChainModelJson, chainFromJson, emissionScores } from "./quotes/chain-model.js";
export { isFixedConfidence, type LabelledCue, type LabelledParagraph, type LooserCandidate, labelParagraph } from "./quotes/extract-quotes.js";
export { CUE_FEATURES, type CueTokens, cueFeatures, ROLE_FEATURES, ROLE_SENTENCES, ROLE_WINDOW, roleFeatures, roleWindow } from "./quotes/quote-features.js";
export { CUE_LABEL, type CueLexicon, QUOTE_MODEL_FORMAT, QUOTE_MODEL_VERSION, type QuoteModelJson, quoteModelFromJson, ROLE_LABEL, shareBucket, wordKnowledge } from "./quotes/quote-model.js";
export { CLASS, type QuoteReading, type QuoteTokens, quoteTokens, TRAINED_READING } from "./quotes/quote-tokens.js";
export { type CalibrationGroup, calibrationGroup } from "./quotes/resolve-quotes.js";
export { passiveCueParticiple } from "./quotes/speaker-words.js";
export { FEATURE_NAMES } from "./summarize/features.js";
export { type DocumentSentence, summaryFeatures } from "./summarize/summarize.js";
export { checkSummaryWeights, SUMMARY_WEIGHTS_FORMAT, SUMMARY_WEIGHTS_VERSION } from "./summarize/weights.js";
