import type { DocumentSummary, SummaryBudget } from "@newsflow/contracts";
import { splitParagraphs } from "../text/split-paragraphs.js";
import { type ParagraphForSummary, summarizeDocument, summarizeParagraph } from "./summarize.js";

/**
 * What the pipeline does to an article's text, in one call: paragraphs, `summarizeParagraph`
 * each (the summarize worker), then `summarizeDocument` (the document step).
 */
export function articleParagraphs(text: string): ParagraphForSummary[] {
  return splitParagraphs(text, { detectTitle: false }).paragraphs.map((p) => ({ index: p.index, text: p.text, summary: summarizeParagraph(p.text) }));
}

/** The document summary of an article, as the pipeline would produce it. */
export function summarizeArticle(title: string | null, text: string, budget: SummaryBudget): DocumentSummary {
  return summarizeDocument(title, articleParagraphs(text), budget);
}

/** The first `n` sentences of an article (the Lead-N baseline). */
export function leadSentences(paragraphs: ParagraphForSummary[], n: number): string[] {
  return paragraphs.flatMap((p) => p.summary.sentences.map((s) => s.text)).slice(0, n);
}

/**
 * How many sentences an extractive reference summary has: the article's sentences found in it
 * (the references glue sentences together, often without a space, so splitting them misleads).
 */
export function referenceSentenceCount(paragraphs: ParagraphForSummary[], reference: string): number {
  const squash = (s: string) => s.replace(/\s+/g, "");
  const ref = squash(reference);
  const n = paragraphs.flatMap((p) => p.summary.sentences).filter((s) => s.text.length > 1 && ref.includes(squash(s.text))).length;
  return Math.max(1, n);
}
