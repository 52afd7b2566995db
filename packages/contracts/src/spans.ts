import { z } from "zod";

/** A half-open character range `[start, end)` into a paragraph (or document) with its text. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;
