/** A sentence as a half-open range into its paragraph. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

export interface SentenceOptions {
  /**
   * Whether "U.S.", "Inc." and the like can end a sentence (before a word that opens sentences),
   * as they do since the twenty-ninth session; false reads them as before, never ending one, as
   * the shipped quote model's training (`TRAINED_READING` in quote-tokens.ts) and the entity tagger
   * (`tokenizeSentences`) still do.
   */
  closingAbbreviations?: boolean;
}

/** Abbreviations that stand before a name or a number: they never end a sentence. */
const ABBREVIATIONS = new Set("mr mrs ms dr prof sen rep gov gen col lt sgt capt st vs jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e".split(" "));

/**
 * Abbreviations that can also close a sentence ("... in the U.S. He said", "... Inc. The
 * company"): they end one only before a word that opens sentences and names nothing ("U.S.
 * Senate" stays one sentence). "No." ends one unless a number follows ("No. 10").
 */
const SENTENCE_FINAL_ABBREVIATIONS = new Set("u.s u.k u.n inc ltd co corp jr sr etc".split(" "));
const SENTENCE_OPENERS = new Set(
  "the a an he she it they we i you this that these those there here his her its their our my your but and or so yet although though while as in on at for if when what who why how after before since because meanwhile however still many much some most all".split(
    " ",
  ),
);

/**
 * Split a paragraph into sentences at `.`, `!` or `?` (with any closing quotes or brackets)
 * followed by space and an upper-case letter, digit or opening quote; initials, decimals and
 * abbreviations do not end a sentence, except those that can close one ("U.S.", "Inc.") before a
 * word that opens sentences.
 */
export function splitSentences(text: string, { closingAbbreviations = true }: SentenceOptions = {}): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const re = /[.!?]+["'\u201D\u2019)\]]*(?=\s+["'\u201C\u2018(]{0,2}[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === ".") {
      const word = text.slice(wordStart(text, start, m.index), m.index);
      if (/^\p{Lu}$/u.test(word) || !endsSentence(word.toLowerCase(), text.slice(end, end + 40), closingAbbreviations)) continue;
    }
    pushSpan(spans, text, start, end);
    start = end;
  }
  pushSpan(spans, text, start, text.length);
  return spans;
}

/** Where the run of letters and full stops that ends at `end` begins (no earlier than `from`). */
function wordStart(text: string, from: number, end: number): number {
  let i = end;
  while (i > from && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return i;
}

/** Whether `word` and its full stop end a sentence, given the text after them. */
function endsSentence(word: string, after: string, closingAbbreviations: boolean): boolean {
  if (word !== "no" && !SENTENCE_FINAL_ABBREVIATIONS.has(word)) return !ABBREVIATIONS.has(word);
  if (!closingAbbreviations) return false;
  if (word === "no") return !/^\s+\p{N}/u.test(after);
  const next = /^\s+["'\u201C\u2018(]{0,2}(\p{L}+)(?=[\s,'\u2019])/u.exec(after)?.[1] ?? "";
  return SENTENCE_OPENERS.has(next.toLowerCase());
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e, text: text.slice(s, e) });
}
