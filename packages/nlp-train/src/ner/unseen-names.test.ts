import { describe, expect, it } from "vitest";
import { countBySeen, mixtureF1, type SeenCounts, unseenShareFor } from "./unseen-names.js";

describe("countBySeen", () => {
  it("counts gold and predicted mentions apart by whether the training set wrote their words", () => {
    const words = [["Clinton", "met", "Zelensky", "in", "Kyiv"]];
    const gold = [[{ start: 0, end: 1, type: "PER" }, { start: 2, end: 3, type: "PER" }, { start: 4, end: 5, type: "LOC" }]];
    const predicted = [[{ start: 0, end: 1, type: "PER" }, { start: 2, end: 3, type: "ORG" }]];
    expect(countBySeen(words, gold, predicted, new Set(["Clinton"]))).toEqual({
      seen: { gold: 1, predicted: 1, correct: 1 },
      unseen: { gold: 2, predicted: 1, correct: 0 },
    });
  });
});

describe("mixtureF1", () => {
  const c: SeenCounts = { seen: { gold: 80, predicted: 80, correct: 76 }, unseen: { gold: 20, predicted: 20, correct: 14 } };

  it("gives the measured F1 at the measured unseen share and the unseen F1 when every name is new", () => {
    expect(mixtureF1(c, 0.2)).toBeCloseTo(90 / 100, 10);
    expect(mixtureF1(c, 1)).toBeCloseTo(0.7, 10);
  });

  it("finds the unseen share that explains a lower held-out F1", () => {
    const u = unseenShareFor(c, 0.85);
    expect(u).toBeGreaterThan(0.2);
    expect(mixtureF1(c, u)).toBeCloseTo(0.85, 6);
    expect(unseenShareFor(c, 0.6)).toBe(1);
  });
});
