import { hashString } from "../ner/hash.js";
import { fromOneBuffer } from "../slab.js";
import { splitSentences } from "../text/sentences.js";
import { findQuoteMarks, type QuoteMark } from "./quote-marks.js";

/** Coarse token classes the features combine with words and distances. */
export const CLASS = { word: 1, cap: 2, num: 3, quote: 4, comma: 5, colon: 6, stop: 7, dash: 8, paren: 9, other: 10, pronoun: 11, det: 12 } as const;

const PRONOUNS = new Set(["he", "she", "they", "we", "i", "you", "it"]);
const DETERMINERS = new Set(["the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "some", "many", "most", "several", "our", "my"]);

/**
 * A paragraph as the quote model sees it, one entry per token in parallel arrays: words
 * (letters and digits, with inner apostrophes, dots and hyphens) and single punctuation marks
 * (`''` is one quotation mark). Hashes are of the lower-cased word with ’ written as '.
 */
export interface QuoteTokens {
  text: string;
  length: number;
  start: Int32Array;
  end: Int32Array;
  word: Uint32Array;
  suffix: Uint32Array;
  /** The word without an inflection ending (-s, -ed, -ing, -es), so "attacked" ~ "attacks". */
  stem: Uint32Array;
  cls: Uint8Array;
  /** The token lies inside a quotation (marks included). */
  inQuote: Uint8Array;
  /** Index of the sentence the token belongs to. */
  sentence: Int32Array;
  /** Position of the token in its sentence. */
  position: Int32Array;
  /** Running counts before each token (so a count between i and j is a subtraction). */
  quotesBefore: Int32Array;
  commasBefore: Int32Array;
  /** The lower-cased words, for the lexicon look-up. */
  lower: string[];
  /** Word clusters from unlabeled news text, packed `c1 | c2 << 11` (0: unknown word). */
  cluster: Uint32Array;
  /** How often the word is a cue in the training texts, as a bucket 0-10 (0: never or unseen). */
  share: Uint8Array;
  /** The paragraph's quotations (`findQuoteMarks`). */
  marks: QuoteMark[];
}

/** Hashes of a word, cached: news repeats its words, and hashing them is a good part of the work. */
interface WordHashes {
  lower: string;
  word: number;
  suffix: number;
  stem: number;
  cls: number;
  /**
   * What `knownIn` (a model's `words`) says of the word, kept with the hashes so that a token costs
   * one map look-up, not two (the second was 6% of extraction time); looked up again for another map.
   */
  known: number;
  knownIn: ReadonlyMap<string, number> | null;
}
const WORD_CACHE = new Map<string, WordHashes>();
const WORD_CACHE_SIZE = 200_000;

function wordHashes(raw: string): WordHashes {
  let h = WORD_CACHE.get(raw);
  if (h) return h;
  const lower = raw.toLowerCase().replace(/’/g, "'");
  h = {
    lower,
    word: hashString(lower),
    suffix: hashString(lower.slice(-3)),
    stem: hashString(lower.length > 4 ? lower.replace(/(?:ing|ed|es|s)$/, "") : lower),
    cls: classOf(raw, lower),
    known: 0,
    knownIn: null,
  };
  if (WORD_CACHE.size >= WORD_CACHE_SIZE) WORD_CACHE.clear();
  WORD_CACHE.set(raw, h);
  return h;
}

/**
 * Words (letters and digits, with inner apostrophes, dots, ampersands and hyphens), `''` and single
 * marks; `TOKEN_RE` also keeps a number with thousands separators whole ("40,000", "1,300.5"),
 * which `TRAINED_TOKEN_RE` split at its commas ("40", ",", "000"), so that a comma rule (a trailing
 * attribution's comma, a clause's) never stops inside a number.
 */
const TRAINED_TOKEN_RE = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*|''|\S/gu;
const TOKEN_RE = new RegExp(String.raw`\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?(?!\p{N})|${TRAINED_TOKEN_RE.source}`, "gu");

/**
 * How `quoteTokens` reads a paragraph: `pairMixed` as in `featureMarks`, `wholeNumbers` as in
 * `TOKEN_RE`, `closingAbbreviations` as in `splitSentences`.
 */
export interface QuoteReading {
  pairMixed?: boolean;
  wholeNumbers?: boolean;
  closingAbbreviations?: boolean;
}
/**
 * The reading the shipped quote model's training examples were encoded with, which `train:quotes`
 * keeps so that it writes the shipped file byte for byte; extraction reads paragraphs the newer way
 * (each change measured with that model: packages/nlp/README.md, after the trailing rules, and
 * "Sentences" for `closingAbbreviations`).
 */
export const TRAINED_READING: Readonly<QuoteReading> = { pairMixed: false, wholeNumbers: false, closingAbbreviations: false };

function classOf(raw: string, lower: string): number {
  const c = raw.charCodeAt(0);
  if (raw === "''" || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0xab || c === 0xbb) return CLASS.quote;
  if (raw === ",") return CLASS.comma;
  if (raw === ":" || raw === ";") return CLASS.colon;
  if (raw === "." || raw === "!" || raw === "?") return CLASS.stop;
  if (raw === "—" || raw === "–" || raw === "―" || raw === "-") return CLASS.dash;
  if (raw === "(" || raw === ")" || raw === "[" || raw === "]") return CLASS.paren;
  if (PRONOUNS.has(lower)) return CLASS.pronoun;
  if (DETERMINERS.has(lower)) return CLASS.det;
  if (/^\p{N}/u.test(raw)) return CLASS.num;
  if (/^\p{Lu}/u.test(raw)) return CLASS.cap;
  if (/^\p{L}/u.test(raw)) return CLASS.word;
  return CLASS.other;
}

/**
 * The quotations the model's features see (`inQuote`): with `pairMixed` false, those of
 * `findQuoteMarks` without pairing mixed curly and straight marks, in the 0.7% of paragraphs that
 * mix them (`marks`, which the spans use, pairs them). The shipped model was trained so, and
 * `train:quotes` still encodes its examples so, to write the shipped file byte for byte: retraining
 * with the paired marks moved nothing beyond retraining noise and broke behaviour tests
 * (packages/nlp/EXPERIMENTS.md, quotes round 6). Extraction reads the paired marks (twenty-fifth
 * session): `“Immunity deals ...," Chaffetz said` then finds its cue, and with the shipped model dev
 * attribution F1 goes 0.7052 -> 0.7057, ten fixed fold models held out 0.6669 -> 0.6676.
 */
function featureMarks(text: string, marks: QuoteMark[], pairMixed: boolean): QuoteMark[] {
  return !pairMixed && /[\u201C\u201D]/.test(text) && text.includes('"') ? findQuoteMarks(text, { pairMixed: false }) : marks;
}

/** The words of no model: one map for every call without one, so the cached look-ups stay valid. */
const NO_WORDS: ReadonlyMap<string, number> = new Map();

/**
 * Tokenises a paragraph for the quote model, with its sentences, quotations and what the model
 * knows of each word (`words`: clusters `c1 | c2 << 11` and cue-share bucket `<< 22`, see `wordKnowledge`).
 * `TRAINED_READING` reads it as the shipped model's training examples were read.
 */
export function quoteTokens(text: string, words: ReadonlyMap<string, number> = NO_WORDS, { pairMixed = true, wholeNumbers = true, closingAbbreviations = true }: QuoteReading = {}): QuoteTokens {
  const raw: Array<[number, number, string]> = [];
  for (const m of text.matchAll(wholeNumbers ? TOKEN_RE : TRAINED_TOKEN_RE)) raw.push([m.index!, m.index! + m[0].length, m[0]]);
  const n = raw.length;
  // Every array from one buffer (a dozen backing stores per paragraph were allocated and freed).
  const arrays = fromOneBuffer((s) => ({
    start: s.int32(n),
    end: s.int32(n),
    word: s.uint32(n),
    suffix: s.uint32(n),
    stem: s.uint32(n),
    cluster: s.uint32(n),
    sentence: s.int32(n),
    position: s.int32(n),
    quotesBefore: s.int32(n + 1),
    commasBefore: s.int32(n + 1),
    share: s.uint8(n),
    cls: s.uint8(n),
    inQuote: s.uint8(n),
  }));
  const t: QuoteTokens = { text, length: n, ...arrays, lower: new Array<string>(n), marks: findQuoteMarks(text) };
  const sentences = splitSentences(text, { closingAbbreviations });
  const marks = featureMarks(text, t.marks, pairMixed);
  let s = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const [a, b, w] = raw[i]!;
    const h = wordHashes(w);
    const lower = h.lower;
    t.start[i] = a;
    t.end[i] = b;
    t.lower[i] = lower;
    t.word[i] = h.word;
    t.suffix[i] = h.suffix;
    t.stem[i] = h.stem;
    if (h.knownIn !== words) {
      h.known = words.get(lower) ?? 0;
      h.knownIn = words;
    }
    const known = h.known;
    t.cluster[i] = known & 0x3fffff;
    t.share[i] = known >>> 22;
    t.cls[i] = h.cls;
    while (s < sentences.length - 1 && a >= sentences[s]!.end) s++;
    t.sentence[i] = s;
    t.position[i] = i > 0 && t.sentence[i - 1] === s ? t.position[i - 1]! + 1 : 0;
    while (m < marks.length && marks[m]!.close < a) m++;
    t.inQuote[i] = m < marks.length && marks[m]!.open <= a && a <= marks[m]!.close ? 1 : 0;
    t.quotesBefore[i + 1] = t.quotesBefore[i]! + (t.cls[i] === CLASS.quote ? 1 : 0);
    t.commasBefore[i + 1] = t.commasBefore[i]! + (t.cls[i] === CLASS.comma ? 1 : 0);
  }
  return t;
}
