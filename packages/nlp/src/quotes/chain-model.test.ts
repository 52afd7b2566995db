import { describe, expect, it } from "vitest";
import { bestPath, chainFromJson, emissionScores } from "./chain-model.js";

describe("bestPath", () => {
  // Two labels; a transition 1 -> 1 so costly that a second 1 in a row never pays.
  const model = { bits: 2, labels: 2, scale: 1, weights: new Int16Array(8), transitions: Float32Array.from([0, 0, 0, 0, 0, -10]) };

  it("takes the best label per token when transitions do not matter", () => {
    const scores = Float32Array.from([1, 0, 0, 3, 2, 0]);
    expect([...bestPath(model, scores, 3)]).toEqual([0, 1, 0]);
  });

  it("gives up a locally better label when the transition costs more", () => {
    const scores = Float32Array.from([0, 3, 0, 2]);
    expect([...bestPath(model, scores, 2)]).toEqual([1, 0]);
  });

  it("decodes each sequence alone, whatever was decoded before it (its tables are reused)", () => {
    // Label 1 scores 5 on every even token (entry 2i + 1 of the scores), 0 elsewhere.
    const long = Float32Array.from(Array.from({ length: 4000 }, (_, k) => (k % 4 === 1 ? 5 : 0)));
    const path = [...bestPath(model, long, 2000)];
    expect(path.filter((l) => l === 1)).toHaveLength(1000); // every even token
    expect([...bestPath(model, Float32Array.from([0, 3, 0, 2]), 2)]).toEqual([1, 0]);
    expect([...bestPath(model, long, 2000)]).toEqual(path);
  });
});

describe("emissionScores", () => {
  it("adds the weights of a token's features per label, times the scale, in the hashed table", () => {
    const model = chainFromJson({ bits: 2, labels: 2, scale: 0.5, transitions: [0, 0, 0, 0, 0, 0], gaps: [3, 2], values: [4, -2] });
    // Gaps 3 and 2 from -1 put 4 at position 2 (bucket 1, label 0) and -2 at 4 (bucket 2, label 0);
    // feature 5 falls in bucket 1 (5 & 3).
    expect([...emissionScores(model, Uint32Array.from([1, 2, 5, 0]), 2, 2)]).toEqual([1, 0, 2, 0]);
  });
});
