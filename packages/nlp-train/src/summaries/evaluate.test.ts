import { type SummaryWeights, summarizeParagraph } from "@newsflow/nlp";
import { FEATURE_NAMES, SUMMARY_WEIGHTS_FORMAT, SUMMARY_WEIGHTS_VERSION } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { evaluateSummaries } from "./evaluate.js";

const texts = ["Nothing much happened in the morning.", "The board chose a new chief executive on Tuesday."];
const cases = [{ id: "a", title: null, paragraphs: texts.map((text, index) => ({ index, text, summary: summarizeParagraph(text) })), reference: texts[1]! }];
/** Weights that rank the last sentence first. */
const lastFirst: SummaryWeights = { format: SUMMARY_WEIGHTS_FORMAT, version: SUMMARY_WEIGHTS_VERSION, features: [...FEATURE_NAMES], weights: FEATURE_NAMES.map((n) => (n === "relativePosition" ? 5 : 0)) };

describe("evaluateSummaries", () => {
  it("scores the summary and Lead-N with the reference's sentence budget", () => {
    const scores = evaluateSummaries(cases, lastFirst);
    expect(scores).toMatchObject({ articles: 1, rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(scores.lead.rouge1).toBeLessThan(0.2);
    expect(scores.articlesPerSecond).toBeGreaterThan(0);
  });

  it("scores no articles as zeros, not NaN", () => {
    expect(evaluateSummaries([], lastFirst)).toEqual({ articles: 0, rouge1: 0, rouge2: 0, rougeL: 0, lead: { rouge1: 0, rouge2: 0, rougeL: 0 }, articlesPerSecond: 0 });
  });
});
