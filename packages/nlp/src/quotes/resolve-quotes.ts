import type { CanonicalEntity, QuotesResult, ResolvedQuote } from "@newsflow/contracts";

/** Quotes of one paragraph, as the document step receives them. */
export interface ParagraphQuotes {
  index: number;
  text: string;
  quotes: QuotesResult;
}

/**
 * Document-level speaker resolution: a quote's source is linked to the canonical entity one of
 * whose mentions it overlaps; quotes without a source stay unresolved.
 */
export function resolveQuotes(paragraphs: ParagraphQuotes[], entities: CanonicalEntity[]): ResolvedQuote[] {
  const out: ResolvedQuote[] = [];
  for (const p of paragraphs) {
    for (const q of p.quotes.quotes) {
      const src = q.source;
      const entity = src
        ? entities.find((e) => e.mentions.some((m) => m.paragraphIndex === p.index && m.start < src.end && src.start < m.end))
        : undefined;
      out.push({
        ...q,
        paragraphIndex: p.index,
        speaker: entity?.name ?? src?.text ?? null,
        speakerEntityId: entity?.id ?? null,
        resolution: src ? "named" : "unresolved",
      });
    }
  }
  return out;
}
