// A toy CoNLL corpus and a tagger trained on it in milliseconds, for the training code's tests
// (left out of the build with the tests).
import { deserializeModel, type NerModel, serializeModel } from "@newsflow/nlp/train";
import { type ConllDocument, parseConll } from "./conll.js";
import { trainTagger } from "./train.js";

const sentence = (words: string) =>
  words
    .split(" ")
    .map((w) => {
      const [token, tag] = w.split("/");
      return `${token} X X ${tag ?? "O"}`;
    })
    .join("\n");

/** Documents from sentences written `Smith/I-PER visited Paris/I-LOC .` (untagged words are O). */
export const toyDocuments = (...docs: string[][]): ConllDocument[] =>
  parseConll(docs.map((d) => `-DOCSTART- -X- -X- O\n\n${d.map(sentence).join("\n\n")}\n`).join("\n"));

export const toyTrain = toyDocuments(
  ["Smith/I-PER visited Paris/I-LOC on Monday .", "Acme/I-ORG said profits rose ."],
  ["Jones/I-PER flew to Rome/I-LOC .", "Globex/I-ORG said sales fell ."],
  ["Brown/I-PER left Berlin/I-LOC .", "Initech/I-ORG said it hired Brown/I-PER ."],
);
export const toyDev = toyDocuments(["Smith/I-PER visited Rome/I-LOC ."]);
export const toyConfig = { bits: 12, maxEpochs: 6, seed: 1, lexicon: new Map<string, number>(), listedNames: [], folds: 2 };

/** The toy tagger as a model file would load it, its weights times `scale`. */
export function toyModel(scale = 1): NerModel {
  const result = trainTagger(toyTrain, toyDev, toyConfig);
  return deserializeModel(
    serializeModel({ bits: toyConfig.bits, weights: result.weights.map((w) => w * scale), resources: result.resources, meta: { marginScale: result.marginScale } }),
  );
}
