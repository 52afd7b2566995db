import { describe, expect, it } from "vitest";
import { meanMentionMargin } from "./margin-scale.js";
import { toyConfig as config, toyDev as dev, toyModel, toyTrain as train } from "./toy-corpus.fixture.js";
import { titleCaseTokens, trainTagger } from "./train.js";

describe("titleCaseTokens", () => {
  it("capitalises every word as a web headline does, except short function words inside", () => {
    expect(titleCaseTokens(["the", "drone", "shows", "fighters", "of", "al-Qaim", "flee"])).toEqual([
      "The", "Drone", "Shows", "Fighters", "of", "Al-Qaim", "Flee",
    ]);
  });
});

describe("trainTagger", () => {
  it("keeps the best epoch on dev, or with fixedEpochs trains exactly that many and scores nothing", () => {
    const selected = trainTagger(train, dev, config);
    expect(Number(selected.bestEpoch)).toBeGreaterThanOrEqual(1);
    expect(selected.epochs.length).toBeGreaterThanOrEqual(Number(selected.bestEpoch));
    const lines: string[] = [];
    const fixed = trainTagger([...train, ...dev], [], { ...config, fixedEpochs: 3, log: (m) => lines.push(m) });
    expect(fixed.bestEpoch).toBe("3");
    expect(fixed.epochs).toEqual([]);
    expect(lines.filter((l) => /epoch \d/.test(l))).toEqual(["run 1: epoch 1", "run 1: epoch 2", "run 1: epoch 3: kept (fixed count)"]);
    expect(fixed.weights.some((w) => w !== 0)).toBe(true);
  });
});

describe("meanMentionMargin", () => {
  it("is the mean margin of the mentions found, so it scales with the weights", () => {
    const text = ["Smith visited Paris. Acme said profits rose.\n\nJones flew to Berlin."];
    const one = meanMentionMargin(toyModel(1), text);
    expect(one).toBeGreaterThan(0);
    expect(meanMentionMargin(toyModel(2), text) / one).toBeCloseTo(2, 1);
    expect(meanMentionMargin(toyModel(1), [""])).toBe(1);
  });
});
