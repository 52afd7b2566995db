import { UsageError } from "../errors.js";

/** Scores the ner task on annotated data (being built: see issue). */
export async function evalNer(_dataPath: string): Promise<object> {
  throw new UsageError("eval ner is not available in this build yet");
}
