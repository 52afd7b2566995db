import type { CanonicalEntity, QuotesResult, ResolvedQuote, Span } from "@newsflow/contracts";
import { splitSentences } from "../text/sentences.js";
import { trimSpan } from "./phrases.js";
import { expletiveAfterIt, PRONOUNS, passiveCueParticiple, ROLE_NOUNS, receivedBySubject } from "./speaker-words.js";

/** Quotes of one paragraph, as the document step receives them. */
export interface ParagraphQuotes {
  index: number;
  text: string;
  quotes: QuotesResult;
}

type Mention = { entity: CanonicalEntity; paragraphIndex: number; start: number; end: number };
type Speaker = Pick<ResolvedQuote, "speaker" | "speakerEntityId" | "resolution" | "contextSource">;

const ORG_ROLES = new Set(["company", "agency", "ministry", "administration", "campaign", "statement", "report", "police", "authorities", "department", "committee", "office", "newspaper", "network", "group"]);

/**
 * Document-level speaker resolution, quotes in paragraph order:
 * - a source that is mostly an entity mention is that entity;
 * - a pronoun or role noun ("he", "the spokesman", "officials") is the nearest PER (or, for
 *   organisation roles and "it"/"they", ORG) mentioned before it in the document;
 * - a direct quote with no source takes the speaker of the previous paragraph's last attribution
 *   (a quotation continued, or a speaker introduced with a colon), and its source span
 *   (`contextSource`);
 * - a quotation that opens a paragraph right after one left open (`closesAcross`) in the previous
 *   paragraph, or one with no source right after a paragraph that ended in a quotation with a cue,
 *   is joined to it: `joinedTo` is the position of the attribution's first piece in the returned
 *   list, as it is for pieces joined within a paragraph.
 */
export function resolveQuotes(paragraphs: ParagraphQuotes[], entities: CanonicalEntity[]): ResolvedQuote[] {
  const mentions: Mention[] = entities
    .filter((e) => e.type === "PER" || e.type === "ORG")
    .flatMap((entity) => entity.mentions.map((m) => ({ entity, paragraphIndex: m.paragraphIndex, start: m.start, end: m.end })))
    .sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.start - b.start);
  const out: ResolvedQuote[] = [];
  let previous: { index: number; text: string; last: ResolvedQuote | undefined } | null = null;
  for (const p of [...paragraphs].sort((a, b) => a.index - b.index)) {
    const base = out.length;
    const adjacent = previous && previous.index === p.index - 1 ? previous : null;
    const last = adjacent?.last;
    const lastHead = last?.joinedTo !== undefined ? out[last.joinedTo] : last;
    for (const [k, q] of p.quotes.quotes.entries()) {
      const { joinedTo, ...rest } = q;
      const here = { ...rest, paragraphIndex: p.index };
      if (joinedTo !== undefined && out[base + joinedTo]) {
        const headAt = out[base + joinedTo]!.joinedTo ?? base + joinedTo;
        const head = out[headAt]!;
        out.push({ ...here, speaker: head.speaker, speakerEntityId: head.speakerEntityId, resolution: head.resolution, ...(head.contextSource ? { contextSource: head.contextSource } : {}), joinedTo: headAt });
        continue;
      }
      const sourceless = q.kind === "direct" && !q.source;
      if (sourceless && k === 0 && last?.closesAcross && lastHead) {
        out.push({ ...here, ...fromContext(lastHead), joinedTo: out.indexOf(lastHead) });
        continue;
      }
      const introduced = sourceless && k === 0 && adjacent ? introducedBy(adjacent.text, adjacent.index) : null;
      if (introduced) {
        out.push({ ...here, ...resolveSpeaker(introduced.span, introduced.paragraphIndex, mentions, entities), resolution: "context", contextSource: introduced });
        continue;
      }
      if (sourceless && k === 0 && last?.kind === "direct" && lastHead?.cue) {
        out.push({ ...here, ...fromContext(lastHead), joinedTo: out.indexOf(lastHead) });
        continue;
      }
      // A passive cue's subject is what was said about, not its speaker.
      // Nor is the subject of "faced criticism", or a name before an expletive "it is clear", which extraction left without a source.
      const found = !q.source && q.cue && !sourceless && !passiveCue(p.text, q.cue) ? subjectBefore(p.text, q.cue.start, p.index, mentions) : null;
      const subject = found && q.cue && !speakerless(p.text.slice(found.span.end, q.cue.end)) ? found : null;
      if (subject) {
        out.push({ ...here, ...resolveSpeaker(subject.span, p.index, mentions, entities), contextSource: subject });
        continue;
      }
      const speaker = sourceless && lastHead?.speaker ? fromContext(lastHead) : resolveSpeaker(q.source, p.index, mentions, entities, p.text);
      out.push({ ...here, ...speaker });
    }
    const mine = out.slice(base);
    previous = { index: p.index, text: p.text, last: mine[mine.length - 1] };
  }
  return out;
}

const INTRODUCER = /^\s*(?:[Tt]he\s+\p{Ll}+(?:\s+|(?=,))|(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+|(?:(?:[Tt]he|[Aa]n?)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)+)/u;

// Words that open a sentence without being its subject ("In a 1963 speech, he declared:", "When
// Wallace died in 1998, President Clinton released the following statement:", "Of course, ...").
const OPENERS = new Set(["of", "in", "on", "at", "for", "with", "by", "from", "as", "when", "while", "after", "before", "since", "although", "though", "if", "but", "and", "or", "so", "yet", "here", "there", "that", "this", "then", "now", "still", "also", "however", "meanwhile", "later", "earlier", "speaking", "asked", "during", "like", "unlike", "according", "instead", "once", "until", "despite"]);

/**
 * The source of a paragraph that ends by introducing the next one ("Croft said:", "The
 * spokesman told reporters:"): the noun phrase that opens its last sentence, or, when that
 * sentence opens with a phrase of its own ("In a 1963 speech, he declared:"), the first one after
 * a comma or dash that does, or else the one after its opening word ("From Andrea Peyser writing
 * at ...:").
 */
function introducedBy(text: string, paragraphIndex: number): { paragraphIndex: number; span: Span } | null {
  const colon = /:\s*$/.exec(text);
  if (!colon) return null;
  const from = Math.max(0, text.lastIndexOf(". ", colon.index) + 1);
  const starts = [from];
  for (const m of text.slice(from, colon.index).matchAll(/[,\u2014\u2013]\s+|\s-\s/g)) starts.push(from + m.index! + m[0].length);
  // Last, the sentence without its opening word ("From Andrea Peyser writing at The New York Post:").
  const opener = /^\s*(\p{L}+)\s+/u.exec(text.slice(from, colon.index));
  const fallback = opener && OPENERS.has(opener[1]!.toLowerCase()) ? from + opener[0].length : -1;
  for (const start of fallback < 0 ? starts : [...starts, fallback]) {
    const lead = INTRODUCER.exec(text.slice(start, colon.index));
    if (!lead) continue;
    const first = /\p{L}+/u.exec(lead[0])?.[0].toLowerCase() ?? "";
    if (OPENERS.has(first) && start !== fallback) continue;
    // Something must follow the speaker before the colon (its cue): "Croft said:", not "Croft:".
    return start + lead[0].length >= colon.index ? null : { paragraphIndex, span: trimSpan(text, start, start + lead[0].length) };
  }
  return null;
}

/** The speaker of an earlier quote, for a quote whose source is not in its paragraph. */
function fromContext(q: ResolvedQuote): Speaker {
  const contextSource = q.contextSource ?? (q.source ? { paragraphIndex: q.paragraphIndex, span: q.source } : undefined);
  return { speaker: q.speaker, speakerEntityId: q.speakerEntityId, resolution: q.speaker ? "context" : "unresolved", ...(contextSource ? { contextSource } : {}) };
}

function resolveSpeaker(source: Span | null, paragraphIndex: number, mentions: Mention[], entities: CanonicalEntity[], text?: string): Speaker {
  if (!source) return { speaker: null, speakerEntityId: null, resolution: "unresolved" };
  if (text && RELATIVE.test(source.text)) return antecedentOf(source, paragraphIndex, mentions, text);
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
    const wantPerson = isPronoun ? head === "he" || head === "she" || head === "i" : !ORG_ROLES.has(head);
    const before = mentions.filter((m) => m.paragraphIndex < paragraphIndex || (m.paragraphIndex === paragraphIndex && m.start < source.start));
    const fit = [...before].reverse().find((m) => (wantPerson ? m.entity.type === "PER" : m.entity.type === "ORG"));
    if (fit) return { speaker: fit.entity.name, speakerEntityId: fit.entity.id, resolution: isPronoun ? "pronoun" : "role" };
  }
  return { speaker: source.text, speakerEntityId: null, resolution: "named" };
}

const RELATIVE = /^(?:who|which)$/i;

/**
 * The speaker a relative pronoun stands for ("Weaver, who came out and endorsed Clinton", "the
 * Illinois Board of Elections, which ruled"): the person or organisation mentioned right before it
 * (a comma or a bracket between), else none; never the pronoun itself.
 */
function antecedentOf(source: Span, paragraphIndex: number, mentions: readonly Mention[], text: string): Speaker {
  const m = mentions.find((x) => x.paragraphIndex === paragraphIndex && x.end <= source.start && /^\s*(?:\([^)]*\)\s*)?,?\s*$/.test(text.slice(x.end, source.start)));
  return m ? { speaker: m.entity.name, speakerEntityId: m.entity.id, resolution: "pronoun" } : { speaker: null, speakerEntityId: null, resolution: "unresolved" };
}

/**
 * The subject of a cue the model gave no source: the first person or organisation mentioned before
 * the cue in its sentence ("Mr. Schultz generally supported Democrats ..., and said he did not").
 * `mentions` are the PER and ORG mentions in document order.
 */
function subjectBefore(text: string, cueStart: number, paragraphIndex: number, mentions: readonly Mention[]): { paragraphIndex: number; span: Span } | null {
  const sentenceStart = splitSentences(text).findLast((x) => x.start <= cueStart)?.start ?? 0;
  const m = mentions.find((x) => x.paragraphIndex === paragraphIndex && x.start >= sentenceStart && x.end <= cueStart);
  return m ? { paragraphIndex, span: { start: m.start, end: m.end, text: text.slice(m.start, m.end) } } : null;
}

/**
 * Whether the words from a subject to the end of its cue leave the subject no speaker, as
 * extraction reads them: a receiving verb before what others said ("faced criticism", see
 * receivedBySubject), or an expletive "it" before the cue ("it is clear", see expletiveAfterIt).
 */
function speakerless(between: string): boolean {
  const words = between.split(/\s+/).filter(Boolean);
  const it = words.findLastIndex((w) => w.toLowerCase() === "it");
  return receivedBySubject(words) || (it >= 0 && expletiveAfterIt(words.slice(it + 1)));
}

/** Whether a cue is passive ("was accused of", "Ora was nominated" with cue "nominated"): its subject is no speaker. */
function passiveCue(text: string, cue: Span): boolean {
  const before = text.slice(Math.max(0, cue.start - 80), cue.start).split(/\s+/).filter(Boolean).slice(-4);
  const words = [...before, ...cue.text.split(/\s+/)];
  return passiveCueParticiple(words, before.length, words.length - 1) !== null;
}
