import { logistic } from "@newsflow/nlp/train";

/**
 * Forward passes of two small contextual encoders over a sentence of word vectors, for pricing
 * them against the quote path's speed target (`scripts/encoder-cost.ts`): what one would cost per
 * paragraph in this runtime, before asking what it would buy. Plain loops over Float32Arrays, the
 * form a shipped encoder would take here (no native or WebAssembly kernels).
 */

/** Weights of a one-layer convolution over `width` tokens of `dims` inputs into `filters` ReLU units. */
export interface ConvWeights {
  dims: number;
  width: number;
  filters: number;
  /** `w[(f * width + k) * dims + d]`: filter f's weight for input d of the k-th token of its window. */
  w: Float32Array;
  b: Float32Array;
}

/**
 * The convolution's output for tokens `x` (`n * dims`, token t at `t * dims`), `n * filters`,
 * windows centred on each token, zeros beyond the sentence's ends.
 */
export function convForward(c: ConvWeights, x: Float32Array, n: number, out = new Float32Array(n * c.filters)): Float32Array {
  const { dims, width, filters, w, b } = c;
  const half = (width - 1) >> 1;
  for (let t = 0; t < n; t++) {
    for (let f = 0; f < filters; f++) {
      let s = b[f]!;
      for (let k = 0; k < width; k++) {
        const u = t + k - half;
        if (u < 0 || u >= n) continue;
        const wo = (f * width + k) * dims;
        const xo = u * dims;
        for (let d = 0; d < dims; d++) s += w[wo + d]! * x[xo + d]!;
      }
      out[t * filters + f] = Math.max(s, 0);
    }
  }
  return out;
}

/** Weights of one LSTM direction: `dims` inputs, `units` cells; gates in the order input, forget, cell, output. */
export interface LstmWeights {
  dims: number;
  units: number;
  /** `w[(g * units + j) * (dims + units) + k]`: gate g of unit j, over the input then the previous state. */
  w: Float32Array;
  b: Float32Array;
}

/**
 * One LSTM direction over tokens `x` (`n * dims`), left to right or, `reverse`, right to left:
 * the hidden state after each token, `n * units`, in token order.
 */
export function lstmForward(l: LstmWeights, x: Float32Array, n: number, reverse = false, out = new Float32Array(n * l.units)): Float32Array {
  const { dims, units, w, b } = l;
  const row = dims + units;
  const h = new Float32Array(units);
  const c = new Float32Array(units);
  const z = new Float32Array(4 * units);
  for (let s = 0; s < n; s++) {
    const t = reverse ? n - 1 - s : s;
    const xo = t * dims;
    for (let g = 0; g < 4 * units; g++) {
      const wo = g * row;
      let v = b[g]!;
      for (let d = 0; d < dims; d++) v += w[wo + d]! * x[xo + d]!;
      for (let j = 0; j < units; j++) v += w[wo + dims + j]! * h[j]!;
      z[g] = v;
    }
    for (let j = 0; j < units; j++) {
      const cell = logistic(z[units + j]!) * c[j]! + logistic(z[j]!) * Math.tanh(z[2 * units + j]!);
      c[j] = cell;
      h[j] = logistic(z[3 * units + j]!) * Math.tanh(cell);
      out[t * units + j] = h[j]!;
    }
  }
  return out;
}

/** Multiply-adds per token: the convolution's, and a bidirectional LSTM's (both directions). */
export const convMacs = (c: Pick<ConvWeights, "dims" | "width" | "filters">): number => c.filters * c.width * c.dims;
export const biLstmMacs = (l: Pick<LstmWeights, "dims" | "units">): number => 2 * 4 * l.units * (l.dims + l.units);
