/** A sentence as a half-open range into its paragraph. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc ltd co corp vs etc jan feb mar apr jun jul aug sep sept oct nov dec no u.s u.k u.n e.g i.e".split(" "),
);

/**
 * Split a paragraph into sentences at `.`, `!` or `?` (with any closing quotes or brackets)
 * followed by space and an upper-case letter, digit or opening quote; abbreviations, initials
 * and decimals do not end a sentence.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const re = /[.!?]+["'\u201D\u2019)\]]*(?=\s+["'\u201C\u2018(]{0,2}[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === ".") {
      const word = /([\p{L}.]+)$/u.exec(text.slice(start, m.index))?.[1] ?? "";
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    pushSpan(spans, text, start, end);
    start = end;
  }
  pushSpan(spans, text, start, text.length);
  return spans;
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e, text: text.slice(s, e) });
}
