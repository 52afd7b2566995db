import { bestPath, chainFromJson, emissionScores } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { ChainTrainer, chainToJson } from "./chain-trainer.js";

// A toy task: label 1 where feature 9 is, never twice in a row.
const features = Uint32Array.from([7, 9, 2, 7, 9, 4]);
const gold = Uint8Array.from([0, 1, 0, 0, 1, 0]);
const train = () => {
  const trainer = new ChainTrainer(4, 2);
  for (let epoch = 0; epoch < 20; epoch++) trainer.learn(features, 1, 6, gold);
  return trainer;
};

describe("ChainTrainer", () => {
  it("learns a sequence it can then decode", () => {
    const model = train().averaged();
    expect([...bestPath(model, emissionScores(model, features, 1, 6), 6)]).toEqual([...gold]);
  });

  it("gives the same weights on every run", () => {
    expect(chainToJson(train().averaged())).toEqual(chainToJson(train().averaged()));
  });
});

describe("chainToJson", () => {
  it("keeps what the model decodes through quantisation and back", () => {
    const model = train().averaged();
    const back = chainFromJson(chainToJson(model));
    expect([...bestPath(back, emissionScores(back, features, 1, 6), 6)]).toEqual([...gold]);
  });
});
