/** ROUGE precision, recall and F1. */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Tokens as the eval defines them: maximal runs of a-z0-9 in the lower-cased text. */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

const prf = (overlap: number, candidate: number, reference: number): RougeScore => {
  const precision = candidate ? overlap / candidate : 0;
  const recall = reference ? overlap / reference : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** ROUGE-N by clipped n-gram overlap. */
export function rougeN(candidate: string[], reference: string[], n: number): RougeScore {
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
  return prf(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** ROUGE-L by the longest common subsequence of the whole token sequences. */
export function rougeL(candidate: string[], reference: string[]): RougeScore {
  const m = reference.length;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (const c of candidate) {
    for (let j = 1; j <= m; j++) cur[j] = c === reference[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return prf(prev[m]!, candidate.length, m);
}
