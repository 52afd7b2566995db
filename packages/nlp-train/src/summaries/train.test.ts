import { summarizeDocument, summarizeParagraph } from "@newsflow/nlp";
import { checkSummaryWeights, FEATURE_NAMES } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { evaluateSummaries } from "./evaluate.js";
import type { SummaryCase } from "./production.js";
import { fitLogistic, summaryExamples, trainSummaryWeights } from "./train.js";

/** Articles whose editor always chose the first sentence. */
const cases: SummaryCase[] = Array.from({ length: 6 }, (_, k) => {
  const texts = [`Shares of firm ${k} rose sharply on strong results.`, `Analysts had expected weaker numbers for the quarter ${k}. Markets were calm in the afternoon.`];
  const paragraphs = texts.map((text, index) => ({ index, text, summary: summarizeParagraph(text) }));
  return { id: `a-${k}`, title: null, paragraphs, reference: texts[0]! };
});

describe("fitLogistic", () => {
  it("separates separable rows, the same way on every run", () => {
    const x = [[1, 0], [1, 0.2], [1, 0.8], [1, 1]];
    const y = [0, 0, 1, 1];
    const w = fitLogistic(x, y, { epochs: 500, learningRate: 1, l2: 0 });
    expect(w[1]).toBeGreaterThan(0);
    expect(w[0]! + w[1]! * 0.1).toBeLessThan(0);
    expect(w[0]! + w[1]! * 0.9).toBeGreaterThan(0);
    expect(fitLogistic(x, y, { epochs: 500, learningRate: 1, l2: 0 })).toEqual(w);
  });
});

describe("trainSummaryWeights", () => {
  it("labels the sentences the editor chose", () => {
    const { x, y } = summaryExamples(cases);
    expect(x).toHaveLength(18);
    expect(y.filter(Boolean)).toHaveLength(6);
    expect(x[0]).toHaveLength(FEATURE_NAMES.length);
  });

  it("writes a versioned artefact the runtime accepts and that ranks the chosen sentence first", () => {
    const weights = trainSummaryWeights(cases, { data: "toy" });
    expect(weights).toMatchObject({ format: "newsflow-summary-weights", version: 1, training: { data: "toy", articles: 6, sentences: 18, chosen: 6 } });
    expect(checkSummaryWeights(weights)).toBe(weights);
    expect(summarizeDocument(null, cases[0]!.paragraphs, weights, { sentences: 1 }).text).toBe(cases[0]!.reference);
    expect(evaluateSummaries(cases, weights)).toMatchObject({ articles: 6, rouge1: 1, rouge2: 1, rougeL: 1, lead: { rouge1: 1 } });
  });
});
