import type { CanonicalEntity, QuotesResult, ResolvedQuote, Span } from "@newsflow/contracts";
import { PRONOUNS, ROLE_NOUNS } from "./cues.js";

/** Quotes of one paragraph, as the document step receives them. */
export interface ParagraphQuotes {
  index: number;
  text: string;
  quotes: QuotesResult;
}

type Mention = { entity: CanonicalEntity; paragraphIndex: number; start: number };

/**
 * Document-level speaker resolution:
 * - a source that overlaps an entity mention is that entity;
 * - a pronoun or role noun ("he", "the spokesman", "officials") is the nearest PER (or, for
 *   role nouns and "it"/"they", ORG) mentioned before it in the document;
 * - a quote with no source takes the previous quote's speaker when it stands in the next
 *   paragraph or the same one (a quote continued, or a speaker introduced with a colon);
 * - a quote closed in this paragraph but opened in the previous one is joined to it.
 */
export function resolveQuotes(paragraphs: ParagraphQuotes[], entities: CanonicalEntity[]): ResolvedQuote[] {
  const mentions: Mention[] = entities
    .filter((e) => e.type === "PER" || e.type === "ORG")
    .flatMap((entity) => entity.mentions.map((m) => ({ entity, paragraphIndex: m.paragraphIndex, start: m.start })))
    .sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.start - b.start);
  const out: ResolvedQuote[] = [];
  for (const p of [...paragraphs].sort((a, b) => a.index - b.index)) {
    for (const q of p.quotes.quotes) {
      const prev = out[out.length - 1];
      if (q.opensAcross && prev?.closesAcross && prev.paragraphIndex === p.index - 1 && !q.source) {
        out.push({ ...q, paragraphIndex: p.index, speaker: prev.speaker, speakerEntityId: prev.speakerEntityId, resolution: "context" });
        continue;
      }
      out.push({ ...q, paragraphIndex: p.index, ...resolveSpeaker(q.source, p.index, mentions, entities, prev) });
    }
  }
  return out;
}

function resolveSpeaker(
  source: Span | null,
  paragraphIndex: number,
  mentions: Mention[],
  entities: CanonicalEntity[],
  previous: ResolvedQuote | undefined,
): Pick<ResolvedQuote, "speaker" | "speakerEntityId" | "resolution"> {
  if (!source) {
    if (previous?.speaker && paragraphIndex - previous.paragraphIndex <= 1) {
      return { speaker: previous.speaker, speakerEntityId: previous.speakerEntityId, resolution: "context" };
    }
    return { speaker: null, speakerEntityId: null, resolution: "unresolved" };
  }
  // A speaker is a person or organisation that makes up most of the source ("Syrian state
  // television" is not the MISC adjective "Syrian").
  const named = entities.find(
    (e) =>
      (e.type === "PER" || e.type === "ORG") &&
      e.mentions.some((m) => m.paragraphIndex === paragraphIndex && m.start < source.end && source.start < m.end && (m.end - m.start) * 2 >= source.end - source.start),
  );
  if (named) return { speaker: named.name, speakerEntityId: named.id, resolution: "named" };
  const words = source.text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const head = words[words.length - 1] ?? "";
  const isPronoun = words.length === 1 && PRONOUNS.has(head);
  const isRole = ROLE_NOUNS.has(head);
  if (isPronoun || isRole) {
    const wantPerson = isPronoun ? head === "he" || head === "she" || head === "i" : !["company", "agency", "ministry", "administration", "campaign", "statement", "report", "police", "authorities"].includes(head);
    const before = mentions.filter((m) => m.paragraphIndex < paragraphIndex || (m.paragraphIndex === paragraphIndex && m.start < source.start));
    const fit = [...before].reverse().find((m) => (wantPerson ? m.entity.type === "PER" : m.entity.type === "ORG"));
    if (fit) return { speaker: fit.entity.name, speakerEntityId: fit.entity.id, resolution: isPronoun ? "pronoun" : "role" };
  }
  return { speaker: source.text, speakerEntityId: null, resolution: "named" };
}
