import type { Span } from "@newsflow/contracts";

/** `text[start, end)` as a span, without surrounding white space and clause punctuation. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:—–-]/.test(text[e - 1]!)) e--;
  return { start: s, end: e, text: text.slice(s, e) };
}

const CLAUSE_WORDS = new Set([
  "and", "but", "or", "that", "which", "who", "whom", "because", "while", "when", "as", "if", "so", "than", "where", "after",
  "before", "since", "though", "although", "whether", "until", "unless", "once", "then", "also", "even",
]);
const MAX_SOURCE_WORDS = 10;

/**
 * The noun phrase that ends right before `end` (looking no further back than `from`): up to ten
 * words, cut at a clause word ("and", "that", "when", ...) or at clause punctuation, so that
 * "As ISIS is destroyed in Iraq, Croft said" gives "Croft".
 */
export function sourceBefore(text: string, from: number, end: number): Span | null {
  let e = end;
  while (e > from && /[\s,]/.test(text[e - 1]!)) e--;
  let s = e;
  let words = 0;
  let i = e;
  while (i > from && words < MAX_SOURCE_WORDS) {
    let j = i;
    while (j > from && !/\s/.test(text[j - 1]!)) j--;
    const word = text.slice(j, i);
    if (/[;:!?.”"]$/.test(word) && !/^(?:\p{Lu}\.)+$|^(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Inc|Co|Corp)\.$/u.test(word)) break;
    if (/[,]$/.test(word) && i !== e) break;
    if (CLAUSE_WORDS.has(word.toLowerCase())) break;
    s = j;
    words++;
    i = j;
    while (i > from && /\s/.test(text[i - 1]!)) i--;
  }
  if (s >= e) return null;
  const span = trimSpan(text, s, e);
  return /[\p{L}\p{N}]/u.test(span.text) ? span : null;
}

/** The noun phrase that starts at `start`: up to eight words, ending at a comma, a clause end or a preposition. */
export function sourceAfter(text: string, start: number, end: number): Span | null {
  const m = /^\s*((?:[\p{L}\p{N}][\p{L}\p{N}.'’&()-]*\s*){1,8}?)(?=[,.;:!?“”"]|$|\s+(?:who|which|in|on|at|during|after|before|when|while|to|of|about|as|that|because|and|but)\b)/u.exec(
    text.slice(start, end),
  );
  return m?.[1] ? trimSpan(text, start, start + m[0].length) : null;
}

/** Number of words in a stretch of text. */
export const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
