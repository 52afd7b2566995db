import type { CanonicalEntity, QuotesResult, ResolvedQuote, Span, SpeakerResolution } from "@newsflow/contracts";
import { logistic, logit } from "../logistic.js";
import { TITLE_NOUNS } from "../ner/reconcile.js";
import { splitSentences } from "../text/sentences.js";
import { isFixedConfidence, roundCueConfidence } from "./extract-quotes.js";
import { type Gender, type GivenNames, genderOf } from "./given-names.js";
import { trimSpan } from "./phrases.js";
import { findQuoteMarks } from "./quote-marks.js";
import { expletiveAfterIt, PRONOUNS, passiveCueParticiple, ROLE_NOUNS, raisingCue, receivedBySubject } from "./speaker-words.js";

/** Quotes of one paragraph, as the document step receives them. */
export interface ParagraphQuotes {
  index: number;
  text: string;
  quotes: QuotesResult;
}

/** An entity mention, and whether an attribution's content or source holds it. */
type Mention = { entity: CanonicalEntity; paragraphIndex: number; start: number; end: number; quoted: boolean; speaking: boolean };

/** The document's PER and ORG mentions in document order, with the paragraph texts and their sentences (split when first asked for). */
interface DocumentMentions {
  list: Mention[];
  text: (paragraphIndex: number) => string;
  /** Where the sentence that holds `offset` of a paragraph starts (sentences split once per paragraph). */
  sentenceStart: (paragraphIndex: number, offset: number) => number;
  /** The position of a mention's sentence in the document; a paragraph the resolver is not given counts as one sentence. */
  sentenceOf: (m: Mention) => number;
  /** Whom a person's names tell it is (`genderOf`), asked once per entity. */
  gender: (entity: CanonicalEntity) => Gender | undefined;
}

/** What the document step may know besides the entities: given names, for telling "she" from "he" (models/given-names.json.gz, `loadGivenNames`). */
export interface ResolveOptions {
  givenNames?: GivenNames;
}
type Speaker = Pick<ResolvedQuote, "speaker" | "speakerEntityId" | "resolution" | "contextSource">;

/** The group a resolved quote's confidence is calibrated in: how its speaker was found, a named source apart by whether an entity stands behind it. */
export type CalibrationGroup = SpeakerResolution | "named text";

/** `CalibrationGroup` of a resolved quote ("named text": a source that names no person or organisation, "Key", "Social"). */
export function calibrationGroup(q: Pick<ResolvedQuote, "resolution" | "speakerEntityId">): CalibrationGroup {
  return q.resolution === "named" && q.speakerEntityId === null ? "named text" : q.resolution;
}

/**
 * Logit offsets added in the document step to a cue-based confidence (`isFixedConfidence` false)
 * by its `calibrationGroup`: extraction cannot tell a source an entity stands behind from one that
 * names no one. Fitted held out (`quote-confidence.js --held-out`, the thirty-second session's ten
 * fold models, slope held at 1; the offsets it prints with these at 0), where the cue-based
 * confidences stood at a mean of 0.767 for 0.811 right (named, 7,420), 0.684 for 0.646 (named
 * text, 4,699), 0.772 for 0.833 (pronoun, 2,723), 0.725 for 0.805 (role, 174), 0.641 for 0.440
 * (no source, "unresolved", 887) and 0.660 for 0 of 32 (a cue, but the speaker taken from an
 * earlier paragraph: -2, not the fit's unbounded offset). Dev, not fitted on, agrees in sign
 * (0.66, -0.12, 0.72, 1.03, -1.04; dev's cue-based confidences run 0.16 low overall).
 */
const CALIBRATION_OFFSET: Record<CalibrationGroup, number> = { named: 0.3, "named text": -0.19, pronoun: 0.43, role: 0.49, unresolved: -0.9, context: -2 };

/** A quote's confidence with its group's offset (`CALIBRATION_OFFSET`); fixed confidences stay. */
function calibrated(q: ResolvedQuote): ResolvedQuote {
  if (!q.cue || isFixedConfidence(q.confidence)) return q;
  return { ...q, confidence: roundCueConfidence(logistic(logit(q.confidence) + CALIBRATION_OFFSET[calibrationGroup(q)])) };
}

const ORG_ROLES = new Set(["company", "agency", "ministry", "administration", "campaign", "statement", "report", "police", "authorities", "department", "committee", "office", "newspaper", "network", "group"]);

/**
 * Document-level speaker resolution, quotes in paragraph order:
 * - a source that is mostly an entity mention is that entity, one that names a person that person
 *   (`personInSource`);
 * - "he", "she" or "I" is the person of the nearest sentence before it that names one as a speaker
 *   would be named (`personBefore`), "it" the nearest ORG ("they", "we", "you" none); a role noun
 *   ("the minister", "the company") the person given that title before, or the nearest mention
 *   that fits the role, unless it names a group, comes after "a" or is held for someone
 *   (`roleSpeaker`);
 * - a raising verb ("seemed", "appears") has no speaker: extraction gives it no source before it,
 *   and no subject is looked for (`raisingCue`);
 * - a cue the model gave no source takes the first person or organisation before it in its sentence
 *   (`subjectBefore`), or, in a participle clause that opens the sentence, the subject after the
 *   clause (`subjectAfterOpening`), as `contextSource` in the same paragraph;
 * - a direct quote with no source takes the speaker of the previous paragraph's last attribution
 *   (a quotation continued, or a speaker introduced with a colon), and its source span
 *   (`contextSource`); one with a cue of its own that none of the rules above gives a speaker
 *   stays unresolved ("“Lock her up,” read the banners": held out, all 19 that took the last
 *   paragraph's speaker had a wrong one);
 * - a quotation that opens a paragraph right after one left open (`closesAcross`) in the previous
 *   paragraph, or one with no source right after a paragraph that ended in a quotation with a cue,
 *   is joined to it: `joinedTo` is the position of the attribution's first piece in the returned
 *   list, as it is for pieces joined within a paragraph.
 */
export function resolveQuotes(paragraphs: ParagraphQuotes[], entities: CanonicalEntity[], options: ResolveOptions = {}): ResolvedQuote[] {
  const mentions = documentMentions(paragraphs, entities, options.givenNames);
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
      const opening = !q.source && q.cue ? subjectAfterOpening(p.text, p.quotes.quotes, k, mentions, p.index) : null;
      // A passive cue's subject is what was said about, not its speaker; a raising verb's is part of what is reported.
      // Nor is the subject of "faced criticism", or a name before an expletive "it is clear", which extraction left without a source.
      const found = !opening && !q.source && q.cue && !passiveCue(p.text, q.cue) && !raisingCue(q.cue.text) ? subjectBefore(p.text, q.cue.start, p.index, mentions) : null;
      const subject = opening ?? (found && q.cue && !speakerless(p.text.slice(found.span.end, q.cue.end)) ? found : null);
      if (subject) {
        out.push({ ...here, ...resolveSpeaker(subject.span, p.index, mentions, entities, p.text), contextSource: subject });
        continue;
      }
      const speaker = sourceless && !q.cue && lastHead?.speaker ? fromContext(lastHead) : resolveSpeaker(q.source, p.index, mentions, entities, p.text);
      out.push({ ...here, ...speaker });
    }
    const mine = out.slice(base);
    previous = { index: p.index, text: p.text, last: mine[mine.length - 1] };
  }
  return out.map(calibrated);
}

function documentMentions(paragraphs: readonly ParagraphQuotes[], entities: readonly CanonicalEntity[], givenNames: GivenNames | undefined): DocumentMentions {
  const byIndex = new Map(paragraphs.map((p) => [p.index, p]));
  const list = entities
    .filter((e) => e.type === "PER" || e.type === "ORG")
    .flatMap((entity) =>
      entity.mentions.map((m): Mention => {
        const quotes = byIndex.get(m.paragraphIndex)?.quotes.quotes ?? [];
        return {
          entity,
          paragraphIndex: m.paragraphIndex,
          start: m.start,
          end: m.end,
          quoted: quotes.some((q) => q.content.start <= m.start && m.end <= q.content.end),
          speaking: quotes.some((q) => q.source !== null && q.source.start <= m.start && m.end <= q.source.end),
        };
      }),
    )
    .sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.start - b.start);
  const starts = new Map<number, number[]>();
  const text = (paragraphIndex: number) => byIndex.get(paragraphIndex)?.text ?? "";
  const sentenceStarts = (paragraphIndex: number) => {
    let own = starts.get(paragraphIndex);
    if (!own) {
      own = splitSentences(text(paragraphIndex)).map((x) => x.start);
      starts.set(paragraphIndex, own);
    }
    return own;
  };
  const sentenceStart = (paragraphIndex: number, offset: number) => sentenceStarts(paragraphIndex).findLast((x) => x <= offset) ?? 0;
  const sentenceOf = (m: Mention) => m.paragraphIndex * 1000 + Math.max(0, sentenceStarts(m.paragraphIndex).findLastIndex((x) => x <= m.start));
  const genders = new Map<CanonicalEntity, Gender | undefined>();
  const gender = (entity: CanonicalEntity) => {
    if (!genders.has(entity)) genders.set(entity, genderOf(entity, givenNames, wordsBefore(entity, text)));
    return genders.get(entity);
  };
  return { list, text, sentenceStart, sentenceOf, gender };
}

/**
 * The word written right before each of an entity's mentions when it ends with a space or a full
 * stop and a space ("Mr" of "Mr Blunkett", "Mr." of "Mr. Trump"): the document step leaves
 * honorifics out of names, as CoNLL does, so `genderOf` reads them here.
 */
function wordsBefore(entity: CanonicalEntity, text: (paragraphIndex: number) => string): string[] {
  const out: string[] = [];
  for (const m of entity.mentions) {
    const word = /(\p{L}+)\.? $/u.exec(text(m.paragraphIndex).slice(Math.max(0, m.start - 12), m.start))?.[1];
    if (word) out.push(word);
  }
  return out;
}

const NOT_IN_TITLES = /^(?:of|at|for|from|with|in|on|by|and|or|to|as|who|that|the|a|an|is|was|has|had|said|says|though|\p{L}+ed)$/u;

/**
 * Whether the words between two names are a title the second holds: one to four lower-case words
 * (or "MP") right after the first name, the last a title noun, none a function word or verb in
 * -ed ("James Hardie chairwoman, Meredith Hellicar", "Lib Dem home affairs spokesman Mark Oaten";
 * not "Mr Wilson had said that president Luiz Inacio Lula da Silva", "Campese, though, defended
 * coach Andy Robinson").
 */
function isTitleBetween(between: string): boolean {
  const words = between.split(/[\s,]+/).filter(Boolean);
  const last = words[words.length - 1] ?? "";
  return /^\s/.test(between) && words.length <= 4 && (TITLE_NOUNS.has(last) || last === "executive") && words.every((w) => w === "MP" || (/^\p{Ll}+$/u.test(w) && !NOT_IN_TITLES.test(w)));
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

function resolveSpeaker(source: Span | null, paragraphIndex: number, mentions: DocumentMentions, entities: CanonicalEntity[], text?: string): Speaker {
  if (!source) return { speaker: null, speakerEntityId: null, resolution: "unresolved" };
  if (text && RELATIVE.test(source.text)) return antecedentOf(source, paragraphIndex, mentions.list, text);
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
  // The mentions before the source, and those inside it (the list is in document order).
  const { list } = mentions;
  const at = list.findIndex((m) => m.paragraphIndex > paragraphIndex || (m.paragraphIndex === paragraphIndex && m.start >= source.start));
  const cut = at < 0 ? list.length : at;
  const before = list.slice(0, cut);
  // "I" with no quotation opened before it in its paragraph is the writer (a reader's letter, a
  // column), whom the article does not name. (Not only outside quotation marks: a quotation that
  // runs on over a new opening mark, `"It was nice. "I felt good. I just had to relax`, pairs the
  // two marks and leaves the rest outside.)
  const writer = head === "i" && text !== undefined && !findQuoteMarks(text).some((m) => m.open < source.start);
  if (isPronoun && !writer) {
    const wantPerson = head === "he" || head === "she" || head === "i";
    // "They", "we" and "you" are mostly groups no entity names ("critics", "researchers", "councils"): they keep their word.
    const fit = wantPerson ? personBefore(before, mentions, head === "he" ? "female" : head === "she" ? "male" : undefined) : head === "it" ? before.findLast((m) => m.entity.type === "ORG") : undefined;
    if (fit) return speakerOf(fit, "pronoun");
  }
  // A person the source names (`personInSource`), else, for a role noun, whom it stands for (`roleSpeaker`).
  const within: Mention[] = [];
  for (let i = cut; i < list.length && list[i]!.paragraphIndex === paragraphIndex && list[i]!.start < source.end; i++) if (list[i]!.end <= source.end) within.push(list[i]!);
  const inside = within.filter((m) => !possessive(m, mentions));
  const person = personInSource(source, inside, mentions);
  if (person) return speakerOf(person, "named");
  const role = isRole && !GROUP_ROLES.has(head) ? roleSpeaker(words, before, within, inside, mentions) : undefined;
  return role ?? { speaker: source.text, speakerEntityId: null, resolution: "named" };
}

const speakerOf = (m: Mention, resolution: Speaker["resolution"]): Speaker => ({ speaker: m.entity.name, speakerEntityId: m.entity.id, resolution });

/**
 * The speaker a role noun that names no person stands for ("the minister", "the company", "a BBC
 * spokesman"): the person the document gave that title before ("the Tory leader" after "Tory
 * leader Michael Howard"), else, when the source names nobody, the nearest mention that fits the
 * role (`nearestFits`); a role after "a" (or an organisation's role) takes an organisation named
 * inside it ("a BBC spokesman", "the Interfax news agency"). A role after "a" with no
 * organisation ("a spokesman") or one held for someone ("Mr Blair's spokesman", "his lawyer") has
 * none: it stays as written.
 */
function roleSpeaker(words: readonly string[], before: readonly Mention[], within: readonly Mention[], inside: readonly Mention[], doc: DocumentMentions): Speaker | undefined {
  const head = words[words.length - 1] ?? "";
  const indefinite = /^(?:a|an|one|another)$/.test(words[0] ?? "");
  const forSomeone = within.length > inside.length || /^(?:his|her|their)$/.test(words[0] ?? "");
  const wantOrg = ORG_ROLES.has(head);
  const titled = indefinite || forSomeone || wantOrg ? undefined : titledPersonBefore(before, words, doc);
  const fits = (m: Mention) => nearestFits(m, head, doc);
  const companyLike = wantOrg && head !== "police";
  const nearest = indefinite || forSomeone || inside.length > 0 || SPOKESPEOPLE.has(head) ? undefined : companyLike ? firstOfNearestSentence(before, fits, doc) : before.findLast(fits);
  const holder = titled ?? nearest;
  if (holder) return speakerOf(holder, "role");
  const organisation = indefinite || wantOrg ? inside.find((m) => m.entity.type === "ORG") : undefined;
  return organisation ? speakerOf(organisation, "named") : undefined;
}

/** "The spokesman" is the one a spokesman's earlier words were given to, named only when a title said so ("spokesman Rupert Adams"), not the last person named. */
const SPOKESPEOPLE = new Set(["spokesman", "spokeswoman", "spokesperson"]);

/**
 * Whether a mention before a role noun that named nobody may be what it stands for: for "the
 * police" an organisation with "police" in its name ("West Mercia Police"), not the last one named;
 * for "the authorities" none; for another organisation's role ("the company") the last
 * organisation; for a person's role ("the minister") the last person outside what an attribution
 * says and not a possessive ("Michael Howard's stance").
 */
function nearestFits(m: Mention, head: string, doc: DocumentMentions): boolean {
  if (head === "police") return m.entity.type === "ORG" && /\bpolice\b/i.test(m.entity.name);
  if (head === "authorities") return false;
  if (ORG_ROLES.has(head)) return m.entity.type === "ORG" && !m.quoted;
  return m.entity.type === "PER" && !m.quoted && !possessive(m, doc);
}

/**
 * The first mention that fits in the nearest sentence that has one: for "the company", the
 * organisation a sentence is about rather than the last one it lists ("Electrolux's subsidiary
 * brands include AEG, Zanussi and Frigidaire. The company said": Electrolux).
 */
function firstOfNearestSentence(before: readonly Mention[], fits: (m: Mention) => boolean, doc: DocumentMentions): Mention | undefined {
  const last = before.findLast(fits);
  if (!last) return undefined;
  const sentence = doc.sentenceOf(last);
  return before.find((m) => m.paragraphIndex === last.paragraphIndex && fits(m) && doc.sentenceOf(m) === sentence);
}

/** Role nouns of groups the document need not have named: "analysts", "officials", "sources" stay as written. */
const GROUP_ROLES = new Set(["officials", "analysts", "experts", "aides", "source", "sources"]);

/** Words that make a title another one: "deputy mayor", "former president". */
const UNDER_TITLES = new Set(["deputy", "former", "vice", "assistant", "ex", "acting", "late"]);

/**
 * The person "the prime minister" or "the Tory leader" stands for: the nearest person mentioned
 * before it with the role written just before the name ("Prime Minister Tony Blair", "Tory leader
 * Michael Howard"; "the former president" only a "former President", and not "deputy mayor Nicky
 * Gavron" for "the mayor").
 */
function titledPersonBefore(before: readonly Mention[], words: readonly string[], doc: DocumentMentions): Mention | undefined {
  const role = words[words.length - 1] ?? "";
  const qualifier = UNDER_TITLES.has(words[words.length - 2] ?? "") ? words[words.length - 2]! : "";
  return before.findLast((m) => {
    const preceding = m.entity.type === "PER" ? doc.text(m.paragraphIndex).slice(Math.max(0, m.start - 60), m.start) : "";
    if (!preceding.toLowerCase().includes(role)) return false;
    // The title right before the name, an honorific or a comma between: "Prime Minister Tony Blair", "leader, Sir Menzies Campbell".
    const lead = /(?:(\p{L}+)[\s-]+)?(\p{L}+),?\s+(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame)\.?\s+)?$/u.exec(preceding);
    if (!lead || lead[2]!.toLowerCase() !== role) return false;
    const under = lead[1]?.toLowerCase() ?? "";
    return (UNDER_TITLES.has(under) ? under : "") === qualifier;
  });
}

const AFTER_PREPOSITION = /\b(?:for|to|of|by|from|with|under|at|in|on|including|about|against|between)\s+(?:the\s+|both\s+)?$/i;

/**
 * The person a source names: in the first part of it, up to a comma, dash, "and" or "nor", that
 * names one before any relative pronoun, the last person not after a preposition and not only
 * qualifying the next name (`modifies`). "Mr Grassley and Mr Leahy" is Grassley; "Ryanair deputy
 * chief executive Michael Cawley" Cawley; "Tory peer Lord Tebbit" Tebbit, where the tagger took
 * "Tory" for a person; "Bank of England governor Mervyn King" King; "James Hardie chairwoman,
 * Meredith Hellicar" Hellicar; "its chief executive, Sir Howard Newby" Newby; "Victor Cha, who
 * served ... under President George W. Bush" Cha; "a spokesman for Mr Prescott" nobody.
 */
function personInSource(source: Span, inside: readonly Mention[], doc: DocumentMentions): Mention | undefined {
  const named = inside.filter((m) => m.entity.type === "PER");
  const people = named.filter((m, i) => !AFTER_PREPOSITION.test(source.text.slice(0, m.start - source.start)) && !modifies(m, named[i + 1], doc));
  const relative = /\s(?:who|which|whose|that)\s/i.exec(source.text);
  const text = source.text.slice(0, relative ? relative.index : undefined);
  let from = 0;
  for (const end of [...[...text.matchAll(/,|\s[-–—]\s|\s(?:and|nor)\s/g)].map((x) => x.index!), text.length]) {
    const found = people.findLast((m) => m.start - source.start >= from && m.end - source.start <= end);
    if (found) return found;
    from = end;
  }
  return undefined;
}

function possessive(m: Mention, doc: DocumentMentions): boolean {
  return /^['’]s?\s/.test(doc.text(m.paragraphIndex).slice(m.end, m.end + 3));
}

/**
 * The person "he", "she" or "I" stands for, from the mentions before it: in the nearest sentence
 * that names a person outside every attribution's content and not only to qualify another name
 * (`modifies`), the one inside a source, else the first, the sentence's subject as a rule ("Obiri,
 * who trains in Boulder, pulled away from Yalemzerf Yehualaw on Heartbreak Hill. “...,” she said":
 * Obiri); else the nearest person. Never a person whose names say they are `not` of the pronoun's
 * gender ("she" is no "Mr Blunkett" nor "Donald Trump").
 */
function personBefore(before: readonly Mention[], doc: DocumentMentions, not: Gender | undefined): Mention | undefined {
  const people = before.filter((m) => m.entity.type === "PER");
  const fits = (m: Mention) => not === undefined || doc.gender(m.entity) !== not;
  const sentence: Mention[] = [];
  for (let i = people.length - 1; i >= 0; i--) {
    const m = people[i]!;
    if (sentence.length > 0 && doc.sentenceOf(m) !== doc.sentenceOf(sentence[0]!)) break;
    if (!m.quoted && !modifies(m, people[i + 1], doc) && fits(m)) sentence.unshift(m);
  }
  return sentence.find((m) => m.speaking) ?? sentence[0] ?? people.findLast(fits);
}

/**
 * Whether a person's name only qualifies a later one: a possessive ("Edwards' sister Rachel") or
 * a name before a title and the person who holds it (`isTitleBetween`).
 */
function modifies(m: Mention, next: Mention | undefined, doc: DocumentMentions): boolean {
  if (possessive(m, doc)) return true;
  return next !== undefined && next.paragraphIndex === m.paragraphIndex && isTitleBetween(doc.text(m.paragraphIndex).slice(m.end, next.start)) && doc.sentenceOf(m) === doc.sentenceOf(next);
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
 * Sentences come split once per paragraph from `doc`.
 */
function subjectBefore(text: string, cueStart: number, paragraphIndex: number, doc: DocumentMentions): { paragraphIndex: number; span: Span } | null {
  const sentenceStart = doc.sentenceStart(paragraphIndex, cueStart);
  const m = doc.list.find((x) => x.paragraphIndex === paragraphIndex && x.start >= sentenceStart && x.end <= cueStart);
  return m ? { paragraphIndex, span: { start: m.start, end: m.end, text: text.slice(m.start, m.end) } } : null;
}

// Words that may stand before a participle opening its sentence ("After talking about security,
// Mr. Netanyahu suggested ...", "Since announcing in October that ..., Mr. Biden has been").
const PARTICIPLE_OPENERS = new Set(["after", "since", "before", "while", "by", "upon", "when", "on", "in", "despite", "without", "besides", "and", "but", "yet", "then", "also"]);

/**
 * The subject of a sentence that a participle clause opens, for the clause's cue when the model gave
 * it no source ("After talking about security, Mr. Netanyahu suggested ...": "Mr. Netanyahu" for
 * "talking about"; "Conceding that ..., he warned:" "he"): the source of the paragraph's next
 * attribution when only punctuation stands between the clause and it, else a person or
 * organisation right after the clause.
 */
function subjectAfterOpening(text: string, quotes: QuotesResult["quotes"], k: number, doc: DocumentMentions, paragraphIndex: number): { paragraphIndex: number; span: Span } | null {
  const q = quotes[k]!;
  const cue = q.cue!;
  if (!/^\p{L}+ing\b/iu.test(cue.text)) return null;
  const sentenceStart = doc.sentenceStart(paragraphIndex, cue.start);
  const before = text.slice(sentenceStart, cue.start).split(/\s+/).filter(Boolean);
  if (before.length > 2 || !before.every((w) => PARTICIPLE_OPENERS.has(w.toLowerCase()) || /^\p{Ll}+ly$/u.test(w))) return null;
  const end = Math.max(q.content.end, cue.end);
  const next = quotes.slice(k + 1).find((o) => o.source && o.source.start >= end);
  if (next?.source && CLOSING_ONLY.test(text.slice(end, next.source.start))) return { paragraphIndex, span: next.source };
  const m = doc.list.find((x) => x.paragraphIndex === paragraphIndex && x.start >= end && CLOSING_ONLY.test(text.slice(end, x.start)));
  return m ? { paragraphIndex, span: { start: m.start, end: m.end, text: text.slice(m.start, m.end) } } : null;
}

/** Nothing but spaces, commas, closing quotation marks and brackets: what may stand between a clause and the subject after it. */
const CLOSING_ONLY = /^[\s,"”'’)\]]*$/;

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
