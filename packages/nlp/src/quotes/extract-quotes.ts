import type { Quote, QuotesResult } from "@newsflow/contracts";

const CUE = /\b(said|says|told|added|announced|declared|warned|reported|stated|according to)\b/i;

/**
 * A baseline extractor: text between quotation marks is a direct quote, with the nearest cue
 * verb in the same sentence and the capitalised words next to it as source.
 */
export function extractQuotes(text: string): QuotesResult {
  const quotes: Quote[] = [];
  const re = /["\u201C]([^"\u201C\u201D]{3,})["\u201D]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const cStart = m.index + 1;
    const content = { start: cStart, end: cStart + m[1]!.length, text: m[1]! };
    const before = text.slice(0, m.index);
    const cueMatch = CUE.exec(before.slice(-80));
    let cue = null;
    let source = null;
    if (cueMatch) {
      const cueStart = before.length - Math.min(80, before.length) + cueMatch.index;
      cue = { start: cueStart, end: cueStart + cueMatch[0].length, text: cueMatch[0] };
      const src = /((?:\p{Lu}[\p{L}'-]*\s+)*\p{Lu}[\p{L}'-]*(?:\s+\p{Ll}+)?)\s+$/u.exec(text.slice(0, cueStart));
      if (src) source = { start: src.index, end: src.index + src[1]!.length, text: src[1]! };
    }
    quotes.push({ content, source, cue, kind: "direct", confidence: 0.5, opensAcross: false, closesAcross: false });
  }
  return { quotes };
}
