import { UsageError } from "../errors.js";

/** Scores the quotes task on annotated data (being built: see issue). */
export async function evalQuotes(_dataPath: string): Promise<object> {
  throw new UsageError("eval quotes is not available in this build yet");
}
