import { checkSummaryWeights, SUMMARY_WEIGHTS_FORMAT, SUMMARY_WEIGHTS_VERSION, type SummaryWeights } from "../summarize/weights.js";
import { readJsonArtefact } from "./artefacts.js";

/** The file name of the shipped summary weights under models/. */
export const SHIPPED_SUMMARY_WEIGHTS = "summary-weights.json";

/**
 * Reads the summary ranker's weights: the shipped ones, or the file at an absolute path; checks
 * the format, the version and that they fit the features the code computes.
 */
export function loadSummaryWeights(file: string = SHIPPED_SUMMARY_WEIGHTS): SummaryWeights {
  return checkSummaryWeights(readJsonArtefact<SummaryWeights>(file, SUMMARY_WEIGHTS_FORMAT, SUMMARY_WEIGHTS_VERSION));
}
