import { type PRF, prf } from "../metrics.js";

/** Tokens as the eval defines them: maximal runs of a-z0-9 in the lower-cased text. */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** ROUGE-N by clipped n-gram overlap. */
export function rougeN(candidate: string[], reference: string[], n: number): PRF {
  const grams = (t: string[]) => {
    const m = new Map<string, number>();
    for (let i = 0; i + n <= t.length; i++) {
      const g = t.slice(i, i + n).join(" ");
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const c = grams(candidate);
  const r = grams(reference);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return prf(overlap, Math.max(0, candidate.length - n + 1), overlap, Math.max(0, reference.length - n + 1));
}

/** ROUGE-L by the longest common subsequence of the whole token sequences. */
export function rougeL(candidate: string[], reference: string[]): PRF {
  const m = reference.length;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (const c of candidate) {
    for (let j = 1; j <= m; j++) cur[j] = c === reference[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return prf(prev[m]!, candidate.length, prev[m]!, m);
}

/** ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate summary against a reference. */
export function rougeF1(candidate: string, reference: string): { rouge1: number; rouge2: number; rougeL: number } {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { rouge1: rougeN(c, r, 1).f1, rouge2: rougeN(c, r, 2).f1, rougeL: rougeL(c, r).f1 };
}
