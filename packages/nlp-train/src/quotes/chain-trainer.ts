import { bestPath, type ChainModel, type ChainModelJson, emissionScores } from "@newsflow/nlp/train";

/**
 * An averaged structured perceptron for a linear-chain model over hashed features (Collins
 * 2002): decode with the current weights, and where the best path differs from the gold one,
 * add the gold labels' features and transitions and subtract the predicted ones. The average
 * over every step is kept lazily (`w - u / c`).
 */
export interface ChainUpdate {
  /** Passive-aggressive step (PA-I, Crammer et al. 2006) capped at this; 0: the perceptron's step of 1. */
  pa: number;
  /** `labels * labels`: cost[gold * labels + predicted], added to wrong labels' scores while decoding in training (loss-augmented); empty: none. */
  cost: Float32Array;
}

export class ChainTrainer {
  readonly model: ChainModel & { weights: Float32Array };
  private readonly sums: Float64Array;
  private readonly transitionSums: Float64Array;
  private steps = 1;
  private scores = new Float32Array(0);
  private plain = new Float32Array(0);

  constructor(
    bits: number,
    labels: number,
    private readonly update: ChainUpdate = { pa: 0, cost: new Float32Array(0) },
  ) {
    this.model = { bits, labels, weights: new Float32Array((1 << bits) * labels), scale: 1, transitions: new Float32Array((labels + 1) * labels) };
    this.sums = new Float64Array(this.model.weights.length);
    this.transitionSums = new Float64Array(this.model.transitions.length);
  }

  /** One training step on a sequence of `n` tokens; returns the number of tokens it got wrong. */
  learn(features: Uint32Array, perToken: number, n: number, gold: Uint8Array): number {
    const L = this.model.labels;
    if (this.scores.length < n * L) {
      this.scores = new Float32Array(n * L * 2);
      this.plain = new Float32Array(n * L * 2);
    }
    const scores = emissionScores(this.model, features, perToken, n, this.scores);
    const { pa, cost } = this.update;
    if (pa > 0) this.plain.set(scores.subarray(0, n * L));
    if (cost.length > 0) for (let i = 0; i < n; i++) for (let l = 0; l < L; l++) scores[i * L + l]! += cost[gold[i]! * L + l]!;
    const predicted = bestPath(this.model, scores, n);
    const { labels, weights, transitions } = this.model;
    const mask = (1 << this.model.bits) - 1;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (gold[i] !== predicted[i]) wrong++;
    const step = pa > 0 ? this.paStep(features, perToken, n, gold, predicted) : 1;
    if (step <= 0) {
      this.steps++;
      return wrong;
    }
    const c = this.steps * step;
    for (let i = 0; i < n; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      if (g !== p) {
        for (let k = i * perToken; k < (i + 1) * perToken; k++) {
          const row = (features[k]! & mask) * labels;
          weights[row + g]! += step;
          this.sums[row + g]! += c;
          weights[row + p]! -= step;
          this.sums[row + p]! -= c;
        }
      }
      const gPrev = i === 0 ? 0 : gold[i - 1]! + 1;
      const pPrev = i === 0 ? 0 : predicted[i - 1]! + 1;
      if (g !== p || gPrev !== pPrev) {
        transitions[gPrev * labels + g]! += step;
        this.transitionSums[gPrev * labels + g]! += c;
        transitions[pPrev * labels + p]! -= step;
        this.transitionSums[pPrev * labels + p]! -= c;
      }
    }
    this.steps++;
    return wrong;
  }

  /**
   * PA-I's step: the loss of the predicted path (its cost, or 1 per wrong token) less the gold
   * path's margin over it, over the squared norm of the feature difference, capped at `pa`.
   */
  private paStep(features: Uint32Array, perToken: number, n: number, gold: Uint8Array, predicted: Uint8Array): number {
    const L = this.model.labels;
    const tr = this.model.transitions;
    const mask = (1 << this.model.bits) - 1;
    const { cost } = this.update;
    let margin = 0;
    let loss = 0;
    const diff = new Map<number, number>();
    const add = (key: number, v: number) => diff.set(key, (diff.get(key) ?? 0) + v);
    for (let i = 0; i < n; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      const gPrev = i === 0 ? 0 : gold[i - 1]! + 1;
      const pPrev = i === 0 ? 0 : predicted[i - 1]! + 1;
      margin += this.plain[i * L + g]! - this.plain[i * L + p]! + tr[gPrev * L + g]! - tr[pPrev * L + p]!;
      if (g !== p) {
        loss += cost.length > 0 ? cost[g * L + p]! : 1;
        for (let k = i * perToken; k < (i + 1) * perToken; k++) {
          const row = (features[k]! & mask) * L;
          add(row + g, 1);
          add(row + p, -1);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        add(-1 - (gPrev * L + g), 1);
        add(-1 - (pPrev * L + p), -1);
      }
    }
    let normSq = 0;
    for (const v of diff.values()) normSq += v * v;
    return normSq === 0 ? 0 : Math.min(this.update.pa, (loss - margin) / normSq);
  }

  /** The averaged model (a copy; training can go on). */
  averaged(): ChainModel {
    const { bits, labels } = this.model;
    const avg = (w: Float32Array, u: Float64Array) => Float32Array.from(w, (x, i) => x - u[i]! / this.steps);
    return { bits, labels, weights: avg(this.model.weights, this.sums), scale: 1, transitions: avg(this.model.transitions, this.transitionSums) };
  }
}

/**
 * A chain model in its artefact form: weights quantised to integers with one scale (`levels`
 * steps up to the largest weight) and stored sparsely; weights that round to zero are dropped.
 */
export function chainToJson(model: ChainModel, levels = 32767): ChainModelJson {
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w * model.scale));
  const scale = maxAbs > 0 ? maxAbs / levels : 1;
  const gaps: number[] = [];
  const values: number[] = [];
  let last = -1;
  model.weights.forEach((w, i) => {
    const q = Math.round((w * model.scale) / scale);
    if (q === 0) return;
    gaps.push(i - last);
    values.push(q);
    last = i;
  });
  return { bits: model.bits, labels: model.labels, scale, transitions: Array.from(model.transitions, (t) => Math.round(t * 1e4) / 1e4), gaps, values };
}
