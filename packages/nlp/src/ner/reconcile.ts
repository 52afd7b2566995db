import type { EntityMention, EntityType } from "@newsflow/contracts";
import { contentInitials } from "./canonicalize.js";
import { type ContextTyper, retypeByContext } from "./context-typer.js";
import type { FeatureResources } from "./features.js";
import { normalizeToken, sentenceCasing } from "./features.js";
import type { Gazetteer } from "./gazetteer.js";
import { ENTITY_TYPES } from "./labels.js";
import { NAME_PARTICLE, PARTICLE_SURNAME } from "./particles.js";
import { squashName } from "./place-names.js";
import { EVENT_LAST, isListedFirstName, isListedOrganisation } from "./tag-entities.js";
import { type Token, tokenizeSentences } from "./tokenize.js";

/** One paragraph as the document step has it: its text and the entities worker's mentions. */
export interface ParagraphMentions {
  text: string;
  mentions: EntityMention[];
}

/** Options of reconcileEntities. */
export interface ReconcileOptions {
  /** The document's title: a paragraph with this text is a headline. */
  title?: string | null;
  /**
   * Groups of names that are aliases of one another (the NER model's `aliasGroups`, mined from
   * unlabeled text: "Islamic State", ISIS, ISIL, Daesh): the names of one group written in the
   * same article vote together for one type.
   */
  aliases?: readonly (readonly string[])[];
  /**
   * Whether a name after an honorific, or one that starts with a peer's title, is a person's
   * (default true; see markHonorifics). Self-training turns it off: in the mined name lists it moved no figure beyond a seed's spread (`packages/nlp/README.md`).
   */
  honorifics?: boolean;
  /**
   * Whether a "person" before a role noun and a person is an organisation (default true; see
   * unmarkRoleHolders). Self-training turns it off, so that `train:ner` still writes the shipped
   * model byte for byte.
   */
  roleHolders?: boolean;
  /**
   * Whether an organisation or MISC name of two or three words ending in Street, Road, Avenue,
   * Boulevard, Square or Bridge is a place (default true; see STREET_LAST). Self-training turns it
   * off, as it does roleHolders.
   */
  streetNames?: boolean;
  /**
   * Whether a person or organisation name right before a lower-case airport, hospital, prison or
   * stadium is a place (default true; see FACILITY_AFTER). Self-training turns it off, as it does
   * streetNames.
   */
  facilities?: boolean;
  /**
   * Whether, after the context typer, the article's persons keep their names: a place name of a
   * given name and a surname that the article types alone as a person is that person, and a one-word
   * name that ends a person's full name is that person (default true; see personsTakenForPlaces and
   * surnamesOfPersons). It reads the first-name list and corrects the typer, so it runs only with
   * `context`.
   */
  surnamePersons?: boolean;
  /**
   * Whether, after the context typer, a one-word name that starts a person's name of two or three
   * words in the article, a given name the first-name list holds, is that person ("Bernie" beside
   * "Bernie Sanders"; see givenNamesOfPersons). Default true; runs only with `context`, as
   * surnamePersons does.
   */
  givenNamePersons?: boolean;
  /**
   * Whether an organisation name the tagger cut short is joined: two organisations one space apart
   * ("NBC" + "News", see joinTouchingOrganisations) or with "and" between them when only the second
   * ends in a head noun ("Pew Internet" + "and" + "American Life Project", see
   * joinCoordinatedOrganisations), an organisation whose name ends in a head noun
   * with the name after "of", "for" or "on" ("Commission" + "for" + "Africa", see
   * joinOrganisationNames), and a name with the untagged words after it that end in a head noun
   * ("Clinton" + "Foundation", see joinOrganisationTails). Default true; self-training turns it
   * off, as it does roleHolders.
   */
  organisationNames?: boolean;
  /**
   * Whether a name takes in the one or two capitalised words after it that end in an event's or a
   * prize's head word and becomes MISC ("Berlin" + "Film Festival", "London" + "Marathon", see
   * joinEventNames), a title in quotation marks that the tagger cut into names is one MISC name
   * ("Orange is the New Black", see joinQuotedTitles), and a show's name and its acronym, and a
   * name after a noun for a work, are MISC after the typer ("Consumer Electronics Show", "CES", see
   * showNames; "the film Vera Drake", see workTitles). Default true; self-training turns it off, as
   * it does roleHolders.
   */
  eventNames?: boolean;
  /**
   * Whether two names with one or two lower-case particles between them are one name ("Osama" +
   * "bin" + "Laden", "Lula" + "da" + "Silva", "Stade" + "de" + "France") and a person's name takes
   * in the particles right before it ("von Trapp"; see joinParticleNames). Default true;
   * self-training turns it off, as it does roleHolders.
   */
  particleNames?: boolean;
  /**
   * Whether the names of British parties (Tory, Tories, Labour, Lib Dem(s), Liberal Democrat(s))
   * are organisations after the typer, however the tagger typed them, and one the tagger cut in two
   * is joined ("Liberal" + "Democrats"; see BRITISH_PARTIES), and the "PAC" of "a super PAC" no
   * name (see SUPER_PAC). Default true; self-training turns it off,
   * as it does roleHolders.
   */
  partyNames?: boolean;
  /** Whether an acronym the document defines in brackets after a name takes its type everywhere (default true; see definedAcronyms). */
  acronyms?: boolean;
  /**
   * The NER model's context typer with the word resources its features read (`loadEntityDocumentModel()`):
   * after the rules, each name is typed again from the words around all the places the article writes
   * it (see retypeByContext); its name lists also join an organisation the tagger cut in two
   * (joinListedOrganisations). Absent: the rules alone.
   */
  context?: { typer: ContextTyper; resources: FeatureResources } | null;
}

/** Weight of an alias's votes for a name of its group (a spelling variant counts 0.5, the name itself 1). */
export const ALIAS_VOTE = 0.5;

const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));
const ORG = TYPE_INDEX.get("ORG")!;
const MISC = TYPE_INDEX.get("MISC")!;
const LOC = TYPE_INDEX.get("LOC")!;
/** Confidence at which a mention keeps its own type against the document's vote. */
const KEEP_TYPE = 0.75;

interface Para {
  text: string;
  /** The text's sentences as tokenizeSentences gives them; `tokens` is them flattened. */
  sentences: Token[][];
  tokens: Token[];
  /** 1 where a token starts a sentence. */
  initial: Uint8Array;
  headline: boolean;
  /** Learnt-type mentions as token ranges; values and unaligned mentions pass through in `kept`. */
  spans: Span[];
  kept: EntityMention[];
}

interface Span {
  start: number;
  end: number;
  type: number;
  confidence: number;
}

interface Form {
  tokens: string[];
  votes: Float64Array;
  count: number;
  confidence: number;
}

function isCapitalised(t: string): boolean {
  const c = t.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function prepare(p: ParagraphMentions, title: string | null): Para {
  const sentences = tokenizeSentences(p.text);
  const tokens = sentences.flat();
  const initial = new Uint8Array(tokens.length);
  let k = 0;
  for (const s of sentences) {
    initial[k] = 1;
    k += s.length;
  }
  const words = tokens.map((t) => normalizeToken(t.text));
  const headline =
    (title !== null && p.text.trim() === title.trim()) || (sentences.length === 1 && sentenceCasing(words) === 2);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  tokens.forEach((t, i) => {
    byStart.set(t.start, i);
    byEnd.set(t.end, i + 1);
  });
  const spans: Span[] = [];
  const kept: EntityMention[] = [];
  for (const m of p.mentions) {
    const type = TYPE_INDEX.get(m.type);
    const start = byStart.get(m.start);
    const end = byEnd.get(m.end);
    if (type === undefined || start === undefined || end === undefined || end <= start) kept.push(m);
    else spans.push({ start, end, type, confidence: m.confidence });
  }
  spans.sort((a, b) => a.start - b.start);
  return { text: p.text, sentences, tokens, initial, headline, spans, kept };
}

/** Party words that news writes before a politician's name ("Democrat Hillary Clinton"). */
const PARTY_LABELS = new Set(["Democrat", "Republican", "GOP", "Tory", "Labour"]);
/** Confidence of the party word split off a name: low, so that the article's other mentions of it decide its type. */
const PARTY_LABEL_CONFIDENCE = 0.5;

/**
 * "Democrat Hillary Clinton" is a party word and a person, which CoNLL writes as two names
 * ("Republican" MISC alone 26 times in its training text, never one name with a person after it),
 * but the tagger, which never saw the party written right before the name, takes them as one
 * organisation. A mention of three words or more that starts with a party word followed by a
 * listed first name is split there: the party word (MISC at low confidence, so that the article's
 * other mentions of it decide) and the person. Over the 2,733 BBC and PolNeAR articles 31 mentions
 * split ("Democrat Hillary Clinton" 20 times, "Republican Donald Trump", "Tory Liam Fox"); dev and
 * the web sets have none. Likewise a party word with "of" and a place, which the New York Times
 * writes after a legislator's name ("Senator Patrick Leahy, Democrat of Vermont"): the party word
 * and the place, as the tagger itself tags "Republican of Iowa" (MISC, LOC) mostly; over the 2,733
 * articles 8 mentions of "Democrat of ..." split, none of "Progressive Democrats of America".
 */
function splitPartyLabels(p: Para, gazetteers: readonly Gazetteer[]): void {
  const out: Span[] = [];
  for (const s of p.spans) {
    const place = partyOfPlace(p, s);
    if (place !== null) {
      out.push({ start: s.start, end: s.start + 1, type: MISC, confidence: PARTY_LABEL_CONFIDENCE }, { start: place, end: s.end, type: LOC, confidence: s.confidence });
      continue;
    }
    if (s.end - s.start < 3 || !PARTY_LABELS.has(p.tokens[s.start]!.text) || !isCapitalised(p.tokens[s.start + 1]!.text) || !isListedFirstName(gazetteers, p.tokens[s.start + 1]!.text)) {
      out.push(s);
      continue;
    }
    out.push({ start: s.start, end: s.start + 1, type: MISC, confidence: PARTY_LABEL_CONFIDENCE }, { start: s.start + 1, end: s.end, type: 0, confidence: s.confidence });
  }
  p.spans = out;
}

/** Party words that the New York Times writes with "of" and a state after a legislator's name. */
const PARTY_OF_PLACE = new Set(["Democrat", "Republican"]);

/** Where the place starts in a mention such as "Democrat of Vermont" or "Republican of the Bronx", or null. */
function partyOfPlace(p: Para, s: Span): number | null {
  if (s.end - s.start < 3 || !PARTY_OF_PLACE.has(p.tokens[s.start]!.text) || p.tokens[s.start + 1]!.text !== "of") return null;
  const place = p.tokens[s.start + 2]!.text === "the" ? s.start + 3 : s.start + 2;
  return place < s.end && isCapitalised(p.tokens[place]!.text) ? place : null;
}

/**
 * Folds a paragraph's spans left to right: where `joins(last, next, joined)` holds for the span
 * built so far and the next one, the two become one name, an organisation unless `typeOf` gives
 * another type, at the lower confidence of the two. `joined` tells whether `last` is itself a join made here.
 */
function joinSpans(p: Para, joins: (last: Span, next: Span, joined: boolean) => boolean, typeOf: (last: Span, next: Span) => number = () => ORG): void {
  const out: Span[] = [];
  let joined = false;
  for (const s of p.spans) {
    const last = out[out.length - 1];
    if (last !== undefined && joins(last, s, joined)) {
      out[out.length - 1] = { start: last.start, end: s.end, type: typeOf(last, s), confidence: Math.min(last.confidence, s.confidence) };
      joined = true;
      continue;
    }
    out.push(s);
    joined = false;
  }
  p.spans = out;
}

/**
 * Where the untagged words after span `k` that match `word` end: at most `max` of them, in its
 * sentence, one space apart, before the next span.
 */
function untaggedTail(p: Para, k: number, max: number, word: RegExp): number {
  const s = p.spans[k]!;
  const limit = Math.min(s.end + max, p.spans[k + 1]?.start ?? p.tokens.length);
  let end = s.end;
  while (end < limit && !p.initial[end] && spaced(p, end - 1) && word.test(p.tokens[end]!.text)) end++;
  return end;
}

/**
 * Joins two mentions one space apart, neither of them MISC, that Wikipedia's organisation list
 * names as one, written exactly so: "Wall Street" + "Journal", "United States" + "Anti-Doping
 * Agency" (the tagger cut them where a part is a name of its own). The joined name is an
 * organisation, at the lower confidence of the two. A MISC part stays apart: the list also holds
 * "Senate Democrats" and "English FA", which CoNLL writes as two names ("Senate" ORG, "Democrats"
 * MISC), and over the BBC and PolNeAR articles the joins with a MISC part were 5 right of 17.
 * Likewise a mention, not MISC, with the one or two untagged capitalised words after it that the
 * list names with it ("Argus" + "Leader", "New York" + "Times"), unless they end in a title.
 */
function joinListedOrganisations(p: Para, gazetteers: readonly Gazetteer[]): void {
  joinSpans(
    p,
    (last, s) => last.end === s.start && last.type !== MISC && s.type !== MISC && spaced(p, last.end - 1) && isListedOrganisation(gazetteers, p.tokens.slice(last.start, s.end).map((t) => t.text)),
  );
  // A mention and the one or two untagged capitalised words after it ("Argus" + "Leader", "New
  // York" + "Times"), when the list names them as one, unless the last is a title ("UK" + "Home
  // Secretary", which the list holds as an office).
  for (let k = 0; k < p.spans.length; k++) {
    const s = p.spans[k]!;
    if (s.type === MISC) continue;
    const end = untaggedTail(p, k, LISTED_TAIL, /^\p{Lu}/u);
    for (let e = end; e > s.end; e--) {
      const words = p.tokens.slice(s.start, e).map((t) => t.text);
      if (TITLE_HEADS.has(words[words.length - 1]!)) break;
      if (isListedOrganisation(gazetteers, words)) {
        p.spans[k] = { ...s, end: e, type: ORG };
        break;
      }
    }
  }
}

/** How many untagged words after a mention may complete a listed organisation. */
const LISTED_TAIL = 2;

/** Last words of offices that Wikipedia's organisation titles list ("Home Secretary", "US Attorney"): no tail of a name. */
const TITLE_HEADS = new Set(["Secretary", "Minister", "Attorney", "President", "Chancellor", "General", "Governor", "Senator", "Ambassador", "Commissioner", "Chairman", "Director", "Spokesman", "Mayor", "Judge", "Chief", "Speaker", "Prosecutor"]);

/**
 * Joins two organisations one space apart into one: "NBC" + "News", "Senate" + "Veterans Affairs
 * Committee", "Bank of America" + "Merrill Lynch". The tagger ends one name and starts another of
 * the same type there, which CoNLL almost never writes (24 B-ORG tags in its training text, nearly
 * all in tables of party names), so the two are one name cut in two. Persons are joined by
 * mergeSplitNames; two MISC names are often two ("Qaeda-linked" + "Islamic"), and joining them
 * lost on dev and web set D.
 */
function joinTouchingOrganisations(p: Para): void {
  joinSpans(p, (last, s) => last.type === ORG && s.type === ORG && last.end === s.start && !p.initial[s.start] && spaced(p, last.end - 1));
}

/**
 * Last words of organisations' names that a name after "of" or "for" completes ("Bank of England",
 * "Commission for Racial Equality"). CoNLL train writes 81 such names as one organisation and cuts
 * 3 ("U.S. Court of Appeals" + "for the Ninth Circuit" twice, so no court takes "for" here). Also
 * the words that make a name with the untagged words before them an organisation
 * (joinOrganisationTails: "Clinton" + "Foundation").
 */
const ORG_NAME_HEADS = new Set([
  "Academy", "Agency", "Alliance", "Assembly", "Association", "Authority", "Bank", "Board", "Bureau", "Center", "Centre", "Chamber",
  "Church", "Club", "Coalition", "College", "Commission", "Committee", "Conference", "Congress", "Corporation", "Council", "Court",
  "Department", "Federation", "Forum", "Foundation", "Front", "Fund", "Institute", "Institution", "League", "Library", "Ministry",
  "Movement", "Museum", "Office", "Organisation", "Organization", "Party", "School", "Society", "Subcommittee", "Summit", "Trust",
  "Union", "University",
]);
/** Heads that a name after "on" completes ("Senate Committee on Homeland Security", "Council on Foreign Relations"). */
const ON_HEADS = new Set(["Commission", "Committee", "Conference", "Council", "Subcommittee", "Summit"]);

/**
 * Joins an organisation whose name ends in a head noun (ORG_NAME_HEADS) with the organisation,
 * place or MISC name right after it and "of", "for" or "on" (with or without "the"), which the
 * tagger cut off: "Commission" + "for" + "Africa", "American Civil Liberties Union" + "of" +
 * "Ohio", "House Select Committee" + "on" + "Benghazi". The joined name is an organisation at the
 * lower confidence of the two, and it goes on joining through "of" ("Office for the Western
 * District" + "of" + "New York"). A court takes no name after "for" (CoNLL cuts "for the Ninth
 * Circuit"), and only committees, commissions, councils, conferences and summits take one after "on"
 * ("Hofstra University on Long Island" stays two names).
 */
function joinOrganisationNames(p: Para): void {
  // A name joined here goes on joining through "of".
  joinSpans(p, (last, s, joined) => (last.type === ORG || joined) && s.type !== 0 && joinsAfter(p, last, s, joined));
}

/** Head nouns that end a name of two coordinated parts ("Pew Internet and American Life Project"). */
const COORDINATED_HEADS: ReadonlySet<string> = new Set([...ORG_NAME_HEADS, "Service", "Project"]);

/**
 * Joins two organisations with "and" between them when only the second ends in a head noun, so
 * the first is no name of its own but the first half of one: "Pew Internet" + "and" + "American
 * Life Project", "World Travel" + "and" + "Tourism Council", "Bill" + "and" + "Melinda Gates
 * Foundation". A first part that ends in a head noun or is written in capitals is a name of its
 * own ("G7 Group and World Economic Forum", "FBI and Justice Department").
 */
function joinCoordinatedOrganisations(p: Para): void {
  joinSpans(p, (last, s) => last.type === ORG && s.type === ORG && coordinated(p, last, s));
}

/** Whether `second` follows `first` after "and" alone, ends in a head noun, and `first` does not: see joinCoordinatedOrganisations. */
function coordinated(p: Para, first: Span, second: Span): boolean {
  const head = p.tokens[first.end - 1]!.text;
  if (p.tokens[first.end]?.text !== "and" || second.start !== first.end + 1 || p.initial[second.start]) return false;
  if (!spaced(p, first.end - 1) || !spaced(p, first.end)) return false;
  if (ORG_NAME_HEADS.has(head) || head === "Group" || !/\p{Ll}/u.test(head)) return false;
  return COORDINATED_HEADS.has(p.tokens[second.end - 1]!.text);
}

/** Whether `next` follows `org` after "of", "for" or "on" (and "the") that its head noun takes, or after "of" when `joined`: see joinOrganisationNames. */
function joinsAfter(p: Para, org: Span, next: Span, joined: boolean): boolean {
  let i = org.end;
  const word = p.tokens[i]?.text;
  const head = p.tokens[org.end - 1]!.text;
  const takes = joined
    ? word === "of"
    : word === "of"
      ? ORG_NAME_HEADS.has(head)
      : word === "for"
        ? ORG_NAME_HEADS.has(head) && head !== "Court"
        : word === "on" && ON_HEADS.has(head);
  if (!takes) return false;
  if (p.tokens[i + 1]?.text === "the") i++;
  if (next.start !== i + 1 || p.initial[next.start]) return false;
  for (let k = org.end - 1; k < next.start; k++) if (!spaced(p, k)) return false;
  return true;
}

/**
 * A name followed by one or two untagged capitalised words that end in an event's or a prize's head
 * word (EVENT_LAST: Festival, Marathon, War, Awards, Championships, ...) is that event, MISC, as the
 * tagger's own output rule types such a name when it tags it whole ("Berlin" + "Film Festival",
 * "London" + "Marathon", "Iraq" + "War", "MTV" + "Music Awards"). Over the 2,733 BBC and PolNeAR
 * articles 42 mentions change, all events or prizes but for a video game named after a rally
 * driver ("Colin McRae Rally", MISC either way).
 */
function joinEventNames(p: Para): void {
  joinNameTails(p, EVENT_LAST, MISC, () => true);
}

/**
 * Likewise a name, not MISC, followed by one or two untagged capitalised words that end in an
 * organisation's head noun (ORG_NAME_HEADS) is that organisation: "Clinton" + "Foundation", "Sandy
 * Hook" + "Elementary School", "Los Angeles" + "Superior Court", "Labor" + "Department". A MISC name
 * stays apart, as CoNLL writes "German" + "Foreign Ministry". Over the 2,733 articles 136 mentions
 * change ("Clinton Foundation" 47), about 130 rightly.
 */
function joinOrganisationTails(p: Para): void {
  joinNameTails(p, ORG_NAME_HEADS, ORG, (s) => s.type !== MISC);
}

/** Each span that `from` accepts takes in the one or two untagged capitalised words after it when the last of them is in `heads`, and becomes `type`. */
function joinNameTails(p: Para, heads: ReadonlySet<string>, type: number, from: (s: Span) => boolean): void {
  for (let k = 0; k < p.spans.length; k++) {
    const s = p.spans[k]!;
    if (!from(s)) continue;
    for (let e = untaggedTail(p, k, NAME_TAIL, /^\p{Lu}\p{Ll}/u); e > s.end; e--) {
      if (heads.has(p.tokens[e - 1]!.text)) {
        p.spans[k] = { ...s, end: e, type };
        break;
      }
    }
  }
}

/** How many untagged words after a name may complete an event's or an organisation's name. */
const NAME_TAIL = 2;

/** Double quotation marks around a title. */
const TITLE_MARKS = new Set(['"', "\u201c", "\u201d", "''", "``"]);

/** Lower-case words a title in quotation marks may hold ("Orange is the New Black", "Jerry's Guide to the World Wide Web"). */
const TITLE_WORDS = new Set(["of", "the", "and", "a", "an", "in", "on", "to", "for", "at", "with", "from", "by", "or", "is", "vs", "'s", "\u2019s"]);

/** How many words a title in quotation marks may have. */
const TITLE_MAX = 7;

/**
 * A title in quotation marks that the tagger cut into several names is one name, MISC, as the
 * guidelines type works, shows and campaigns: "Orange is the New Black" (tagged "Orange" ORG +
 * "New Black" MISC), "Dawson's Creek" (PER + LOC), "America with Jorge Ramos" (LOC + PER). CoNLL
 * train writes 19 of its 22 quoted title-case phrases of two words or more as one name (10 MISC, 7
 * ORG). Only a phrase of capitalised words and the lower-case words of TITLE_WORDS, between two
 * double quotation marks, holding two names or more and some word outside them besides "and": so
 * "Trump and Clinton" in quotation marks stays two names.
 */
function joinQuotedTitles(p: Para): void {
  const cover = spanCover(p.tokens.length, p.spans);
  for (let open = 0; open < p.tokens.length; open++) {
    if (!TITLE_MARKS.has(p.tokens[open]!.text)) continue;
    let close = open + 1;
    while (close < p.tokens.length && close - open <= TITLE_MAX + 1 && isTitleWord(p.tokens[close]!.text)) close++;
    if (close >= p.tokens.length || !TITLE_MARKS.has(p.tokens[close]!.text) || close - open < 3 || !isCapitalised(p.tokens[open + 1]!.text)) continue;
    const inside = p.spans.filter((s) => s.start > open && s.end <= close);
    const crossing = p.spans.some((s) => s.start < close && s.end > open + 1 && (s.start <= open || s.end > close));
    const outside = p.tokens.slice(open + 1, close).some((t, i) => cover[open + 1 + i] === -1 && t.text !== "and");
    const cased = p.tokens.slice(open + 1, close).some((t) => t.text !== t.text.toUpperCase());
    if (inside.length < 2 || crossing || !outside || !cased) continue;
    const confidence = Math.min(...inside.map((s) => s.confidence));
    p.spans = [...p.spans.filter((s) => !inside.includes(s)), { start: open + 1, end: close, type: MISC, confidence }].sort((a, b) => a.start - b.start);
    open = close;
  }
}

/** Whether a word may stand in a title in quotation marks: capitalised, in capitals, or one of TITLE_WORDS. */
function isTitleWord(t: string): boolean {
  return (isCapitalised(t) && t !== t.toUpperCase()) || TITLE_WORDS.has(t) || /^\p{Lu}+$/u.test(t);
}

/**
 * Joins a name the tagger split in two: touching mentions separated by one space where the first
 * is a person and the second is a person too or starts with a name particle ("Abu Bakr" +
 * "al-Baghdadi").
 */
function mergeSplitNames(p: Para): void {
  const out: Span[] = [];
  for (const s of p.spans) {
    const last = out[out.length - 1];
    if (last !== undefined && last.end === s.start && last.type === 0) {
      const second = p.tokens[s.start]!.text;
      if (spaced(p, last.end - 1) && (s.type === 0 || NAME_PARTICLE.test(second))) {
        last.end = s.end;
        last.confidence = Math.min(last.confidence, s.confidence);
        continue;
      }
    }
    out.push({ ...s });
  }
  // A person's name continues with a particle-joined surname the tagger left out: "Abu Bakr" al-Baghdadi.
  for (let k = 0; k < out.length; k++) {
    const s = out[k]!;
    const next = p.tokens[s.end];
    if (s.type !== 0 || next === undefined || !PARTICLE_SURNAME.test(next.text)) continue;
    if (!spaced(p, s.end - 1) || out[k + 1]?.start === s.end) continue;
    s.end++;
  }
  p.spans = out;
}

/** Lower-case particles that stand as words of their own inside a name ("bin", "da", "van den", "de la"). */
const SPACED_PARTICLE = /^(?:von|van|de|der|den|da|di|du|del|della|dos|das|do|ter|te|al|el|bin|ibn|bint|la|le)$/;

/** Of those, the ones a person's name may open when no given name comes before it ("von Trapp", "dos Santos"); not the French articles. */
const OPENING_PARTICLE = /^(?:von|van|de|der|den|da|di|du|del|della|dos|das|ter|te|al|el|bin|ibn)$/;

/** How many particles may stand together inside a name. */
const PARTICLE_RUN = 2;

/**
 * Joins two names with one or two untagged lower-case particles between them, one space apart
 * ("Osama" + "bin" + "Laden", "Luiz Inacio Lula" + "da" + "Silva", "Ruud" + "van" + "Nistelrooy",
 * "Stade" + "de" + "France"): CoNLL train writes all 53 of its names so built as one name. The
 * name is a person's if either part is, else of the first part's type ("Banco de Mexico"). A
 * person's name also takes in the particles right before it ("the von Trapp family", "dos Santos
 * says"), as CoNLL writes "de Klerk" and "de Silva" (4 of 4).
 */
function joinParticleNames(p: Para): void {
  joinSpans(
    p,
    (last, s) => s.start - last.end <= PARTICLE_RUN && particlesBetween(p, last.end, s.start, SPACED_PARTICLE),
    (last, s) => (last.type === 0 || s.type === 0 ? 0 : last.type),
  );
  p.spans = p.spans.map((s, k) => {
    if (s.type !== 0) return s;
    const floor = Math.max(s.start - PARTICLE_RUN, k > 0 ? p.spans[k - 1]!.end : 0);
    let start = s.start;
    while (start > floor && particlesBetween(p, start - 1, s.start, OPENING_PARTICLE)) start--;
    return start === s.start ? s : { ...s, start };
  });
}

/** Whether tokens `from` to `to` (not included) are particles that `word` matches, in one sentence, one space apart and one space from the tokens around them. */
function particlesBetween(p: Para, from: number, to: number, word: RegExp): boolean {
  if (from >= to || from === 0) return false;
  for (let k = from; k <= to; k++) if (p.initial[k] || !spaced(p, k - 1)) return false;
  for (let k = from; k < to; k++) if (!word.test(p.tokens[k]!.text)) return false;
  return true;
}

/** Honorifics that precede a person's name ("Mr. Trump", "Dr Haidar"); "Miss" is left out ("Miss Universe"). */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Mme|Messrs)\.?$/;
/** Capitalised words an honorific precedes that are no names ("Mr. President", "Madam Speaker"). */
const HONORIFIC_ROLES = new Set(["President", "Speaker", "Chairman", "Chairwoman", "Secretary", "Justice", "Mayor", "Ambassador", "Governor", "Minister", "Prime", "Vice", "Chief"]);
/** Confidence given a person an honorific marks: that of a confident mention, which keeps its type. */
const HONORIFIC_CONFIDENCE = 0.75;
/** Capitalised words a person an honorific marks runs to at most, when the tagger tagged none of them. */
const HONORIFIC_NAME_WORDS = 3;

/**
 * A name right after an honorific is a person's ("Mr. Trump", "Mr. Xi"): Reuters of 1996 writes
 * no honorifics (CoNLL train has 19 such names after Mr/Mrs/Dr, one "Mr. President"), so the
 * tagger has not learnt them and types "Mr. Trump" ORG where its lists know a Trump company. A
 * mention there becomes PER with at least HONORIFIC_CONFIDENCE, so that it holds its type and
 * votes for the name's type elsewhere in the document; capitalised words there that the tagger
 * left untagged become one (not a role: "Mr. President"). So does a mention that starts with a
 * title of the peerage or a knighthood and a capitalised word that is no office ("Lord Goldsmith",
 * "Dame Judi Dench"; not "Lord Chancellor").
 */
function markHonorifics(p: Para): void {
  // The tagger takes the BBC's "Mr" (no full stop) into the name now and then ("Mr Greenspan said"),
  // where CoNLL leaves the honorific out ("Mr" O 3 times of 4 in its training text, "Mrs" and "Dr"
  // every time): the name is the words after it, and an honorific alone is none.
  p.spans = p.spans.flatMap((s) => {
    if (!HONORIFIC.test(p.tokens[s.start]!.text)) return [s];
    if (s.end - s.start < 2) return [];
    if (!spaced(p, s.start) || HONORIFIC_ROLES.has(p.tokens[s.start + 1]!.text)) return [s];
    return [{ start: s.start + 1, end: s.end, type: 0, confidence: Math.max(s.confidence, HONORIFIC_CONFIDENCE) }];
  });
  if (p.headline) return;
  const covered = spanCover(p.tokens.length, p.spans);
  const added: Span[] = [];
  for (let i = 0; i + 1 < p.tokens.length; i++) {
    if (!HONORIFIC.test(p.tokens[i]!.text) || covered[i]! >= 0 || !spaced(p, i)) continue;
    const own = covered[i + 1]!;
    if (own >= 0) {
      const s = p.spans[own]!;
      if (s.start === i + 1) p.spans[own] = { ...s, type: 0, confidence: Math.max(s.confidence, HONORIFIC_CONFIDENCE) };
      continue;
    }
    let end = i + 1;
    while (end < p.tokens.length && end - i <= HONORIFIC_NAME_WORDS && covered[end] === -1 && p.initial[end] !== 1) {
      const word = p.tokens[end]!.text;
      if (!isCapitalised(word) || HONORIFIC_ROLES.has(word) || !/\p{Ll}/u.test(word)) break;
      if (end > i + 1 && !spaced(p, end - 1)) break;
      end++;
    }
    if (end > i + 1) added.push({ start: i + 1, end, type: 0, confidence: HONORIFIC_CONFIDENCE });
  }
  if (added.length > 0) p.spans = [...p.spans, ...added].sort((a, b) => a.start - b.start);
  // A mention that starts with a peer's title is a person's name with it ("Lord Goldsmith" ORG 13
  // times over the BBC articles, "Lord Falconer" LOC): over the 2,733 BBC and PolNeAR articles 30
  // mentions of 12 peers became persons, each right; "Lord Chancellor" and "Lord's" stay as tagged.
  p.spans = p.spans.map((s) => {
    if (s.type === 0 || s.end - s.start < 2 || !PEER_TITLE.test(p.tokens[s.start]!.text)) return s;
    const next = p.tokens[s.start + 1]!.text;
    if (!isCapitalised(next) || HONORIFIC_ROLES.has(next) || PEER_ROLES.has(next) || !spaced(p, s.start)) return s;
    return { ...s, type: 0, confidence: Math.max(s.confidence, HONORIFIC_CONFIDENCE) };
  });
}

/** Titles of the British peerage and knighthood that a mention may start with ("Lord Goldsmith", "Baroness Scotland"). */
const PEER_TITLE = /^(?:Lord|Lady|Baroness|Baron|Dame|Sir)$/;
/** Words after such a title that make an office, not a name ("Lord Chancellor", "Lord Chief Justice", "Lord Of the Rings"). */
const PEER_ROLES = new Set(["Chancellor", "Of", "Provost", "Advocate", "Privy", "Protector", "Lieutenant", "High", "Great", "Commissioner", "Commissioners", "Chamberlain", "Steward", "President"]);

/**
 * Lower-case role nouns written between an organisation, place or group and the person who holds
 * the role ("Lib Dem leader Charles Kennedy", "Villa chairman Doug Ellis", "England striker Alan
 * Shearer"). CoNLL train writes a mention, one of these words and a person 99 times, and the first
 * mention is never a person (61 ORG, 24 MISC, 14 LOC); "aide", "adviser" and the like are left
 * out, as a person's aide is ("Kennedy aide Ted Sorensen").
 */
export const TITLE_NOUNS: ReadonlySet<string> = new Set([
  "leader", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "manager", "coach", "striker",
  "midfielder", "defender", "goalkeeper", "captain", "skipper", "analyst", "economist", "president", "minister",
  "secretary", "director", "boss", "MP", "official", "governor", "ambassador", "envoy",
]);

/**
 * A mention the tagger typed as a person, followed by a role noun (or "chief executive") and a
 * person, is no person: it names whom the role is held in, and becomes an organisation, the type
 * CoNLL gives most such names ("Lib Dem" and "William Hill" came out as persons, where the tagger
 * knew neither name). Its confidence stays, so the document's other mentions of the name still
 * outvote it when they are surer.
 */
function unmarkRoleHolders(p: Para): void {
  for (const [k, s] of p.spans.entries()) {
    const next = p.spans[k + 1];
    if (s.type !== 0 || next === undefined || next.type !== 0) continue;
    const words = p.tokens.slice(s.end, next.start).map((t) => t.text);
    const role = words.length === 1 ? TITLE_NOUNS.has(words[0]!) : words.length === 2 && words[0] === "chief" && words[1] === "executive";
    if (!role) continue;
    let spacedOut = true;
    for (let i = s.end - 1; i < next.start; i++) spacedOut &&= spaced(p, i);
    if (spacedOut) p.spans[k] = { ...s, type: 1 };
  }
}

function formKey(tokens: readonly Token[], start: number, end: number): string {
  let key = "";
  for (let i = start; i < end; i++) key += (i > start ? " " : "") + tokens[i]!.text;
  return key;
}

/** The type with the most confidence behind it. */
function argmax(votes: Float64Array): number {
  let best = 0;
  for (let t = 1; t < votes.length; t++) if (votes[t]! > votes[best]!) best = t;
  return best;
}

/**
 * Document-level reconciliation of the paragraph tagger's mentions (the entities worker sees one
 * paragraph at a time; this sees the article):
 * - a person name split in two ("Abu Bakr" + "al-Baghdadi") becomes one mention, and a person
 *   followed by a particle-joined surname takes it in ("Abu Bakr" al-Baghdadi);
 * - with `context`, two names that the organisation list writes as one become that organisation
 *   ("Wall Street" + "Journal", see joinListedOrganisations), and a party word is split off the
 *   politician's name after it ("Democrat" + "Hillary Clinton", see splitPartyLabels);
 * - two organisations one space apart are one ("NBC" + "News", see joinTouchingOrganisations), so
 *   are two with "and" between when only the second ends in a head noun ("Pew Internet" + "and" +
 *   "American Life Project", see joinCoordinatedOrganisations), and
 *   an organisation whose name ends in a head noun takes in the name the tagger cut off after "of",
 *   "for" or "on" ("Commission" + "for" + "Racial Equality", see joinOrganisationNames);
 * - a name with the capitalised words after it that end in an event's head word is that event
 *   ("Berlin" + "Film Festival", see joinEventNames), and one, not MISC, with those that end in an
 *   organisation's head noun is that organisation ("Clinton" + "Foundation", see joinOrganisationTails);
 * - the same name gets one type across the document (the type with the most confidence behind
 *   it; spellings that differ only in case, spaces or hyphens count as one name, and the names
 *   of one alias group (`options.aliases`: ISIS, Daesh) vote for each other at half weight; a mention of
 *   confidence 0.75 or more keeps its own type, as a city and its team share a name); a short
 *   form takes the type of the one full form it abbreviates: a surname alone that of the person
 *   ("Croft" after "Mark Croft"), a first word taken for a person that of the organisation or
 *   place it starts ("Mercantile");
 * - a longer name found elsewhere replaces the pieces of it tagged here ("USA" inside "USA
 *   Today", "Islamic" inside "Islamic State"), and a name tagged elsewhere is tagged where the
 *   tagger missed it (a single word only when the document never writes it in lower case); a
 *   name of an alias group written where the tagger tagged a piece of it counts as found
 *   ("Islamic State" around "Islamic" MISC), typed by its group's names in the article;
 * - in a headline (the title, or a title-cased one-sentence paragraph) a mention the body does
 *   not tag is dropped when the body writes one of its words in lower case ("Shows", "Flee"):
 *   title case capitalises every word, so capitals say nothing there.
 * - a name right after an honorific, or a mention that starts with a peer's title, is a person's,
 *   and holds that type ("Mr. Trump", "Lord Goldsmith", see markHonorifics);
 * - a "person" before a role noun and a person is an organisation ("Lib Dem leader Charles Kennedy",
 *   see unmarkRoleHolders);
 * - a "person" with a digit in its name is a thing (MISC): "KC-10 Extender"; so is a name written
 *   right after a model designation, which it takes in ("KC-10" + "Extender");
 * - with `context` (the model's context typer), each name is then typed again from the words
 *   around every place the article writes it, weighed against the tagger's confidence;
 * - last, a name ending in "Show" and its acronym are MISC ("Consumer Electronics Show", "CES", see
 *   showNames), and an organisation or MISC name of two or three words ending in Street, Road, Avenue,
 *   Boulevard, Square or Bridge is a place ("Downing Street", see isStreetName), and so is a person
 *   or organisation name right before a lower-case airport, hospital, prison or stadium ("Walter
 *   Reed hospital", see namesFacility);
 * - with `context`, a place name of a given name and a surname that the article types alone as a
 *   person is that person ("Bernie Sanders" beside "Sanders", see personsTakenForPlaces), and then a
 *   one-word name that ends a person's full name is that person, whatever the typer made of it
 *   ("Trump" beside "Donald Trump", see surnamesOfPersons).
 * Values (DATE, MONEY, ...) pass through untouched. Returns each paragraph's final mentions in
 * text order, offsets into that paragraph's text.
 */
export function reconcileEntities(paragraphs: readonly ParagraphMentions[], options: ReconcileOptions = {}): EntityMention[][] {
  const paras = paragraphs.map((p) => prepare(p, options.title ?? null));
  const lowerWords = lowerCaseWords(paras);
  const ruled = reconcileByRules(paras, options, lowerWords);
  const context = options.context;
  const typed = context ? retypeByContext(paras.map((p) => p.sentences), ruled, context.typer, context.resources) : ruled;
  // After the context typer, which would type "Downing Street" by the words around it ("Downing
  // Street said") as it types organisations.
  const streets = options.streetNames !== false;
  const facilities = options.facilities !== false;
  const shows = options.eventNames !== false ? new Set([...showNames(typed), ...workTitles(typed, paragraphs)]) : new Set<string>();
  const parties = options.partyNames !== false;
  const placed = typed.map((ms, i) =>
    ms.flatMap((m): EntityMention[] => {
      if ((streets && isStreetName(m)) || (facilities && namesFacility(m, paragraphs[i]!.text))) return [{ ...m, type: "LOC" }];
      if (shows.has(m.text) && m.type !== "MISC") return [{ ...m, type: "MISC" }];
      if (!parties || !TYPE_INDEX.has(m.type)) return [m];
      if (SUPER_PAC.test(paragraphs[i]!.text.slice(Math.max(0, m.start - 6), m.end))) return [];
      return BRITISH_PARTIES.has(m.text) && m.type !== "ORG" ? [{ ...m, type: "ORG" }] : [m];
    }),
  );
  if (!context) return placed;
  const surnamed = options.surnamePersons === false ? placed : surnamesOfPersons(personsTakenForPlaces(placed, context.resources.gazetteers));
  return options.givenNamePersons === false ? surnamed : givenNamesOfPersons(surnamed, lowerWords, context.resources.gazetteers);
}

/**
 * The types that names of two words or more give the one word that is their short form, with how
 * many of the names give each: a person's name its last word (a surname alone), any other name its
 * first when a capitalised word follows ("Mercantile" of "Mercantile Bancorp Inc."). Types are
 * ENTITY_TYPES indices (PER is 0).
 */
function shortFormTypes(names: readonly { words: readonly string[]; type: number }[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const note = (word: string, type: number) => {
    const counts = out.get(word) ?? new Map<number, number>();
    counts.set(type, (counts.get(type) ?? 0) + 1);
    out.set(word, counts);
  };
  for (const { words, type } of names) {
    if (words.length < 2) continue;
    if (type === 0) note(words[words.length - 1]!, 0);
    else if (isCapitalised(words[1]!)) note(words[0]!, type);
  }
  return out;
}

/**
 * The rules give a surname alone the type of the person whose full name ends with it ("Trump" after
 * "Donald Trump"), but the context typer, which runs after them, types each name from the words
 * around it and its lists: "Trump" leads organisation titles ("Trump Organization"). Over PolNeAR's
 * training articles, which write "Donald Trump" as a person, 770 of the 3,769 mentions of "Trump"
 * came out ORG, LOC or MISC, against 88 with the rules alone. So after the typer a one-word name
 * that ends a person's name of two words or more in the article is that person, unless the
 * article writes other names of two words or more that start with it ("Trump Tower", "Disney
 * Channel") as often as the person's (thirty-ninth session: until then any one such name kept it
 * from the person; the counts gave 66 more mentions of "Trump" over the 2,733 articles their
 * person). Dev 0.9384 -> 0.9408 (36 error lines fewer,
 * none more: MaliVai Washington, Neil Jordan and a Holland typed LOC); over the 2,733 BBC and
 * PolNeAR articles 876 mentions become persons, "Trump" 634, "Bush" 58, "Sanders" 49, and about 25
 * wrongly, where the full name was no person ("Reagan Democrats", "Hillary PAC") or not the one
 * meant ("Roy Disney" makes the firm a person). Weighing the full name's confidence (0.65 or more)
 * would drop most of those and three times as many right ones ("Sanders", "Obama"), and leaves dev
 * as it is.
 */
function surnamesOfPersons(mentions: EntityMention[][]): EntityMention[][] {
  const named = mentions.flat().filter((m) => TYPE_INDEX.has(m.type));
  const full = shortFormTypes(named.map((m) => ({ words: m.text.split(" "), type: TYPE_INDEX.get(m.type)! })));
  const isPerson = (m: EntityMention): boolean => {
    if (m.type === "PER" || !TYPE_INDEX.has(m.type) || m.text.includes(" ")) return false;
    // Mentions of persons' full names that end with the word, against those of other names that start with it.
    const counts = full.get(m.text);
    if (counts === undefined) return false;
    const persons = counts.get(0) ?? 0;
    let all = 0;
    for (const n of counts.values()) all += n;
    return persons > all - persons;
  };
  return mentions.map((ms) => ms.map((m) => (isPerson(m) ? { ...m, type: "PER" as const } : m)));
}

/** First words of persons' names that are titles or party words, not given names, though the first-name list holds some ("Prince William", "Tory MP ..."). */
const NOT_GIVEN = /^(?:Prince|Princess|King|Queen|Lord|Lady|Baroness|Baron|Dame|Sir|Democrat|Republican|Tory|Labour|GOP)$/;

/**
 * A given name alone names the person whose full name it starts: "Bernie" (typed LOC 23 times over
 * PolNeAR's articles where "Bernie Sanders" is written), "Bill" beside "Bill Clinton" (ORG 18
 * times), "Billy", "Hillary". CoNLL writes a given name alone as a person. After the typer, a
 * one-word name that the first-name list holds and that starts a person's name of two or three
 * words in the article is that person, when the name's second word is no word the article writes
 * in lower case nor in capitals ("Flint Mayor Karen Weaver", "Tory MP Boris Johnson" are no full
 * names), its first word is no title nor party word, and it starts no other name of two words or
 * more there ("Bill of Rights").
 */
function givenNamesOfPersons(mentions: EntityMention[][], lower: ReadonlySet<string>, gazetteers: readonly Gazetteer[]): EntityMention[][] {
  const given = new Set<string>();
  const others = new Set<string>();
  for (const m of mentions.flat()) {
    const words = m.text.split(" ");
    if (!TYPE_INDEX.has(m.type) || words.length < 2) continue;
    if (m.type !== "PER") others.add(words[0]!);
    else if (words.length <= 3 && fullName(words, lower) && isListedFirstName(gazetteers, words[0]!)) given.add(words[0]!);
  }
  const isPerson = (m: EntityMention): boolean => m.type !== "PER" && TYPE_INDEX.has(m.type) && given.has(m.text) && !others.has(m.text);
  return mentions.map((ms) => ms.map((m) => (isPerson(m) ? { ...m, type: "PER" as const } : m)));
}

/** Whether a person's name of two or three words reads as a given name and a surname: no title or party word first, a capitalised second word the article never writes in lower case. */
function fullName(words: readonly string[], lower: ReadonlySet<string>): boolean {
  const second = words[1]!;
  return !NOT_GIVEN.test(words[0]!) && isCapitalised(second) && second !== second.toUpperCase() && !lower.has(second.toLowerCase());
}

/**
 * "Bernie Sanders" is a place to the tagger in every sentence (Wikipedia's place titles list the
 * name, and the tagger weighs that list heavily), while "Sanders" alone is a person. A place name of
 * two or three words whose first word the first-name list holds and whose last word the article
 * types alone as a person is that person. Over the 2,733 BBC and PolNeAR articles it retypes 73
 * mentions of 4 names, each a person: Bernie Sanders 64, Clint Eastwood 7, Wolf Blitzer, Warren
 * Beatty. Organisation names are left alone: the same test on them changes names that are
 * firms or no one name ("Arthur Andersen", "Johnson & Johnson", "AG Lynch"; EXPERIMENTS.md, "People
 * in the organisation list").
 */
function personsTakenForPlaces(mentions: EntityMention[][], gazetteers: readonly Gazetteer[]): EntityMention[][] {
  const surnames = new Set<string>();
  for (const ms of mentions) for (const m of ms) if (m.type === "PER" && !m.text.includes(" ")) surnames.add(m.text);
  if (surnames.size === 0) return mentions;
  const isPerson = (m: EntityMention): boolean => {
    if (m.type !== "LOC") return false;
    const words = m.text.split(" ");
    return words.length >= 2 && words.length <= 3 && surnames.has(words[words.length - 1]!) && isListedFirstName(gazetteers, words[0]!);
  };
  return mentions.map((ms) => ms.map((m) => (isPerson(m) ? { ...m, type: "PER" as const } : m)));
}

/** The words the document's paragraphs, headlines aside, write in lower case. */
function lowerCaseWords(paras: readonly Para[]): Set<string> {
  const lowerWords = new Set<string>();
  for (const p of paras) {
    if (p.headline) continue;
    for (const t of p.tokens) if (t.text === t.text.toLowerCase() && t.text !== t.text.toUpperCase()) lowerWords.add(t.text);
  }
  return lowerWords;
}

function reconcileByRules(paras: readonly Para[], options: ReconcileOptions, lowerWords: ReadonlySet<string>): EntityMention[][] {
  const gazetteers = options.context?.resources.gazetteers;
  const organisations = options.organisationNames !== false;
  for (const p of paras) {
    mergeSplitNames(p);
    if (options.particleNames !== false) joinParticleNames(p);
    if (options.partyNames !== false) joinSpans(p, (last, next) => last.end === next.start && spaced(p, last.end - 1) && BRITISH_PARTIES.has(formKey(p.tokens, last.start, next.end)));
    if (organisations) joinTouchingOrganisations(p);
    if (gazetteers) joinListedOrganisations(p, gazetteers);
    if (gazetteers) splitPartyLabels(p, gazetteers);
    if (organisations) joinCoordinatedOrganisations(p);
    if (organisations) joinOrganisationNames(p);
    if (options.eventNames !== false) joinEventNames(p);
    if (options.eventNames !== false) joinQuotedTitles(p);
    if (organisations) joinOrganisationTails(p);
    if (options.honorifics !== false) markHonorifics(p);
    if (options.roleHolders !== false) unmarkRoleHolders(p);
  }
  const hasBody = paras.some((p) => !p.headline);
  const forms = new Map<string, Form>();
  for (const p of paras) {
    if (p.headline && hasBody) continue;
    for (const s of p.spans) {
      const key = formKey(p.tokens, s.start, s.end);
      let f = forms.get(key);
      if (f === undefined) {
        f = { tokens: p.tokens.slice(s.start, s.end).map((t) => t.text), votes: new Float64Array(ENTITY_TYPES.length), count: 0, confidence: 0 };
        forms.set(key, f);
      }
      f.votes[s.type]! += s.confidence;
      f.count++;
      f.confidence += s.confidence;
    }
  }
  const aliases = aliasIndex(options.aliases ?? []);
  const groupOf = aliases.groupOf;
  const completions = addAliasCompletions(paras, forms, aliases);
  addHeadNounVotes(paras, forms);
  // Spellings that differ only in case are one name (MILAN in a headline, Milan); spellings that
  // differ in spaces and hyphens too (Al-Bukamal, Albu Kamal) count half: such a variant overrides
  // the tagger only when it is typed with over twice the confidence.
  const byCase = poolVotes(forms, (key) => key.toLowerCase());
  const bySquash = poolVotes(forms, squashName);
  // Aliases of one name (ISIS, Daesh) vote for each other's type too, at ALIAS_VOTE: the votes of
  // the group's other names, spelling variants of the name itself left out.
  const byGroup = poolVotes(forms, (key) => {
    const g = groupOf.get(key.toLowerCase());
    return g === undefined ? "" : String(g);
  });
  const types = new Map<string, number>();
  for (const key of forms.keys()) {
    const same = byCase.get(key.toLowerCase())!;
    const near = bySquash.get(squashName(key))!;
    const g = groupOf.get(key.toLowerCase());
    const group = g === undefined ? null : byGroup.get(String(g))!;
    const mixed = new Float64Array(same.length);
    for (let t = 0; t < same.length; t++) {
      mixed[t] = same[t]! + (near[t]! - same[t]!) / 2;
      if (group !== null) mixed[t]! += ALIAS_VOTE * (group[t]! - same[t]!);
    }
    // A completion nothing votes for is no name of this article.
    if (completions.has(key) && mixed.every((v) => v === 0)) forms.delete(key);
    else types.set(key, argmax(mixed));
  }
  // A short form takes the type of the one full form it abbreviates: a surname alone that of the
  // person whose name ends with it; a first word taken for a person, that of the organisation or
  // place whose name starts with it ("Mercantile" after "Mercantile Bancorp Inc.").
  const fullTypes = shortFormTypes([...forms].map(([key, f]) => ({ words: f.tokens, type: types.get(key)! })));
  for (const [key, f] of forms) {
    const full = f.tokens.length === 1 ? fullTypes.get(f.tokens[0]!) : undefined;
    if (full === undefined || full.size !== 1) continue;
    // A place alone stays a place ("US" beside "US Air Force"); a person alone is a short form.
    const type = [...full.keys()][0]!;
    if (type === 0 || types.get(key) === 0) types.set(key, type);
  }
  const acronyms = options.acronyms === false ? new Set<string>() : definedAcronyms(paras, forms, types, lowerWords);
  const lengths = formLengths(forms);
  return paras.map((p) => {
    const spans = hasBody && p.headline ? p.spans.filter((s) => keepInHeadline(p, s, lowerWords)) : p.spans;
    const final = withDesignations(p, applyForms(p, spans, forms, types, lengths, lowerWords, acronyms), lowerWords);
    const mentions: EntityMention[] = final.map((s) => {
      const start = p.tokens[s.start]!.start;
      const end = p.tokens[s.end - 1]!.end;
      const text = p.text.slice(start, end);
      // A person's name has no digits: "KC-10 Extender" is a thing (MISC), however it was tagged.
      const type = s.type === 0 && /\p{N}/u.test(text) ? 3 : s.type;
      return { text, type: ENTITY_TYPES[type]! as EntityType, start, end, confidence: s.confidence };
    });
    return [...mentions, ...p.kept].sort((a, b) => a.start - b.start || b.end - a.end);
  });
}

/**
 * British parties' names, which CoNLL types as organisations wherever they stand ("Labour" ORG 5
 * times in its training text, before "government" too; only "Labour Day" MISC). The tagger reads
 * "Tory" as a given name and "Liberal Democrats" like the American "Democrats" (MISC): over the
 * 2,733 BBC and PolNeAR articles "Tory" came out PER 46 times, "Labour" PER 36, "Lib Dem" PER 28,
 * "Liberal Democrats" MISC 54.
 */
const BRITISH_PARTIES: ReadonlySet<string> = new Set(["Tory", "Tories", "Labour", "Lib Dem", "Lib Dems", "Liberal Democrat", "Liberal Democrats"]);

/**
 * "A super PAC", "super PACs": a kind of committee, no name, though the tagger tags the acronym (ORG,
 * PER or MISC 142 times over PolNeAR's articles; CoNLL has no PAC). A named one keeps its name
 * ("Our Principles PAC").
 */
const SUPER_PAC = /^super PACs?$/i;

/**
 * The names of shows in a document: a name of two words or more that ends in "Show" is a show, a
 * broadcast's or a trade fair's ("The Catherine Tate Show", "Detroit Motor Show"), MISC as the
 * guidelines type works and events (the tagger typed 30 of the 36 over the BBC and PolNeAR articles
 * ORG or PER), and so is the acronym of one that the document writes ("CES" beside "Consumer
 * Electronics Show"). Applied after the context typer, which types such a name by the words around
 * it as it types organisations.
 */
function showNames(mentions: readonly EntityMention[][]): Set<string> {
  const shows = new Set<string>();
  const initials = new Set<string>();
  for (const m of mentions.flat()) {
    if (!/ Show$/.test(m.text) || !TYPE_INDEX.has(m.type)) continue;
    shows.add(m.text);
    initials.add(contentInitials(m.text.split(" ")));
  }
  for (const m of mentions.flat()) if (TYPE_INDEX.has(m.type) && initials.has(m.text)) shows.add(m.text);
  return shows;
}

/** A noun for a work right before a name, one space apart: "the film The Aviator", "her album Confessions", "BBC comedy Coupling". */
const WORK_NOUN = /(?:^|[^\p{L}])(?:film|films|movie|movies|musical|novel|album|albums|sitcom|documentary|opera|soap|series|drama|comedy|thriller|epic|blockbuster|bestseller|ballet|book|song|songs) $/u;

/**
 * The titles of works in a document: a name right after a noun for a work ("the movie The
 * Aviator", "Mike Leigh's film Vera Drake", "ITV soap Coronation Street"), MISC as the guidelines
 * type works; CoNLL train and wikigold type the names after "film", "album", "song" and "book"
 * MISC 10 times of 10. Over the BBC and PolNeAR articles the tagger typed 121 such names PER, ORG
 * or LOC (the films of the BBC's entertainment pages: "Vera Drake" PER, "The Aviator" ORG), and
 * their other mentions in the article with them. Not a name in capitals ("downloaded movie NEC")
 * nor one after an honorific ("Mr Peston's book Mr Brown"). Applied after the context typer, as
 * showNames is. The nouns that are verbs too (play, hit, show) or a word for one (single, game)
 * are left out: "will play England", "would hit Europe".
 */
function workTitles(mentions: readonly EntityMention[][], paragraphs: readonly ParagraphMentions[]): Set<string> {
  const titles = new Set<string>();
  mentions.forEach((ms, i) => {
    const text = paragraphs[i]!.text;
    for (const m of ms) {
      if (!TYPE_INDEX.has(m.type) || m.text === m.text.toUpperCase() || HONORIFIC.test(m.text.split(" ")[0]!)) continue;
      if (WORK_NOUN.test(text.slice(Math.max(0, m.start - 20), m.start))) titles.add(m.text);
    }
  });
  return titles;
}

/**
 * Last words of street, square and bridge names. CoNLL train, dev and wikigold type 48 of their 51
 * names of two words or more that end so LOC ("Wall Street", "Trent Bridge", "Tiananmen Square"),
 * and none MISC; the tagger took "Downing Street" for an organisation 25 times in the BBC articles
 * (CoNLL types such seats of government as places: "Kremlin" 11 of 11, "White House" 12 of 13).
 */
const STREET_LAST = new Set(["Street", "Road", "Avenue", "Boulevard", "Square", "Bridge"]);

/**
 * Whether an organisation or MISC mention of two or three words is a street, square or bridge by
 * its last word. A person keeps its type (Wayne Bridge), and so does a longer name, mostly a title
 * ("Nightmare On Elm Street").
 */
function isStreetName(m: EntityMention): boolean {
  if (m.type !== "ORG" && m.type !== "MISC") return false;
  const words = m.text.split(" ");
  return words.length >= 2 && words.length <= 3 && STREET_LAST.has(words[words.length - 1]!);
}

/**
 * Lower-case nouns of places that a name before them names ("Walter Reed hospital", "Kennedy
 * airport"). In CoNLL train the name right before one of them is LOC 37 times and MISC 3 times (a
 * nationality: "Turkish airport"), never a person or an organisation. The noun must end its
 * phrase (punctuation, a capital, or a function word or direction after it: "Charles de Gaulle
 * airport north of Paris"): in "Rubio stadium event" or "Palace stadium manager" it modifies
 * another noun, and the name is the event's or the club's.
 */
const FACILITY_AFTER =
  /^\s+(?:airport|hospital|prison|stadium)(?=\s*$|\s*[^\s\p{Ll}]|\s+(?:in|on|at|for|to|from|with|by|near|outside|north|south|east|west|where|which|that|when|after|before|during|since|as|was|is|has|had|and|or|but|said|says|will|would)\b)/u;

/** Whether a person or organisation mention names the facility that follows it ("Walter Reed hospital"). */
function namesFacility(m: EntityMention, text: string): boolean {
  return (m.type === "PER" || m.type === "ORG") && FACILITY_AFTER.test(text.slice(m.end, m.end + 24));
}

/** A model designation: capitals, a hyphen and a number ("KC-10", "MiG-29", "F-14", "T-72"). */
const DESIGNATION = /^\p{Lu}[\p{L}]*-\d+\p{L}*$/u;

/** Confidence of a designation's name that the tagger left untagged ("KC-10 Extender"). */
const DESIGNATION_NAME_CONFIDENCE = 0.5;
/** Words a designation's name runs to at most ("F-16 Fighting Falcon"). */
const DESIGNATION_NAME_WORDS = 3;

/**
 * A name written right after a model designation is the name of a thing with it (MISC, as CoNLL
 * types "MiG-19", "T-72" and "F-14"): "KC-10 Extender", whatever the tagger took "Extender" for.
 * Where the tagger tagged neither (or only the designation), the capitalised words after it are
 * that name, unless the paragraph is a headline or the document writes one of them in lower case.
 */
function withDesignations(p: Para, spans: Span[], lowerWords: ReadonlySet<string>): Span[] {
  let taken = -1;
  const out = spans.map((s) => {
    const before = p.tokens[s.start - 1];
    const free = s.start - 1 > taken;
    taken = s.end - 1;
    if (before === undefined || !free || !DESIGNATION.test(before.text) || !spaced(p, s.start - 1)) return s;
    return { ...s, start: s.start - 1, type: 3 };
  });
  if (p.headline) return out;
  const covered = spanCover(p.tokens.length, out);
  const added: Span[] = [];
  for (let i = 0; i + 1 < p.tokens.length; i++) {
    if (!DESIGNATION.test(p.tokens[i]!.text)) continue;
    const own = covered[i]!;
    if (own >= 0 && (out[own]!.start !== i || out[own]!.end !== i + 1)) continue;
    let end = i + 1;
    while (end < p.tokens.length && end - i <= DESIGNATION_NAME_WORDS && covered[end] === -1 && spaced(p, end - 1)) {
      const word = p.tokens[end]!.text;
      if (!isCapitalised(word) || p.initial[end] === 1 || lowerWords.has(word.toLowerCase())) break;
      end++;
    }
    if (end === i + 1) continue;
    if (own >= 0) out[own] = { ...out[own]!, end, type: 3 };
    else added.push({ start: i, end, type: 3, confidence: DESIGNATION_NAME_CONFIDENCE });
  }
  return added.length === 0 ? out : [...out, ...added].sort((a, b) => a.start - b.start);
}

/** Whether token i and the next one are separated by exactly one space. */
function spaced(p: Para, i: number): boolean {
  return p.text.slice(p.tokens[i]!.end, p.tokens[i + 1]!.start) === " ";
}

/** For each of `length` tokens, the index of the span in `spans` that covers it, or -1. */
function spanCover(length: number, spans: readonly Span[]): Int32Array {
  const cover = new Int32Array(length).fill(-1);
  for (const [k, s] of spans.entries()) cover.fill(k, s.start, s.end);
  return cover;
}

/** Lower-case nouns that make the name before them an organisation: "the Islamic State group". */
const ORG_HEADS = new Set(["group", "militia", "movement", "organisation", "organization", "party", "faction", "alliance", "network"]);
/** Weight of one "<name> group" as a vote for ORG: that of a confident mention. */
const HEAD_NOUN_VOTE = 1;

/**
 * A name of two words or more written before a lower-case organisation noun ("the Islamic State
 * group") gets a vote for ORG, wherever the tagger typed or split it there.
 */
function addHeadNounVotes(paras: readonly Para[], forms: ReadonlyMap<string, Form>): void {
  const maxLen = Math.max(0, ...[...forms.values()].map((f) => f.tokens.length));
  for (const p of paras) {
    for (let e = 2; e < p.tokens.length; e++) {
      if (!ORG_HEADS.has(p.tokens[e]!.text)) continue;
      for (let len = Math.min(maxLen, e); len >= 2; len--) {
        const f = forms.get(formKey(p.tokens, e - len, e));
        if (f === undefined) continue;
        f.votes[1]! += HEAD_NOUN_VOTE;
        break;
      }
    }
  }
}

/**
 * Names of two words or more from the alias groups, written in the article (every word
 * capitalised, outside headlines) where the tagger tagged only a piece of them ("Islamic" MISC in
 * "the Islamic State group"), become forms with no votes of their own: the votes of their group's
 * names in the article and of a following organisation noun type them, and `applyForms` puts them
 * over the piece. Returns their keys (a completion without votes is dropped).
 */
function addAliasCompletions(paras: readonly Para[], forms: Map<string, Form>, aliases: AliasIndex): Set<string> {
  const added = new Set<string>();
  if (aliases.names.length === 0) return added;
  const found: Array<[number, number]> = [];
  for (const p of paras) {
    if (p.headline) continue;
    for (const s of p.spans) {
      // A name that covers the span holds the span's first word at some position k, and starts k
      // tokens before it: only those names are tried, in the order of the groups.
      found.length = 0;
      for (const [n, k] of aliases.byWord.get(p.tokens[s.start]!.text.toLowerCase()) ?? []) {
        const words = aliases.names[n]!;
        const start = s.start - k;
        const end = start + words.length;
        if (start < Math.max(0, s.end - words.length) || end > p.tokens.length || end - start <= s.end - s.start) continue;
        found.push([n, start]);
      }
      found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (const [n, start] of found) {
        const words = aliases.names[n]!;
        const end = start + words.length;
        let match = true;
        for (let k = 0; k < words.length && match; k++) {
          const t = p.tokens[start + k]!.text;
          match = t.toLowerCase() === words[k] && isCapitalised(t);
        }
        if (!match) continue;
        const key = formKey(p.tokens, start, end);
        if (forms.has(key)) continue;
        forms.set(key, { tokens: p.tokens.slice(start, end).map((t) => t.text), votes: new Float64Array(ENTITY_TYPES.length), count: 1, confidence: s.confidence });
        added.add(key);
      }
    }
  }
  return added;
}

/** What reconciliation looks up in the alias groups, built once per groups array (the document worker passes the same one for every document). */
interface AliasIndex {
  /** Case-folded name -> its alias group's index (a name in two groups keeps the first). */
  groupOf: Map<string, number>;
  /** The group names of two words or more, tokenised and lower-cased, in group order. */
  names: string[][];
  /** Lower-cased word -> [index into `names`, position of the word in that name]. */
  byWord: Map<string, Array<[number, number]>>;
}

const ALIAS_INDEXES = new WeakMap<readonly (readonly string[])[], AliasIndex>();

function aliasIndex(groups: readonly (readonly string[])[]): AliasIndex {
  const cached = ALIAS_INDEXES.get(groups);
  if (cached) return cached;
  const groupOf = new Map<string, number>();
  groups.forEach((group, g) => {
    for (const name of group) if (!groupOf.has(name.toLowerCase())) groupOf.set(name.toLowerCase(), g);
  });
  const names = groups
    .flat()
    .map((name) => tokenizeSentences(name).flat().map((t) => t.text.toLowerCase()))
    .filter((words) => words.length > 1);
  const byWord = new Map<string, Array<[number, number]>>();
  names.forEach((words, n) => {
    words.forEach((w, k) => {
      const list = byWord.get(w) ?? [];
      list.push([n, k]);
      byWord.set(w, list);
    });
  });
  const index = { groupOf, names, byWord };
  ALIAS_INDEXES.set(groups, index);
  return index;
}

/** The votes of the forms summed by a grouping key. */
function poolVotes(forms: ReadonlyMap<string, Form>, group: (key: string) => string): Map<string, Float64Array> {
  const pooled = new Map<string, Float64Array>();
  for (const [key, f] of forms) {
    const g = group(key);
    const v = pooled.get(g) ?? new Float64Array(ENTITY_TYPES.length);
    for (let t = 0; t < v.length; t++) v[t]! += f.votes[t]!;
    pooled.set(g, v);
  }
  return pooled;
}

/**
 * Whether a headline's mention holds no word that the body writes in lower case (a headline's
 * capitals name nothing), a name's particles aside ("van Persie": the body's "van" says nothing
 * against it).
 */
function keepInHeadline(p: Para, s: Span, lowerWords: ReadonlySet<string>): boolean {
  for (let i = s.start; i < s.end; i++) {
    const word = p.tokens[i]!.text;
    if (!SPACED_PARTICLE.test(word) && lowerWords.has(word.toLowerCase())) return false;
  }
  return true;
}

/**
 * Walks the paragraph's tokens and puts the document's forms on it: at each token the longest
 * form written there wins over the shorter mentions inside it; a mention that reaches beyond it
 * is left alone.
 */
function applyForms(
  p: Para,
  spans: readonly Span[],
  forms: ReadonlyMap<string, Form>,
  types: ReadonlyMap<string, number>,
  lengths: ReadonlyMap<string, readonly number[]>,
  lowerWords: ReadonlySet<string>,
  acronyms: ReadonlySet<string>,
): Span[] {
  const n = p.tokens.length;
  const cover = spanCover(n, spans);
  const out: Span[] = [];
  let i = 0;
  while (i < n) {
    let found = 0;
    let key = "";
    for (const len of lengths.get(p.tokens[i]!.text) ?? []) {
      if (len > n - i) continue;
      const k = formKey(p.tokens, i, i + len);
      if (forms.has(k)) {
        found = len;
        key = k;
        break;
      }
    }
    const here = cover[i]! >= 0 ? spans[cover[i]!]! : null;
    if (found > 0 && fits(spans, cover, i, i + found, here) && (acronyms.has(key) || mayAdd(p, i, found, here, lowerWords))) {
      const f = forms.get(key)!;
      const same = here !== null && here.start === i && here.end === i + found;
      const confidence = same ? here.confidence : f.confidence / f.count;
      // A confident mention keeps its own type: one name can be a city and its team.
      const type = same && here.confidence >= KEEP_TYPE ? here.type : types.get(key)!;
      out.push({ start: i, end: i + found, type, confidence: Math.round(confidence * 1000) / 1000 });
      i += found;
      continue;
    }
    if (here !== null && here.start === i) {
      out.push(here);
      i = here.end;
      continue;
    }
    i++;
  }
  return out;
}

/**
 * Acronyms the document defines that the tagger cannot see: a name of two words or more that is no
 * person, followed by its initials in brackets, written in capitals ("the World Health Organization
 * (WHO)"; function words skipped, as `contentInitials` skips them for canonicalisation), where the
 * acronym is also a word the document writes in lower case ("who") and the tagger tagged it
 * nowhere. Every lower-cased feature of "WHO" is the pronoun's,
 * so the tagger never tags it, even right after its definition. Each such acronym becomes a form of
 * the name's type, which `applyForms` puts on every place the document writes it so. An acronym
 * that is no lower-case word is left to the tagger and the votes: over the 2,733 BBC and PolNeAR
 * articles, every defined acronym taken so changed 16 mentions, "WHO" (2) and "EP" (3) right, "CM"
 * (6, the type of the mistyped "Championship Manager") and "FOMC" (1) wrong, "IP" and "CARS" (4)
 * doubtful; with the lower-case condition only the 2 of "WHO" change. Returns the acronyms' form keys.
 */
function definedAcronyms(paras: readonly Para[], forms: Map<string, Form>, types: Map<string, number>, lowerWords: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const p of paras) {
    for (const s of p.spans) {
      if (s.end - s.start < 2 || s.end + 2 >= p.tokens.length) continue;
      const [open, acronym, close] = [p.tokens[s.end]!.text, p.tokens[s.end + 1]!.text, p.tokens[s.end + 2]!.text];
      if (open !== "(" || close !== ")" || !/^[A-Z]{2,6}$/.test(acronym) || !lowerWords.has(acronym.toLowerCase())) continue;
      if (forms.has(acronym) && !out.has(acronym)) continue;
      const type = types.get(formKey(p.tokens, s.start, s.end));
      if (contentInitials(p.tokens.slice(s.start, s.end).map((t) => t.text)) !== acronym || type === undefined || type === 0) continue;
      const f = forms.get(acronym) ?? { tokens: [acronym], votes: new Float64Array(ENTITY_TYPES.length), count: 0, confidence: 0 };
      f.votes[type]! += s.confidence;
      f.count++;
      f.confidence += s.confidence;
      forms.set(acronym, f);
      types.set(acronym, argmax(f.votes));
      out.add(acronym);
    }
  }
  return out;
}

/** Per first word of the forms, the lengths in tokens of the forms starting with it, longest first (what `applyForms` tries at a token). */
function formLengths(forms: ReadonlyMap<string, Form>): Map<string, number[]> {
  const lengths = new Map<string, number[]>();
  for (const f of forms.values()) {
    const list = lengths.get(f.tokens[0]!) ?? [];
    if (!list.includes(f.tokens.length)) list.push(f.tokens.length);
    lengths.set(f.tokens[0]!, list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  return lengths;
}

/** A form may go on [start, end) when every mention it touches lies inside it. */
function fits(spans: readonly Span[], cover: Int32Array, start: number, end: number, here: Span | null): boolean {
  if (here !== null && here.start < start) return false;
  for (let j = start; j < end; j++) {
    const k = cover[j]!;
    if (k >= 0 && spans[k]!.end > end) return false;
  }
  return true;
}

/** Whether a form not tagged here may be added: names of several words always, one word when capitalised and never lower case in the document. */
function mayAdd(p: Para, start: number, len: number, here: Span | null, lowerWords: ReadonlySet<string>): boolean {
  if (here !== null) return true;
  const first = p.tokens[start]!.text;
  if (!isCapitalised(first)) return false;
  if (len > 1) return true;
  return !lowerWords.has(first.toLowerCase()) && first.length > 1;
}
