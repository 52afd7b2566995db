import { FEATURE_NAMES } from "./features.js";

/** The `format` field of the summary weights artefact (`models/summary-weights.json`). */
export const SUMMARY_WEIGHTS_FORMAT = "newsflow-summary-weights";
/** The version of the summary weights format this code reads. */
export const SUMMARY_WEIGHTS_VERSION = 1;

/**
 * The learned sentence ranker of the document summary: one logistic weight per feature of
 * `FEATURE_NAMES`, in that order. Trained by `@newsflow/nlp-train` (`train:summaries`), read by
 * `loadSummaryWeights()` from `@newsflow/nlp/node` and passed to `summarizeDocument`.
 */
export interface SummaryWeights {
  format: typeof SUMMARY_WEIGHTS_FORMAT;
  version: typeof SUMMARY_WEIGHTS_VERSION;
  /** The feature names the weights were trained with; must equal `FEATURE_NAMES`. */
  features: string[];
  weights: number[];
  /** How the weights were made (data, sizes, settings); informational. */
  training?: Record<string, string | number>;
}

/**
 * The weights, or an error naming what does not fit: their features must be the ones the code
 * computes, in the same order, each with a finite weight.
 */
export function checkSummaryWeights(value: SummaryWeights): SummaryWeights {
  const same = value.features.length === FEATURE_NAMES.length && FEATURE_NAMES.every((name, i) => value.features[i] === name);
  if (!same) throw new Error(`summary weights are for the features [${value.features.join(", ")}], the code computes [${FEATURE_NAMES.join(", ")}]: retrain them`);
  if (value.weights.length !== FEATURE_NAMES.length || !value.weights.every(Number.isFinite)) {
    throw new Error(`summary weights need ${FEATURE_NAMES.length} finite numbers, got ${JSON.stringify(value.weights)}`);
  }
  return value;
}
