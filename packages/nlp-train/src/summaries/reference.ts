import type { ParagraphForSummary } from "@newsflow/nlp";

const squash = (s: string): string => s.replace(/\s+/g, "");

/**
 * The sentences of a document that its extractive reference contains, as a test on the
 * sentence's text. The references glue sentences together, often without a space, so the
 * comparison ignores white space; one-character "sentences" never count.
 */
export function inReference(reference: string): (sentence: string) => boolean {
  const ref = squash(reference);
  return (sentence) => sentence.length > 1 && ref.includes(squash(sentence));
}

/** How many sentences an extractive reference summary has: the document's sentences found in it (at least 1). */
export function referenceSentenceCount(paragraphs: ParagraphForSummary[], reference: string): number {
  const chosen = inReference(reference);
  return Math.max(1, paragraphs.flatMap((p) => p.summary.sentences).filter((s) => chosen(s.text)).length);
}

/** The first `n` sentences of a document (the Lead-N baseline), from the paragraph step's split. */
export function leadSentences(paragraphs: ParagraphForSummary[], n: number): string[] {
  return [...paragraphs]
    .sort((a, b) => a.index - b.index)
    .flatMap((p) => p.summary.sentences.map((s) => s.text))
    .slice(0, n);
}
