import { z } from "zod";
import { Span } from "./spans.js";

export const QuoteKind = z.enum(["direct", "indirect", "mixed"]);
export type QuoteKind = z.infer<typeof QuoteKind>;

/**
 * One attribution found in a paragraph: what was said (content), who said it (source, or null
 * when the paragraph does not name the speaker) and the cue that introduces it. Offsets are into
 * the paragraph. `opensAcross` / `closesAcross` mark a direct quote that runs on from the
 * previous paragraph or into the next one, which the document step joins.
 */
export const Quote = z.object({
  content: Span,
  source: Span.nullable(),
  cue: Span.nullable(),
  kind: QuoteKind,
  /** Estimated chance that the content and the source are both right (@newsflow/nlp README, "Confidence"). */
  confidence: z.number().min(0).max(1),
  opensAcross: z.boolean().default(false),
  closesAcross: z.boolean().default(false),
  /**
   * Set on a piece of a quote that resumes after its attribution ("“A,” she said. “B.”"): the
   * position, in the same list, of the attribution's first piece, whose source and cue it shares.
   */
  joinedTo: z.number().int().nonnegative().optional(),
});
export type Quote = z.infer<typeof Quote>;

/** Result of the quotes task for one paragraph. */
export const QuotesResult = z.object({ quotes: z.array(Quote) });
export type QuotesResult = z.infer<typeof QuotesResult>;

/** How the document step arrived at a quote's speaker. */
export const SpeakerResolution = z.enum(["named", "pronoun", "role", "context", "unresolved"]);
export type SpeakerResolution = z.infer<typeof SpeakerResolution>;

/** A quote after document-level speaker resolution. */
export const ResolvedQuote = Quote.extend({
  paragraphIndex: z.number().int().nonnegative(),
  speaker: z.string().nullable(),
  speakerEntityId: z.string().nullable(),
  resolution: SpeakerResolution,
  /**
   * Where the source is written when the quote has no source span of its own: in another paragraph
   * (resolution "context"), or the person or organisation that opens the cue's sentence.
   */
  contextSource: z.object({ paragraphIndex: z.number().int().nonnegative(), span: Span }).optional(),
});
export type ResolvedQuote = z.infer<typeof ResolvedQuote>;
