import { describe, expect, it } from "vitest";
import { parseConll, scoreSpans, spansFromTags, splitFolds } from "./conll.js";

describe("parseConll", () => {
  it("splits documents at -DOCSTART- and sentences at blank lines, keeping the last column as the tag", () => {
    const text = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
    const docs = parseConll(text);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.sentences.map((s) => s.tokens)).toEqual([["EU", "rejects"], ["Peter"]]);
    expect(docs[0]!.sentences[0]!.tags).toEqual(["I-ORG", "O"]);
    expect(docs[1]!.sentences[0]!.tags).toEqual(["I-LOC"]);
  });
});

describe("spansFromTags", () => {
  it("reads IOB1: I- after O starts a mention, B- splits two touching mentions of one type", () => {
    expect(spansFromTags(["I-PER", "I-PER", "B-PER", "O", "I-LOC"])).toEqual([
      { start: 0, end: 2, type: "PER" },
      { start: 2, end: 3, type: "PER" },
      { start: 4, end: 5, type: "LOC" },
    ]);
  });

  it("reads IOB2 the same way and ends a mention where the type changes", () => {
    expect(spansFromTags(["B-ORG", "I-ORG", "I-LOC", "B-MISC"])).toEqual([
      { start: 0, end: 2, type: "ORG" },
      { start: 2, end: 3, type: "LOC" },
      { start: 3, end: 4, type: "MISC" },
    ]);
  });
});

describe("scoreSpans", () => {
  it("counts only exact span and type matches, micro-averaged and per type", () => {
    // gold: PER 0-2, LOC 3-4, ORG 5-6, LOC 7-8; predicted: PER 0-2 (right), LOC 3-4 (right),
    // ORG 5-7 (wrong end), MISC 7-8 (wrong type). 2 of 4 predicted right, 2 of 4 gold found.
    const gold = [[
      { start: 0, end: 2, type: "PER" },
      { start: 3, end: 4, type: "LOC" },
      { start: 5, end: 6, type: "ORG" },
      { start: 7, end: 8, type: "LOC" },
    ]];
    const predicted = [[
      { start: 0, end: 2, type: "PER" },
      { start: 3, end: 4, type: "LOC" },
      { start: 5, end: 7, type: "ORG" },
    ]];
    const s = scoreSpans(gold, predicted, ["PER", "ORG", "LOC", "MISC"]);
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 4);
    expect(s.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
    expect(s.perType.PER).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.perType.LOC!.recall).toBeCloseTo(0.5);
    expect(s.perType.ORG).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(s.perType.MISC).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe("splitFolds", () => {
  it("holds out every k-th document and trains on the rest, so the folds cover each document once", () => {
    const docs = [0, 1, 2, 3, 4, 5, 6];
    expect(splitFolds(docs, 3, 1)).toEqual({ train: [0, 2, 3, 5, 6], heldOut: [1, 4] });
    const heldOut = [0, 1, 2].flatMap((i) => splitFolds(docs, 3, i).heldOut);
    expect(heldOut.sort()).toEqual(docs);
  });

  it("rejects a fold outside 0..k-1", () => {
    expect(() => splitFolds([1, 2], 5, 5)).toThrow(RangeError);
  });
});
