import { z } from "zod";
import { CanonicalEntity } from "./entities.js";
import { TaskName } from "./queues.js";
import { ResolvedQuote } from "./quotes.js";
import { DocumentSummary } from "./summaries.js";

/** A paragraph task that has no result, and why. */
export const MissingResult = z.object({
  paragraphIndex: z.number().int().nonnegative(),
  task: TaskName,
  reason: z.string(),
});
export type MissingResult = z.infer<typeof MissingResult>;

/** The document-level result, assembled once all paragraph jobs of a document are done. */
export const DocumentResult = z.object({
  docId: z.string(),
  summary: DocumentSummary,
  entities: z.array(CanonicalEntity),
  quotes: z.array(ResolvedQuote),
  missing: z.array(MissingResult),
  completedAt: z.number().int(),
});
export type DocumentResult = z.infer<typeof DocumentResult>;
