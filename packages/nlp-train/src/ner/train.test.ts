import { deserializeModel, serializeModel } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { parseConll } from "./conll.js";
import { meanMentionMargin } from "./margin-scale.js";
import { titleCaseTokens, trainTagger } from "./train.js";

describe("titleCaseTokens", () => {
  it("capitalises every word as a web headline does, except short function words inside", () => {
    expect(titleCaseTokens(["the", "drone", "shows", "fighters", "of", "al-Qaim", "flee"])).toEqual([
      "The", "Drone", "Shows", "Fighters", "of", "Al-Qaim", "Flee",
    ]);
  });
});

const sentence = (words: string) =>
  words
    .split(" ")
    .map((w) => {
      const [token, tag] = w.split("/");
      return `${token} X X ${tag ?? "O"}`;
    })
    .join("\n");
const documents = (...docs: string[][]) => parseConll(docs.map((d) => `-DOCSTART- -X- -X- O\n\n${d.map(sentence).join("\n\n")}\n`).join("\n"));
const train = documents(
  ["Smith/I-PER visited Paris/I-LOC on Monday .", "Acme/I-ORG said profits rose ."],
  ["Jones/I-PER flew to Rome/I-LOC .", "Globex/I-ORG said sales fell ."],
  ["Brown/I-PER left Berlin/I-LOC .", "Initech/I-ORG said it hired Brown/I-PER ."],
);
const dev = documents(["Smith/I-PER visited Rome/I-LOC ."]);
const config = { bits: 12, maxEpochs: 6, seed: 1, lexicon: new Map<string, number>(), listedNames: [], folds: 2 };

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
    const result = trainTagger(train, dev, config);
    const model = (scale: number) =>
      deserializeModel(serializeModel({ bits: config.bits, weights: result.weights.map((w) => w * scale), resources: result.resources, meta: {} }));
    const text = ["Smith visited Paris. Acme said profits rose.\n\nJones flew to Berlin."];
    const one = meanMentionMargin(model(1), text);
    expect(one).toBeGreaterThan(0);
    expect(meanMentionMargin(model(2), text) / one).toBeCloseTo(2, 1);
    expect(meanMentionMargin(model(1), [""])).toBe(1);
  });
});
