import { DYN, type EncodedSentence } from "./features.js";
import { mix32 } from "./hash.js";
import { ALLOWED, labelPos, labelType, NUM_LABELS, POS_B, POS_I, POS_L, POS_U } from "./labels.js";

const DYNAMIC_FEATURES = 6;
const START = NUM_LABELS;
// Scratch buffers (decoding is synchronous, so one of each serves every call).
const INT_SCORES = new Int32Array(NUM_LABELS);
const DYN_OFFSETS = new Int32Array(DYNAMIC_FEATURES);

/**
 * Counts of the labels already given to a capitalised word in this document (index 0 O, 1 + t a
 * type): the "extended prediction history" of Ratinov & Roth, which makes a name tagged PER once
 * likely PER again further on.
 */
export type DocumentHistory = Map<number, Int32Array>;

/**
 * A loaded tagger's weight table, packed. Of the 2^bits hashed rows only about one in fifteen has
 * a non-zero weight after training, so only those rows are stored, one after another in `values`
 * (NUM_LABELS int16 each). Bit r of `present` says whether hashed row r is one of them, and its
 * place among them is `rank[r >>> 5]` (the stored rows before its block of 32) plus the set bits
 * below it in its block: 5.3 MB for the shipped model instead of 71 MB, and the two bit tables
 * (512 KiB) stay in cache, where an index of one int32 per row (8 MB) did not.
 */
export interface PackedWeights {
  present: Int32Array;
  rank: Int32Array;
  values: Int16Array;
}

/** Where hashed row r's weights start in `values`, or -1 when the row has none. */
export function packedOffset(p: PackedWeights, r: number): number {
  const word = p.present[r >>> 5]!;
  if (((word >>> (r & 31)) & 1) === 0) return -1;
  return (p.rank[r >>> 5]! + bitCount(word & ~(-1 << (r & 31)))) * NUM_LABELS;
}

/** The set bits of a 32-bit word. */
export function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Perceptron state while training: weights, the timestamped sums for averaging, the clock. */
export interface Learner {
  w: Float64Array;
  u: Float64Array;
  clock: number;
}

function historyValue(hist: DocumentHistory | null, key: number): number {
  if (key === 0 || hist === null) return 0;
  const counts = hist.get(key);
  if (counts === undefined) return 1;
  let best = -1;
  let bestCount = 0;
  for (let t = 1; t < counts.length; t++) {
    if (counts[t]! > bestCount) {
      bestCount = counts[t]!;
      best = t;
    }
  }
  return best < 0 ? 6 : 1 + best;
}

/**
 * Greedy left-to-right decoding with previous-label and document-history features; only label
 * sequences BILOU allows are produced. With a learner and gold labels it also makes the
 * perceptron update for every token it gets wrong (training on its own predicted history).
 * `margin[i]` receives the score gap between the chosen label and the best other one.
 */
export function decodeSentence(
  weights: Float32Array | Float64Array | PackedWeights,
  bits: number,
  enc: EncodedSentence,
  hist: DocumentHistory | null,
  out: Uint8Array,
  margin: Float32Array | null,
  learner: Learner | null = null,
  gold: Uint8Array | null = null,
): void {
  const NL = NUM_LABELS;
  const mask = (1 << bits) - 1;
  // A loaded model's quantised weights sum exactly in int32; training's float weights need doubles.
  const packed = ArrayBuffer.isView(weights) ? null : weights;
  const scores = packed !== null ? INT_SCORES : new Float64Array(NL);
  const dyn = DYN_OFFSETS;
  const feats = enc.feats;
  let prev = START;
  let prev2 = START;
  for (let i = 0; i < enc.n; i++) {
    const lw = enc.lw[i]!;
    const sh = enc.shape[i]!;
    const key = enc.histKey[i]!;
    const hv = historyValue(hist, key);
    dyn[0] = mix32(DYN.prev, prev) & mask;
    dyn[1] = mix32(DYN.prev2, prev2 * 32 + prev) & mask;
    dyn[2] = mix32(DYN.prevLw, mix32(prev, lw)) & mask;
    dyn[3] = mix32(DYN.prevSh, mix32(prev, sh)) & mask;
    dyn[4] = mix32(DYN.hist, hv) & mask;
    dyn[5] = mix32(DYN.histSh, mix32(hv, sh)) & mask;
    const base = enc.rows[i]!;
    const stop = enc.rows[i + 1]!;
    if (packed !== null && NL === 17) {
      sumRows17(packed, feats, base, stop, dyn, INT_SCORES);
    } else {
      const w = packed !== null ? packed.values : (weights as Float32Array | Float64Array);
      scores.fill(0);
      for (let f = base; f < stop; f++) {
        const off = packed !== null ? packedOffset(packed, feats[f]!) : feats[f]! * NL;
        if (off >= 0) for (let c = 0; c < NL; c++) scores[c]! += w[off + c]!;
      }
      for (let f = 0; f < DYNAMIC_FEATURES; f++) {
        const off = packed !== null ? packedOffset(packed, dyn[f]!) : dyn[f]! * NL;
        if (off >= 0) for (let c = 0; c < NL; c++) scores[c]! += w[off + c]!;
      }
    }
    let row = (prev === START ? 0 : prev) * NL;
    if (learner === null && prev !== START && prev !== 0 && labelPos(prev) <= POS_I) {
      // An open mention may only continue; when the model would rather start afresh here, end
      // the mention at the previous token instead (B -> U, I -> L) so that it cannot swallow
      // what follows ("Texas Open and whose").
      let free = 0;
      for (let c = 1; c < NL; c++) if (scores[c]! > scores[free]!) free = c;
      if (free === 0) {
        const closed = prev + (POS_L - POS_I);
        prev = labelPos(prev) === POS_B ? prev + (POS_U - POS_B) : closed;
        out[i - 1] = prev;
        row = prev * NL;
      }
    }
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < NL; c++) {
      if (learner === null && ALLOWED[row + c] === 0) continue;
      const s = scores[c]!;
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = c;
      } else if (s > second) second = s;
    }
    if (learner !== null && gold !== null) {
      const g = gold[i]!;
      if (g !== best) update(learner, feats, base, stop, dyn, g, best);
      learner.clock++;
    }
    out[i] = best;
    if (margin !== null) margin[i] = bestScore - second;
    if (key !== 0 && hist !== null) {
      let counts = hist.get(key);
      if (counts === undefined) {
        counts = new Int32Array(5);
        hist.set(key, counts);
      }
      counts[best === 0 ? 0 : 1 + labelType(best)]!++;
    }
    prev2 = prev;
    prev = best;
  }
}

function update(l: Learner, feats: Int32Array, base: number, stop: number, dyn: Int32Array, gold: number, pred: number): void {
  const { w, u, clock } = l;
  const NL = NUM_LABELS;
  for (let f = base; f < stop; f++) {
    const off = feats[f]! * NL;
    w[off + gold]! += 1;
    u[off + gold]! += clock;
    w[off + pred]! -= 1;
    u[off + pred]! -= clock;
  }
  for (let f = 0; f < DYNAMIC_FEATURES; f++) {
    const off = dyn[f]! * NL;
    w[off + gold]! += 1;
    u[off + gold]! += clock;
    w[off + pred]! -= 1;
    u[off + pred]! -= clock;
  }
}

/**
 * The label scores of one token under a loaded model's weights: the rows of `feats[base..stop)`
 * and of `dyn` summed into `out`, the 17 labels held in locals (a typed-array store per label and
 * feature was most of the decoder's time).
 */
function sumRows17(p: PackedWeights, feats: Int32Array, base: number, stop: number, dyn: Int32Array, out: Int32Array): void {
  const w = p.values;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  let s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
  const total = stop - base + DYNAMIC_FEATURES;
  for (let k = 0; k < total; k++) {
    // A row with no weight (about one look-up in seven on BBC text) is skipped.
    const o = packedOffset(p, k < stop - base ? feats[base + k]! : dyn[k - (stop - base)]!);
    if (o < 0) continue;
    s0 += w[o]!;
    s1 += w[o + 1]!;
    s2 += w[o + 2]!;
    s3 += w[o + 3]!;
    s4 += w[o + 4]!;
    s5 += w[o + 5]!;
    s6 += w[o + 6]!;
    s7 += w[o + 7]!;
    s8 += w[o + 8]!;
    s9 += w[o + 9]!;
    s10 += w[o + 10]!;
    s11 += w[o + 11]!;
    s12 += w[o + 12]!;
    s13 += w[o + 13]!;
    s14 += w[o + 14]!;
    s15 += w[o + 15]!;
    s16 += w[o + 16]!;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
  out[4] = s4;
  out[5] = s5;
  out[6] = s6;
  out[7] = s7;
  out[8] = s8;
  out[9] = s9;
  out[10] = s10;
  out[11] = s11;
  out[12] = s12;
  out[13] = s13;
  out[14] = s14;
  out[15] = s15;
  out[16] = s16;
}
