import { z } from "zod";

/** Ids must contain no `:` and must not be all digits (BullMQ rejects both as job ids). */
export const JobSafeId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._~-]+$/, "only letters, digits and . _ ~ -")
  .refine((s) => !/^\d+$/.test(s), "must not be all digits");

/** Payload of a paragraph job (one per paragraph in each task queue). */
export const ParagraphJob = z.object({
  runId: JobSafeId,
  docId: JobSafeId,
  index: z.number().int().nonnegative(),
  text: z.string(),
});
export type ParagraphJob = z.infer<typeof ParagraphJob>;

/** Payload of the document-level job, the parent of a document's paragraph jobs. */
export const DocumentJob = z.object({
  runId: JobSafeId,
  docId: JobSafeId,
  paragraphCount: z.number().int().nonnegative(),
  enqueuedAt: z.number().int(),
});
export type DocumentJob = z.infer<typeof DocumentJob>;
