import type { SummaryWeights } from "@newsflow/nlp";
import { FEATURE_NAMES, logistic, SUMMARY_WEIGHTS_FORMAT, SUMMARY_WEIGHTS_VERSION, summaryFeatures } from "@newsflow/nlp/train";
import type { SummaryCase } from "./production.js";
import { inReference } from "./reference.js";

/** Settings of the logistic regression (the defaults made the shipped weights). */
export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = { epochs: 600, learningRate: 0.5, l2: 1e-4 };

/**
 * Logistic regression by full-batch gradient descent with L2: rows in a fixed order and a fixed
 * number of epochs, so the same data gives the same weights on every run.
 */
export function fitLogistic(x: readonly number[][], y: readonly number[], options: LogisticOptions = DEFAULT_LOGISTIC): number[] {
  const d = x[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const g = new Array<number>(d).fill(0);
    for (let r = 0; r < x.length; r++) {
      const row = x[r]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j]! * row[j]!;
      const err = logistic(z) - y[r]!;
      for (let j = 0; j < d; j++) g[j]! += err * row[j]!;
    }
    for (let j = 0; j < d; j++) w[j]! -= options.learningRate * (g[j]! / x.length + options.l2 * w[j]!);
  }
  return w;
}

/** The training rows: every sentence's features (as `summarizeDocument` computes them), label 1 when the editor chose it. */
export function summaryExamples(cases: readonly SummaryCase[]): { x: number[][]; y: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  for (const c of cases) {
    const { sentences, features } = summaryFeatures(c.title, c.paragraphs);
    const chosen = inReference(c.reference);
    sentences.forEach((s, i) => {
      x.push(features[i]!);
      y.push(chosen(s.text) ? 1 : 0);
    });
  }
  return { x, y };
}

/**
 * Learns the document summary's sentence weights from articles taken through the production
 * path (`summaryCase`), labels = the sentences the editor chose. Weights are rounded to 6
 * decimals so the written file is short and stable.
 */
export function trainSummaryWeights(cases: readonly SummaryCase[], training: Record<string, string | number> = {}, options: LogisticOptions = DEFAULT_LOGISTIC): SummaryWeights {
  const { x, y } = summaryExamples(cases);
  const weights = fitLogistic(x, y, options).map((v) => Number(v.toFixed(6)));
  return {
    format: SUMMARY_WEIGHTS_FORMAT,
    version: SUMMARY_WEIGHTS_VERSION,
    features: [...FEATURE_NAMES],
    weights,
    training: { ...training, articles: cases.length, sentences: x.length, chosen: y.filter(Boolean).length, ...options },
  };
}
