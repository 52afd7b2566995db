import { z } from "zod";

/** Ids must contain no `:` and must not be all digits (BullMQ rejects both as job ids). */
export const JobSafeId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._~-]+$/, "only letters, digits and . _ ~ -")
  .refine((s) => !/^\d+$/.test(s), "must not be all digits");

/**
 * Payload of a paragraph job: a run of consecutive paragraphs of one document (`count` from
 * `first`), the same slice in each task queue. The text is not copied into the job: the worker
 * reads the paragraphs from the store.
 */
export const ParagraphJob = z.object({
  docId: JobSafeId,
  first: z.number().int().nonnegative(),
  count: z.number().int().min(1).max(1000),
});
export type ParagraphJob = z.infer<typeof ParagraphJob>;

/** Payload of the document-level job, enqueued once every paragraph task of the document is done or failed for good. */
export const DocumentJob = z.object({
  docId: JobSafeId,
});
export type DocumentJob = z.infer<typeof DocumentJob>;
