import { lowerForm, normalizeToken, packLexicon, sentenceCasing, tokenizeSentences } from "@newsflow/nlp/train";
import { createRandom, shuffleInPlace } from "./random.js";

/** Options for building the word lexicon from unlabeled text. */
export interface LexiconOptions {
  seed: number;
  /** Cluster counts of the two granularities. */
  coarse?: number;
  fine?: number;
  minCount?: number;
  contextWords?: number;
  iterations?: number;
  log?: (message: string) => void;
}

const NO_CLUSTER = 0x7fe;

/**
 * Learns word facts from unlabeled news text for the tagger's features: two distributional
 * clusterings (spherical k-means over left/right neighbour counts, a cheap stand-in for Brown
 * clusters) and how often a word is capitalised away from sentence start. Returns lower-cased
 * word -> packLexicon value. Deterministic for a seed.
 */
export function buildLexicon(texts: readonly string[], tokenized: readonly (readonly string[])[], options: LexiconOptions): Map<string, number> {
  const log = options.log ?? (() => {});
  const minCount = options.minCount ?? 3;
  const nContext = options.contextWords ?? 800;
  const sentences: string[][] = [];
  for (const text of texts) {
    for (const para of text.split(/\n\s*\n/)) {
      for (const s of tokenizeSentences(para)) sentences.push(s.map((t) => normalizeToken(t.text)));
    }
  }
  for (const s of tokenized) sentences.push(s.map(normalizeToken));
  const freq = new Map<string, number>();
  const capStats = new Map<string, [number, number]>();
  let total = 0;
  for (const s of sentences) {
    // Capitals in an all-caps or title-cased headline say nothing about the word.
    const headline = sentenceCasing(s) !== 0;
    for (let i = 0; i < s.length; i++) {
      const t = s[i]!;
      const lw = lowerForm(t);
      freq.set(lw, (freq.get(lw) ?? 0) + 1);
      total++;
      if (i === 0 || headline || t.toLowerCase() === t.toUpperCase()) continue;
      const prev = s[i - 1]!;
      if (prev === '"' || prev === "(" || prev === "--" || prev === ":") continue;
      const st = capStats.get(lw) ?? [0, 0];
      if (t[0] !== t[0]!.toLowerCase()) st[0]++;
      st[1]++;
      capStats.set(lw, st);
    }
  }
  log(`lexicon: ${sentences.length} sentences, ${total} tokens, ${freq.size} word types`);
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const contextIndex = new Map<string, number>();
  for (const [w] of byFreq.slice(0, nContext)) contextIndex.set(w, contextIndex.size);
  const vocab = byFreq.filter(([, c]) => c >= minCount).map(([w]) => w);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const dims = 2 * nContext + 2;
  const counts: Array<Map<number, number>> = vocab.map(() => new Map());
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const v = vocabIndex.get(lowerForm(s[i]!));
      if (v === undefined) continue;
      const m = counts[v]!;
      const left = i > 0 ? (contextIndex.get(lowerForm(s[i - 1]!)) ?? nContext - 1) : nContext;
      const right = i + 1 < s.length ? (contextIndex.get(lowerForm(s[i + 1]!)) ?? nContext - 1) : nContext;
      m.set(left, (m.get(left) ?? 0) + 1);
      m.set(nContext + 1 + right, (m.get(nContext + 1 + right) ?? 0) + 1);
    }
  }
  // Sparse, square-rooted, unit-length context vectors.
  const vecs = counts.map((m) => {
    const idx = new Int32Array(m.size);
    const val = new Float32Array(m.size);
    let k = 0;
    let norm = 0;
    for (const [d, c] of [...m.entries()].sort((a, b) => a[0] - b[0])) {
      idx[k] = d;
      val[k] = Math.sqrt(c);
      norm += c;
      k++;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < val.length; j++) val[j] = val[j]! * inv;
    return { idx, val };
  });
  const coarse = kmeans(vecs, dims, options.coarse ?? 64, options.iterations ?? 12, options.seed, log);
  const fine = kmeans(vecs, dims, options.fine ?? 400, options.iterations ?? 12, options.seed + 1, log);
  const lexicon = new Map<string, number>();
  for (const [w, c] of freq) {
    if (c < 2) continue;
    const v = vocabIndex.get(w);
    const st = capStats.get(w);
    let capBin = 0;
    if (st && st[1] >= 2) {
      const r = st[0] / st[1];
      capBin = r < 0.05 ? 1 : r < 0.5 ? 2 : r < 0.95 ? 3 : 4;
    }
    const c1 = v === undefined ? NO_CLUSTER : coarse[v]!;
    const c2 = v === undefined ? NO_CLUSTER : fine[v]!;
    if (v === undefined && capBin === 0) continue;
    lexicon.set(w, packLexicon(c1, c2, capBin));
  }
  return lexicon;
}

interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

function kmeans(vecs: readonly SparseVector[], dims: number, k: number, iterations: number, seed: number, log: (m: string) => void): Int32Array {
  const random = createRandom(seed);
  const n = vecs.length;
  // Centroids stored dimension-major so scoring one vector walks contiguous memory.
  const cent = new Float32Array(dims * k);
  const assign = new Int32Array(n).fill(-1);
  // Seed with frequent words spread over the vocabulary: the first k of a shuffled top slice.
  const pool = Array.from({ length: Math.min(n, k * 8) }, (_, i) => i);
  shuffleInPlace(pool, random);
  for (let c = 0; c < k && c < pool.length; c++) {
    const v = vecs[pool[c]!]!;
    for (let j = 0; j < v.idx.length; j++) cent[v.idx[j]! * k + c] = v.val[j]!;
  }
  const scores = new Float32Array(k);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const v = vecs[i]!;
      scores.fill(0);
      for (let j = 0; j < v.idx.length; j++) {
        const base = v.idx[j]! * k;
        const x = v.val[j]!;
        for (let c = 0; c < k; c++) scores[c]! += x * cent[base + c]!;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (scores[c]! > scores[best]!) best = c;
      if (assign[i] !== best) changed++;
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const v = vecs[i]!;
      const c = assign[i]!;
      for (let j = 0; j < v.idx.length; j++) cent[v.idx[j]! * k + c]! += v.val[j]!;
    }
    const norms = new Float64Array(k);
    for (let d = 0; d < dims; d++) for (let c = 0; c < k; c++) norms[c]! += cent[d * k + c]! ** 2;
    for (let d = 0; d < dims; d++) {
      for (let c = 0; c < k; c++) if (norms[c]! > 0) cent[d * k + c] = cent[d * k + c]! / Math.sqrt(norms[c]!);
    }
    log(`k-means k=${k} iteration ${it + 1}: ${changed} words moved`);
    if (changed === 0) break;
  }
  return assign;
}
