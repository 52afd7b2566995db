import { bestPath, type ChainModel, type ChainModelJson, emissionScores } from "@newsflow/nlp/train";

/**
 * An averaged structured perceptron for a linear-chain model over hashed features (Collins
 * 2002): decode with the current weights, and where the best path differs from the gold one,
 * add the gold labels' features and transitions and subtract the predicted ones. The average
 * over every step is kept lazily (`w - u / c`).
 */
export class ChainTrainer {
  readonly model: ChainModel & { weights: Float32Array };
  private readonly sums: Float64Array;
  private readonly transitionSums: Float64Array;
  private steps = 1;
  private scores = new Float32Array(0);

  constructor(bits: number, labels: number) {
    this.model = { bits, labels, weights: new Float32Array((1 << bits) * labels), scale: 1, transitions: new Float32Array((labels + 1) * labels) };
    this.sums = new Float64Array(this.model.weights.length);
    this.transitionSums = new Float64Array(this.model.transitions.length);
  }

  /** One training step on a sequence of `n` tokens; returns the number of tokens it got wrong. */
  learn(features: Uint32Array, perToken: number, n: number, gold: Uint8Array): number {
    if (this.scores.length < n * this.model.labels) this.scores = new Float32Array(n * this.model.labels * 2);
    const predicted = bestPath(this.model, emissionScores(this.model, features, perToken, n, this.scores), n);
    let wrong = 0;
    const { labels, weights, transitions } = this.model;
    const mask = (1 << this.model.bits) - 1;
    const c = this.steps;
    for (let i = 0; i < n; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      if (g !== p) {
        wrong++;
        for (let k = i * perToken; k < (i + 1) * perToken; k++) {
          const row = (features[k]! & mask) * labels;
          weights[row + g]! += 1;
          this.sums[row + g]! += c;
          weights[row + p]! -= 1;
          this.sums[row + p]! -= c;
        }
      }
      const gPrev = i === 0 ? 0 : gold[i - 1]! + 1;
      const pPrev = i === 0 ? 0 : predicted[i - 1]! + 1;
      if (g !== p || gPrev !== pPrev) {
        transitions[gPrev * labels + g]! += 1;
        this.transitionSums[gPrev * labels + g]! += c;
        transitions[pPrev * labels + p]! -= 1;
        this.transitionSums[pPrev * labels + p]! -= c;
      }
    }
    this.steps++;
    return wrong;
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
