import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FEATURE_NAMES } from "../summarize/features.js";
import { loadSummaryWeights } from "./load-summary-weights.js";

const write = (value: object): string => {
  const file = join(mkdtempSync(join(tmpdir(), "summary-weights-")), "weights.json");
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe("loadSummaryWeights", () => {
  it("reads the shipped weights, one per feature the code computes", () => {
    const w = loadSummaryWeights();
    expect(w.format).toBe("newsflow-summary-weights");
    expect(w.version).toBe(1);
    expect(w.features).toEqual([...FEATURE_NAMES]);
    expect(w.weights).toHaveLength(FEATURE_NAMES.length);
  });

  it("reads weights from an absolute path", () => {
    const weights = FEATURE_NAMES.map((_, i) => i / 10);
    expect(loadSummaryWeights(write({ format: "newsflow-summary-weights", version: 1, features: FEATURE_NAMES, weights })).weights).toEqual(weights);
  });

  it("refuses a file of another version, saying to retrain", () => {
    const file = write({ format: "newsflow-summary-weights", version: 2, features: FEATURE_NAMES, weights: FEATURE_NAMES.map(() => 0) });
    expect(() => loadSummaryWeights(file)).toThrow(/expected newsflow-summary-weights v1: retrain/);
  });
});
