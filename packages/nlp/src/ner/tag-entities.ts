import type { EntitiesResult, EntityMention } from "@newsflow/contracts";
import { logistic } from "../logistic.js";
import { type DocumentHistory, decodeSentence } from "./decode.js";
import { buildDocumentContext, capBinOf, encodeSentence, HEADLINE_LOWER, lowerForm, normalizeToken, sentenceCasing } from "./features.js";
import { GAZ_SOURCES, type Gazetteer, matchGazetteers, NUM_GAZ_SOURCES } from "./gazetteer.js";
import { hashString32 } from "./hash.js";
import { ENTITY_TYPES, type LabelSpan, spansFromLabels } from "./labels.js";
import type { NerModel } from "./model-format.js";
import { isPlaceName } from "./place-names.js";
import { type Token, tokenizeSentences } from "./tokenize.js";
import { findValueMentions, mergeValueMentions } from "./values.js";

/** Tags entity mentions in raw paragraph text. */
export interface EntityTagger {
  tag(text: string): EntitiesResult;
}

/** A predicted mention over a sentence's tokens, with the smallest label margin inside it. */
export interface TokenMention extends LabelSpan {
  margin: number;
}

/**
 * Tags the sentences of one document given as tokens (no re-tokenisation). Sentences are read in
 * order, so a name's earlier labels and the document's capitalisation inform later ones; pass a
 * single sentence to tag it alone.
 */
export function tagTokenSentences(model: NerModel, sentences: readonly (readonly string[])[]): TokenMention[][] {
  const norm = sentences.map((s) => s.map(normalizeToken));
  const doc = buildDocumentContext(norm);
  const hist: DocumentHistory = new Map();
  const result: TokenMention[][] = [];
  for (const tokens of norm) {
    const enc = encodeSentence(tokens, model.resources, doc);
    const out = new Uint8Array(enc.n);
    const margin = new Float32Array(enc.n);
    decodeSentence(model.weights, model.bits, enc, hist, out, margin);
    result.push(
      spansFromLabels(out, enc.n).map((s) => {
        let m = Number.POSITIVE_INFINITY;
        for (let i = s.start; i < s.end; i++) m = Math.min(m, margin[i]!);
        return { ...s, margin: m * model.scale };
      }),
    );
  }
  return result;
}

/** Confidence under which a person whose name a place list spells is retyped a place. */
const PLACE_OVER_PERSON = 0.75;
/** The same for an organisation, lower: a city's name is often its team's (dev: 0.60 and 0.55 leave it unchanged). */
const PLACE_OVER_ORGANISATION = 0.6;

/**
 * A place list weighs against a weak person or organisation: a PER mention of two words or more
 * under 0.75 confidence, or an ORG mention under 0.6, whose name WikiLocations or its redirects
 * spell (ignoring case, spaces and hyphens: "Albu Kamal" and "Al-Bukamal" for "Al-bu-Kamal") is a place.
 */
function placeNotPersonOrOrganisation(model: NerModel, s: LabelSpan, name: string, confidence: number): boolean {
  if (s.type === 1) return confidence < PLACE_OVER_ORGANISATION && isPlaceName(model.placeNames, name);
  return s.type === 0 && s.end - s.start >= 2 && confidence < PLACE_OVER_PERSON && isPlaceName(model.placeNames, name);
}

/** Confidence under which a place that no place list spells but the organisation list does is retyped an organisation. */
const ORGANISATION_OVER_PLACE = 0.6;
/** The same for a MISC name (the tagger's MISC margins run lower: "Taliban" 0.53-0.69 in the web news sets). */
const ORGANISATION_OVER_MISC = 0.7;
const WIKI_ORG: readonly number[] = [GAZ_SOURCES.indexOf("wikiORG"), GAZ_SOURCES.indexOf("wikiORGRedirect")];
/** Lists that keep a MISC name MISC whatever the organisation list says: nationalities and CoNLL train's MISC names ("American", "Nasdaq"). */
const MISC_LISTS: readonly number[] = [GAZ_SOURCES.indexOf("nationality"), GAZ_SOURCES.indexOf("trainMISC")];

/**
 * The organisation list weighs against a weak place or MISC name the other way: a LOC mention
 * under 0.6 that no place name spells but that Wikipedia's organisation titles or their redirects
 * list, written exactly so ("Hezbollah", which a tagger of 1996 news may put beside Iraq and Syria),
 * is an organisation; so is a MISC mention under `overMisc` (0.7, or 0 with the rule off) that
 * they list and that no nationality nor CoNLL train's MISC names hold ("the Taliban", "Gannett",
 * "Harvard").
 */
function organisationNotPlaceOrMisc(model: NerModel, s: LabelSpan, words: readonly string[], name: string, confidence: number, overMisc: number): boolean {
  const limit = s.type === 2 ? ORGANISATION_OVER_PLACE : s.type === 3 ? overMisc : 0;
  if (confidence >= limit || isPlaceName(model.placeNames, name)) return false;
  return isListedOrganisation(model.resources.gazetteers, words, s.type === 3 ? MISC_LISTS : []);
}

const FIRST_NAME: readonly number[] = [GAZ_SOURCES.indexOf("firstName")];
const LAST_NAME: readonly number[] = [GAZ_SOURCES.indexOf("lastName")];
/** Lower-case particles inside a person's name ("Ursula von der Leyen", "Vincent van Gogh"). */
const INNER_PARTICLE = /^(?:van|von|de|da|di|du|der|den|del|della|dos|das|le|la)$/;
/** Confidence under which a name with an inner particle and a listed first name is a person whatever the tagger typed. */
const PERSON_WITH_PARTICLE = 0.75;

/**
 * "Ursula von der Leyen met Merkel": the tagger typed the name ORG (0.54); CoNLL train writes its
 * names with "van" and "der" as persons ("van" 17 of 18 times, "der" 9 of 9), but has no "von". A
 * name of three words or more under 0.75 whose first word the first-name list holds and that a
 * lower-case particle joins inside is a person.
 */
function personWithParticle(model: NerModel, s: LabelSpan, words: readonly string[], confidence: number): boolean {
  if (s.type === 0 || confidence >= PERSON_WITH_PARTICLE || words.length < 3) return false;
  if (!words.slice(1, -1).some((w) => INNER_PARTICLE.test(w)) || !/^\p{Lu}/u.test(words[words.length - 1]!)) return false;
  // "Le Roi de Lahore" (an opera): an article first is no given name, though the list holds "Le".
  if (INNER_PARTICLE.test(words[0]!.toLowerCase()) || /^(?:el|al|les|los|las|the)$/i.test(words[0]!)) return false;
  return isListedFirstName(model.resources.gazetteers, words[0]!);
}

/**
 * The gazetteer matches of the words' first token (`matchGazetteers` over the words alone): per
 * source, `len` the longest match's length and `exact` 1 when it is written as listed.
 */
function matchWords(gazetteers: readonly Gazetteer[], words: readonly string[]): { len: Uint8Array; exact: Uint8Array } {
  const n = words.length;
  const lower = new Int32Array(n);
  const surface = new Int32Array(n);
  words.forEach((w, i) => {
    const t = normalizeToken(w);
    lower[i] = hashString32(lowerForm(t));
    surface[i] = hashString32(t);
  });
  const len = new Uint8Array(n * NUM_GAZ_SOURCES);
  const exact = new Uint8Array(n * NUM_GAZ_SOURCES);
  matchGazetteers(gazetteers, lower, surface, n, len, exact);
  return { len, exact };
}

/** Whether the first-name list holds this word (any case). */
export const isListedFirstName = (gazetteers: readonly Gazetteer[], word: string): boolean => listedIn(gazetteers, [word], FIRST_NAME);

/** Whether one of `sources` lists these words as one name (any case). */
function listedIn(gazetteers: readonly Gazetteer[], words: readonly string[], sources: readonly number[]): boolean {
  const { len } = matchWords(gazetteers, words);
  return sources.some((source) => len[source] === words.length);
}

/**
 * Whether Wikipedia's organisation titles or their redirects list these words as one name, written
 * exactly so, and none of the `unless` lists holds them whole.
 */
export function isListedOrganisation(gazetteers: readonly Gazetteer[], words: readonly string[], unless: readonly number[] = []): boolean {
  const n = words.length;
  const { len, exact } = matchWords(gazetteers, words);
  return WIKI_ORG.some((source) => len[source] === n && exact[source] === 1) && !unless.some((source) => len[source] === n);
}

// Head words of event and prize names, which the CoNLL guidelines type MISC ("Davis Cup", "US Open",
// "Rimington Trophy", "Battle of Gettysburg"); CoNLL train and dev type every such name of two words
// or more MISC.
export const EVENT_LAST: ReadonlySet<string> = new Set(["Cup", "Trophy", "Award", "Awards", "Prize", "War", "Bowl", "Championship", "Championships", "Olympics", "Festival", "Open", "Classic", "Series", "Rally", "Tour", "Marathon"]);
const EVENT_FIRST = new Set(["Battle", "Siege"]);

/** Whether a mention of two words or more is named as an event or a prize: "World Cup", "Battle of Antietam". */
function isEventName(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  return EVENT_LAST.has(words[words.length - 1]!) || (EVENT_FIRST.has(words[0]!) && words[1] === "of");
}

/** Options of createEntityTagger. */
export interface EntityTaggerOptions {
  /** Also return DATE/TIME/MONEY/PERCENT mentions found by rules (default true). */
  values?: boolean;
  /** Retype a weak MISC name that Wikipedia's organisation titles list (default true; self-training leaves it out, `organisationNotPlaceOrMisc`). */
  miscOrganisations?: boolean;
  /** Join a place of several words with "-based" into one MISC name (default true; self-training leaves it out, `placeBased`). */
  placeBased?: boolean;
  /** Type a weekday named by the capitalised word before it ("Black Friday", "Super Tuesday") one MISC name (default true; self-training leaves it out, `namedDays`). */
  namedDays?: boolean;
  /** Tag an untagged "iPod", "iTunes", "iPhone 11" a MISC name (default true; self-training leaves it out, `iProducts`). */
  iProducts?: boolean;
  /**
   * Person names the tagger typed otherwise or cut short (default true; self-training leaves them
   * out): a weak name with a listed first name and an inner particle (`personWithParticle`), a first
   * name with the double-barrelled surname after it (`doubleBarrelled`).
   */
  personNames?: boolean;
}

/** The mentions that overlap the characters `start`..`end`. */
function overlapping(mentions: readonly EntityMention[], start: number, end: number): EntityMention[] {
  return mentions.filter((m) => m.start < end && m.end > start);
}

/** Most capitalised words before "X-based" that may join X as one place name. */
const BASED_REACH = 3;

/**
 * "The Sugar Land-based company": CoNLL types a place with "-based" as one MISC name however many
 * words the place has (train: "Los Angeles-based", "South Korea-based", "San Diego-based", "New
 * York-based", each one MISC). The tagger cut the longer ones ("Land-based" MISC, "Santa" PER +
 * "Monica-based", "New York" LOC + "City-based"). So a token "X-based" after one to three
 * capitalised words becomes one MISC mention from the first word that makes, with X, a name the
 * place lists spell ("Sugar Land", "Santa Monica", "New York City"); the mentions it covers go.
 */
function placeBased(model: NerModel, text: string, tokens: readonly Token[], mentions: EntityMention[]): void {
  for (let j = 1; j < tokens.length; j++) {
    const based = tokens[j]!;
    if (!/^\p{Lu}[\p{L}.'’]*-based$/u.test(based.text)) continue;
    for (let k = Math.min(BASED_REACH, j); k >= 1; k--) {
      const first = tokens[j - k]!;
      if (!tokens.slice(j - k, j).every((t) => /^\p{Lu}/u.test(t.text))) continue;
      if (!isPlaceName(model.placeNames, text.slice(first.start, based.end - "-based".length))) continue;
      const covered = overlapping(mentions, first.start, based.end);
      if (covered.length === 1 && covered[0]!.start === first.start && covered[0]!.end === based.end) break;
      for (const m of covered) mentions.splice(mentions.indexOf(m), 1);
      const confidence = covered.length > 0 ? Math.max(...covered.map((m) => m.confidence)) : 0.6;
      mentions.push({ text: text.slice(first.start, based.end), type: "MISC", start: first.start, end: based.end, confidence });
      break;
    }
  }
}

// Lower-case words inside names ("Fox and Friends Monday" is the show's name and a day).
const NAME_JOINS: ReadonlySet<string> = new Set(["and", "of", "de", "du", "van", "von"]);
const WEEKDAYS: ReadonlySet<string> = new Set(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);

/**
 * "Black Friday", "Super Tuesday", "Good Friday": a weekday that a capitalised common word names is
 * one MISC name, as CoNLL types "Gloomy Sunday" and "Remembrance Sunday" (its train and dev have no
 * other such day). The tagger typed the word alone ("Black" ORG, "Good" MISC: CoNLL tags weekdays
 * O) or left both untagged. So in a sentence that is not a headline in capitals or title case, a
 * weekday right after a capitalised word that our texts write in lower case more often than not
 * ("black", "super"; not "Sheffield Wednesday" nor "Dole Wednesday", nor an event's head, "the
 * Open Thursday", nor a function word, "On Friday" after a colon) becomes one MISC mention with
 * that word, when the tagger made the word, or the word and the day, a mention, or left both
 * untagged after a lower-case word ("Last Friday" opens sentences, "Maine - On Friday" clauses).
 */
function namedDays(model: NerModel, text: string, tokens: readonly Token[], mentions: EntityMention[]): void {
  // Most sentences name no weekday: the casing is only read for those that do.
  if (!tokens.some((t) => WEEKDAYS.has(t.text)) || sentenceCasing(tokens.map((t) => normalizeToken(t.text))) !== 0) return;
  for (let j = 1; j < tokens.length; j++) {
    const day = tokens[j]!;
    const word = tokens[j - 1]!;
    if (!WEEKDAYS.has(day.text) || text.slice(word.end, day.start) !== " " || !/^\p{Lu}\p{Ll}+$/u.test(word.text)) continue;
    if (WEEKDAYS.has(word.text) || EVENT_LAST.has(word.text) || HEADLINE_LOWER.has(word.text.toLowerCase()) || !mostlyLowerCase(model, word.text)) continue;
    const covering = overlapping(mentions, word.start, day.end);
    const own = covering.length === 1 && covering[0]!.start === word.start && (covering[0]!.end === word.end || covering[0]!.end === day.end) ? covering[0]! : null;
    if (covering.length > 0 ? own === null : !(j >= 2 && /^\p{Ll}/u.test(tokens[j - 2]!.text) && !NAME_JOINS.has(tokens[j - 2]!.text))) continue;
    const mention: EntityMention = { text: text.slice(word.start, day.end), type: "MISC", start: word.start, end: day.end, confidence: own ? own.confidence : 0.6 };
    if (own) mentions[mentions.indexOf(own)] = mention;
    else mentions.push(mention);
  }
}

/**
 * "Apple's iPod", "the new iPhone 11": a word of a lower-case "i" and a capitalised word ("iPod",
 * "iTunes", "iPads") is a product's name, MISC as CoNLL types products, with the generation number
 * right after it. The tagger leaves such words untagged: neither CoNLL train nor wikigold has a word
 * of that shape. Over the BBC and PolNeAR articles it makes 143 mentions, 140 of them products and
 * 3 companies ("iRiver" twice, "iDefence"); a word the tagger did tag keeps its mention.
 */
function iProducts(text: string, tokens: readonly Token[], mentions: EntityMention[]): void {
  for (let j = 0; j < tokens.length; j++) {
    const word = tokens[j]!;
    // The test of the first letter alone spares nearly every token the regular expression.
    if (word.text.charCodeAt(0) !== 105 || !/^i\p{Lu}\p{Ll}+$/u.test(word.text) || overlapping(mentions, word.start, word.end).length > 0) continue;
    const next = tokens[j + 1];
    const end = next && /^\d{1,2}$/.test(next.text) && text.slice(word.end, next.start) === " " ? next.end : word.end;
    mentions.push({ text: text.slice(word.start, end), type: "MISC", start: word.start, end, confidence: 0.9 });
  }
}

/** Whether the lexicon's capitalisation rate puts a word under half capitalised (capBin 1 or 2) away from sentence starts. */
function mostlyLowerCase(model: NerModel, word: string): boolean {
  const lower = lowerForm(normalizeToken(word));
  const value = model.resources.lexicon.get(lower);
  const capBin = value === undefined || value < 0 ? 0 : capBinOf(value);
  return capBin === 1 || capBin === 2;
}

/**
 * "Alexandria Ocasio-Cortez said": the tagger typed the first name a place (the list holds the
 * city) and left the double-barrelled surname untagged. A one-word mention that the first-name
 * list holds, right before an untagged word of two capitalised parts joined by a hyphen in the same
 * sentence, is a person with that surname.
 */
function doubleBarrelled(model: NerModel, text: string, tokens: readonly Token[], mentions: EntityMention[]): void {
  for (let j = 1; j < tokens.length; j++) {
    const surname = tokens[j]!;
    const first = tokens[j - 1]!;
    if (!/^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(surname.text) || text.slice(first.end, surname.start) !== " ") continue;
    const k = mentions.findIndex((m) => m.start === first.start && m.end === first.end);
    if (k < 0 || overlapping(mentions, surname.start, surname.end).length > 0) continue;
    if (!isListedFirstName(model.resources.gazetteers, first.text)) continue;
    // One part of it a known surname ("Ocasio-Cortez", "Zeta-Jones"; not "Maryland Wal-Marts"), and
    // neither part a word our texts write in lower case more often than not ("Foster Long-Term").
    const parts = surname.text.split("-");
    if (!parts.some((part) => listedIn(model.resources.gazetteers, [part], LAST_NAME))) continue;
    if (parts.some((part) => mostlyLowerCase(model, part))) continue;
    mentions[k] = { text: text.slice(first.start, surname.end), type: "PER", start: first.start, end: surname.end, confidence: mentions[k]!.confidence };
  }
}

/**
 * The trained tagger: tokenises a paragraph, tags PER/ORG/LOC/MISC with the model and returns
 * mentions with offsets into the paragraph. Confidence maps the perceptron's score margin
 * (chosen label minus runner-up, smallest over the mention's tokens) into 0.5..1. Value
 * mentions (rules, see findValueMentions) carry their own ValueType.
 */
export function createEntityTagger(model: NerModel, options: EntityTaggerOptions = {}): EntityTagger {
  const withValues = options.values ?? true;
  const overMisc = (options.miscOrganisations ?? true) ? ORGANISATION_OVER_MISC : 0;
  const joinBased = options.placeBased ?? true;
  const personNames = options.personNames ?? true;
  const days = options.namedDays ?? true;
  const products = options.iProducts ?? true;
  const marginScale = typeof model.meta.marginScale === "number" && model.meta.marginScale > 0 ? model.meta.marginScale : 1;
  return {
    tag(text) {
      const sentences = tokenizeSentences(text);
      const tagged = tagTokenSentences(
        model,
        sentences.map((s) => s.map((t) => t.text)),
      );
      const mentions: EntityMention[] = [];
      for (let k = 0; k < sentences.length; k++) {
        const tokens = sentences[k]!;
        for (const s of tagged[k]!) {
          const start = tokens[s.start]!.start;
          const end = tokens[s.end - 1]!.end;
          const confidence = logistic(s.margin / marginScale);
          const name = text.slice(start, end);
          const words = tokens.slice(s.start, s.end).map((t) => t.text);
          mentions.push({
            text: name,
            type: ENTITY_TYPES[
              personNames && personWithParticle(model, s, words, confidence)
                ? 0
                : placeNotPersonOrOrganisation(model, s, name, confidence)
                ? 2
                : organisationNotPlaceOrMisc(model, s, words, name, confidence, overMisc)
                  ? 1
                  : isEventName(words)
                    ? 3
                    : s.type
            ]!,
            start,
            end,
            confidence: Math.round(confidence * 1000) / 1000,
          });
        }
      }
      if (joinBased) for (const tokens of sentences) placeBased(model, text, tokens, mentions);
      if (personNames) for (const tokens of sentences) doubleBarrelled(model, text, tokens, mentions);
      if (days) for (const tokens of sentences) namedDays(model, text, tokens, mentions);
      if (products) for (const tokens of sentences) iProducts(text, tokens, mentions);
      // The rules above append mentions; the tagger's own come in text order.
      mentions.sort((a, b) => a.start - b.start);
      return { mentions: withValues ? mergeValueMentions(mentions, findValueMentions(text)) : mentions };
    },
  };
}
