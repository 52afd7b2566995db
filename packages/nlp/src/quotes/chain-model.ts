import { reusable } from "../slab.js";

/**
 * A linear-chain model over hashed features: one weight per (feature bucket, label) and a
 * transition weight per (previous label, label), the first row for the sequence start.
 */
export interface ChainModel {
  bits: number;
  labels: number;
  /**
   * `(1 << bits) * labels` weights, bucket-major, each worth `scale`: int16 in a shipped model (a
   * small table misses the cache less), float while training.
   */
  weights: Int16Array | Float32Array;
  scale: number;
  /** `(labels + 1) * labels`: row 0 is the start, row p + 1 follows label p. */
  transitions: Float32Array;
}

/** Per-token label scores of `n` tokens with `perToken` features each, written into `out` (n * labels). */
export function emissionScores(model: ChainModel, features: Uint32Array, perToken: number, n: number, out = new Float32Array(n * model.labels)): Float32Array {
  const { weights, labels, scale } = model;
  const mask = (1 << model.bits) - 1;
  if (labels === 3) return emissionScores3(model, features, perToken, n, out);
  out.fill(0, 0, n * labels);
  for (let i = 0; i < n; i++) {
    const o = i * labels;
    for (let k = i * perToken, end = k + perToken; k < end; k++) {
      const row = (features[k]! & mask) * labels;
      for (let l = 0; l < labels; l++) out[o + l]! += weights[row + l]!;
    }
    for (let l = 0; l < labels; l++) out[o + l]! *= scale;
  }
  return out;
}

/** `emissionScores` for three labels, the sums kept in locals (the quote model's case, and its hot loop). */
function emissionScores3(model: ChainModel, features: Uint32Array, perToken: number, n: number, out: Float32Array): Float32Array {
  const { weights, scale } = model;
  const mask = (1 << model.bits) - 1;
  for (let i = 0; i < n; i++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (let k = i * perToken, end = k + perToken; k < end; k++) {
      const row = (features[k]! & mask) * 3;
      s0 += weights[row]!;
      s1 += weights[row + 1]!;
      s2 += weights[row + 2]!;
    }
    out[i * 3] = s0 * scale;
    out[i * 3 + 1] = s1 * scale;
    out[i * 3 + 2] = s2 * scale;
  }
  return out;
}

/**
 * Viterbi's tables, reused from call to call (every entry read is written first): a paragraph
 * decodes several times, and a typed array of more than 64 bytes is a backing store of its own to
 * allocate and free.
 */
const viterbiDelta = reusable((n) => new Float32Array(n), 1 << 10);
const viterbiBack = reusable((n) => new Uint8Array(n), 1 << 10);

/** The best label sequence (Viterbi) given emission scores; labels written into `out`. */
export function bestPath(model: ChainModel, scores: Float32Array, n: number, out = new Uint8Array(n)): Uint8Array {
  const L = model.labels;
  const tr = model.transitions;
  if (n === 0) return out;
  const delta = viterbiDelta(n * L);
  const back = viterbiBack(n * L);
  for (let l = 0; l < L; l++) delta[l] = tr[l]! + scores[l]!;
  for (let i = 1; i < n; i++) {
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const v = delta[(i - 1) * L + p]! + tr[(p + 1) * L + l]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[i * L + l] = best + scores[i * L + l]!;
      back[i * L + l] = arg;
    }
  }
  let best = -Infinity;
  for (let l = 0; l < L; l++) {
    if (delta[(n - 1) * L + l]! > best) {
      best = delta[(n - 1) * L + l]!;
      out[n - 1] = l;
    }
  }
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]!]!;
  return out;
}

/** The serialised form of a chain model inside a JSON artefact: int16-quantised weights stored sparsely. */
export interface ChainModelJson {
  bits: number;
  labels: number;
  scale: number;
  transitions: number[];
  /** Gaps between the non-zero weight positions (the first from -1). */
  gaps: number[];
  /** The quantised non-zero weights (weight = value * scale), within int16. */
  values: number[];
}

/** Rebuilds a chain model from its JSON form. */
export function chainFromJson(json: ChainModelJson): ChainModel {
  const weights = new Int16Array((1 << json.bits) * json.labels);
  let at = -1;
  json.gaps.forEach((gap, k) => {
    at += gap;
    weights[at] = json.values[k]!;
  });
  return { bits: json.bits, labels: json.labels, weights, scale: json.scale, transitions: Float32Array.from(json.transitions) };
}
