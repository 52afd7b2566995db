import { z } from "zod";

/** A sentence of a paragraph with its offsets and the salience the paragraph step gave it. */
export const ScoredSentence = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  score: z.number(),
});
export type ScoredSentence = z.infer<typeof ScoredSentence>;

/**
 * Result of the summarize task for one paragraph: every sentence with its score (the document
 * step ranks from these instead of re-reading the text), the chosen summary sentences, a
 * shortened form and key phrases.
 */
export const ParagraphSummary = z.object({
  sentences: z.array(ScoredSentence),
  summary: z.array(ScoredSentence),
  short: z.string(),
  keyPhrases: z.array(z.string()),
});
export type ParagraphSummary = z.infer<typeof ParagraphSummary>;

/** A sentence chosen for the document summary, pointing back at its paragraph. */
export const DocumentSummarySentence = z.object({
  paragraphIndex: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  score: z.number(),
});
export type DocumentSummarySentence = z.infer<typeof DocumentSummarySentence>;

/** The document summary: ranked sentences from across the document, in document order. */
export const DocumentSummary = z.object({
  sentences: z.array(DocumentSummarySentence),
  text: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** Length budget of a document summary. */
export const SummaryBudget = z.object({
  sentences: z.number().int().positive().optional(),
  words: z.number().int().positive().optional(),
});
export type SummaryBudget = z.infer<typeof SummaryBudget>;
