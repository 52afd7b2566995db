/**
 * A small network over hashed features, for experiments against the perceptron taggers: a learned
 * vector of `hidden` units per feature bucket, summed over a token's features, ReLU, then a
 * softmax over the labels, with a linear part over the same buckets beside it (`hidden` 0 leaves
 * only that: logistic regression). Trained by AdaGrad on each token's cross-entropy. The initial
 * vectors come from a seeded generator (mulberry32), so a run is reproducible.
 */
export class HashedMlp {
  private readonly mask: number;
  private readonly embed: Float32Array;
  private readonly embedG: Float32Array;
  private readonly linear: Float32Array;
  private readonly linearG: Float32Array;
  private readonly b1: Float32Array;
  private readonly b1G: Float32Array;
  private readonly w2: Float32Array;
  private readonly w2G: Float32Array;
  private readonly b2: Float32Array;
  private readonly b2G: Float32Array;
  private readonly hiddenOut: Float32Array;
  private readonly dHidden: Float32Array;
  private readonly out: Float32Array;
  private readonly dOut: Float32Array;

  constructor(
    bits: number,
    private readonly perToken: number,
    private readonly hidden: number,
    private readonly labels: number,
    private readonly rate: number,
    seed = 12345,
  ) {
    let state = seed;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const rows = 1 << bits;
    this.mask = rows - 1;
    this.embed = Float32Array.from({ length: rows * hidden }, () => (random() - 0.5) * 0.1);
    this.embedG = new Float32Array(rows * hidden);
    this.linear = new Float32Array(rows * labels);
    this.linearG = new Float32Array(rows * labels);
    this.b1 = new Float32Array(hidden).fill(0.01);
    this.b1G = new Float32Array(hidden);
    this.w2 = Float32Array.from({ length: hidden * labels }, () => (random() - 0.5) * (2 / Math.sqrt(Math.max(1, hidden))));
    this.w2G = new Float32Array(hidden * labels);
    this.b2 = new Float32Array(labels);
    this.b2G = new Float32Array(labels);
    this.hiddenOut = new Float32Array(hidden);
    this.dHidden = new Float32Array(hidden);
    this.out = new Float32Array(labels);
    this.dOut = new Float32Array(labels);
  }

  /** Log-probabilities of the labels for token `i` of `features` (a view valid until the next call). */
  forward(features: Uint32Array, i: number): Float32Array {
    const { hidden: H, labels: L, hiddenOut: h, out } = this;
    h.set(this.b1);
    out.set(this.b2);
    for (let f = i * this.perToken, end = f + this.perToken; f < end; f++) {
      const r = features[f]! & this.mask;
      for (let j = 0, o = r * H; j < H; j++) h[j]! += this.embed[o + j]!;
      for (let l = 0, o = r * L; l < L; l++) out[l]! += this.linear[o + l]!;
    }
    for (let j = 0; j < H; j++) {
      const v = Math.max(h[j]!, 0);
      h[j] = v;
      if (v !== 0) for (let l = 0; l < L; l++) out[l]! += v * this.w2[j * L + l]!;
    }
    let max = -Infinity;
    for (let l = 0; l < L; l++) max = Math.max(max, out[l]!);
    let sum = 0;
    for (let l = 0; l < L; l++) sum += Math.exp(out[l]! - max);
    const z = Math.log(sum) + max;
    for (let l = 0; l < L; l++) out[l]! -= z;
    return out;
  }

  /** One AdaGrad step on token `i`'s cross-entropy against label `gold`; returns the loss before the step. */
  learn(features: Uint32Array, i: number, gold: number): number {
    const { hidden: H, labels: L, hiddenOut: h, dHidden, dOut } = this;
    const lp = this.forward(features, i);
    const loss = -lp[gold]!;
    for (let l = 0; l < L; l++) dOut[l] = Math.exp(lp[l]!) - (l === gold ? 1 : 0);
    for (let j = 0; j < H; j++) {
      let d = 0;
      if (h[j]! > 0) {
        for (let l = 0; l < L; l++) {
          d += dOut[l]! * this.w2[j * L + l]!;
          step(this.w2, this.w2G, j * L + l, dOut[l]! * h[j]!, this.rate);
        }
      }
      dHidden[j] = d;
      if (d !== 0) step(this.b1, this.b1G, j, d, this.rate);
    }
    for (let l = 0; l < L; l++) step(this.b2, this.b2G, l, dOut[l]!, this.rate);
    for (let f = i * this.perToken, end = f + this.perToken; f < end; f++) {
      const r = features[f]! & this.mask;
      for (let j = 0, o = r * H; j < H; j++) if (dHidden[j] !== 0) step(this.embed, this.embedG, o + j, dHidden[j]!, this.rate);
      for (let l = 0, o = r * L; l < L; l++) step(this.linear, this.linearG, o + l, dOut[l]!, this.rate);
    }
    return loss;
  }
}

/** An AdaGrad step on one weight. */
function step(w: Float32Array, g2: Float32Array, at: number, g: number, rate: number): void {
  g2[at]! += g * g;
  w[at]! -= (rate * g) / Math.sqrt(g2[at]! + 1e-6);
}
