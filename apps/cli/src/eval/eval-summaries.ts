import { UsageError } from "../errors.js";

/** Scores the summaries task on annotated data (being built: see issue). */
export async function evalSummaries(_dataPath: string): Promise<object> {
  throw new UsageError("eval summaries is not available in this build yet");
}
