import type { ResolvedQuote } from "@newsflow/contracts";
import type { ScoredAttribution } from "./score-quotes.js";

/** Where a paragraph lies in its article: `toArticle` maps a paragraph-text offset to the article's. */
export interface PlacedParagraph {
  index: number;
  toArticle: (offset: number) => number;
}

/**
 * Resolved quotes as attributions in the article's offsets: pieces joined to a first piece
 * (`joinedTo`) make one attribution with a discontinuous content; the source is the quote's own
 * source span, else the span it was attributed from in another paragraph (`contextSource`).
 */
export function toAttributions(resolved: readonly ResolvedQuote[], paragraphs: readonly PlacedParagraph[]): ScoredAttribution[] {
  const byIndex = new Map(paragraphs.map((p) => [p.index, p]));
  const at = (paragraphIndex: number, s: { start: number; end: number } | null) => {
    const p = byIndex.get(paragraphIndex);
    return s && p ? [{ start: p.toArticle(s.start), end: p.toArticle(s.end - 1) + 1 }] : [];
  };
  const out: ScoredAttribution[] = [];
  const slot = new Map<number, ScoredAttribution>();
  resolved.forEach((q, i) => {
    const head = q.joinedTo !== undefined ? slot.get(q.joinedTo) : undefined;
    if (head) {
      head.content.push(...at(q.paragraphIndex, q.content));
      return;
    }
    const source = q.source ? at(q.paragraphIndex, q.source) : q.contextSource ? at(q.contextSource.paragraphIndex, q.contextSource.span) : [];
    const a = { content: at(q.paragraphIndex, q.content), source, cue: at(q.paragraphIndex, q.cue) };
    slot.set(i, a);
    out.push(a);
  });
  return out;
}
