import { z } from "zod";

/** Whether `url` is an absolute http(s) URL (the only kind a document may link to). */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * One input document after reading, before splitting. A `url` that is not http(s)
 * (`javascript:`, `data:`, a relative path, garbage) is dropped: the document goes through
 * without it rather than being rejected for a field the pipeline does not need.
 */
export const DocumentInput = z.object({
  id: z.string().min(1).optional(),
  title: z.string().optional(),
  text: z.string(),
  url: z.string().refine(isHttpUrl, "must be an http(s) URL").optional().catch(undefined),
  publishedAt: z.string().optional(),
  byline: z.string().optional(),
});
export type DocumentInput = z.infer<typeof DocumentInput>;

/** A paragraph of a document with its character offsets `[start, end)` into the document text. */
export const Paragraph = z.object({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Paragraph = z.infer<typeof Paragraph>;

/** What the store keeps about a document (its paragraphs live apart). */
export const DocumentMeta = z.object({
  id: z.string().min(1),
  title: z.string().nullable(),
  source: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  byline: z.string().nullable().default(null),
  paragraphCount: z.number().int().nonnegative(),
  createdAt: z.number().int(),
  completedAt: z.number().int().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
