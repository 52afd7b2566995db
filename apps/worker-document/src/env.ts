import { parseEnvWith, WorkerEnv } from "@newsflow/queue";
import { z } from "zod";

/** The document worker's environment: the worker settings and the length of the document summary. */
export const DocumentEnv = WorkerEnv.extend({
  /** Sentences in the document summary (default 3). */
  SUMMARY_SENTENCES: z.coerce.number().int().min(1).max(50).optional(),
  /** When set, the summary is cut to about this many words instead. */
  SUMMARY_WORDS: z.coerce.number().int().min(5).max(2000).optional(),
});
export type DocumentEnv = z.infer<typeof DocumentEnv>;

/** Parse the environment once, in main.ts. */
export const parseEnv = (source: Record<string, string | undefined> = process.env): DocumentEnv => parseEnvWith(DocumentEnv, source);
