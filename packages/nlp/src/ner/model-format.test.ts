import { describe, expect, it } from "vitest";
import { packedOffset } from "./decode.js";
import { WordLexicon } from "./features.js";
import { findSlot, GAZ_PREFIX, packGazetteer } from "./gazetteer.js";
import { NUM_LABELS } from "./labels.js";
import { deserializeDocumentModel, deserializeLexicon, deserializeModel, ModelFormatError, serializeModel } from "./model-format.js";
import { isPlaceName, placeNameTable } from "./place-names.js";

describe("serializeModel / deserializeModel", () => {
  it("round-trips weights (to int16 precision), lexicon and gazetteer", () => {
    const bits = 4;
    const weights = new Float32Array((1 << bits) * NUM_LABELS);
    weights[3] = 2.5;
    weights[100] = -1.25;
    weights[weights.length - 1] = 0.001;
    const model = deserializeModel(
      serializeModel({
        bits,
        weights,
        resources: { bits, lexicon: WordLexicon.from(new Map([["iraq", 42], ["vowed", 2 ** 40 + 7]])), gazetteers: [packGazetteer([7, 0xfffffff0], [4, GAZ_PREFIX | 1], [9, 65535], 3)] },
        meta: { note: "test" },
      }),
    );
    expect(model.bits).toBe(bits);
    const { values } = model.weights;
    const at = (i: number) => {
      const o = packedOffset(model.weights, Math.floor(i / NUM_LABELS));
      return o < 0 ? 0 : values[o + (i % NUM_LABELS)]!;
    };
    expect(at(3) * model.scale).toBeCloseTo(2.5, 3);
    expect(at(100) * model.scale).toBeCloseTo(-1.25, 3);
    expect(at(weights.length - 1) * model.scale).toBeCloseTo(0.001, 3);
    expect(at(5)).toBe(0);
    expect(at(101)).toBe(0);
    // Only the three rows with a weight are stored.
    expect(values.length).toBe(3 * NUM_LABELS);
    expect([0, 5, 15].map((row) => packedOffset(model.weights, row))).toEqual([0, NUM_LABELS, 2 * NUM_LABELS]);
    expect(packedOffset(model.weights, 1)).toBe(-1);
    expect(model.resources.lexicon.get("iraq")).toBe(42);
    expect(model.resources.lexicon.get("vowed")).toBe(2 ** 40 + 7);
    expect(model.resources.lexicon.get("syria")).toBeUndefined();
    const [g] = model.resources.gazetteers;
    expect(g!.values[findSlot(g!, 7)]).toBe(4);
    expect(g!.values[findSlot(g!, 0xfffffff0)]).toBe(GAZ_PREFIX | 1);
    expect(g!.exact[findSlot(g!, 0xfffffff0)]).toBe(65535);
    expect(findSlot(g!, 8)).toBe(-1);
    expect(g!.maxLen).toBe(3);
    expect(model.meta.note).toBe("test");
  });

  it("finds each stored row's weights across the 32-row blocks of the packed table", () => {
    const bits = 8;
    const weights = new Float32Array((1 << bits) * NUM_LABELS);
    const rows = [0, 31, 32, 33, 100, 255];
    rows.forEach((row, k) => {
      weights[row * NUM_LABELS + (k % NUM_LABELS)] = k + 1;
    });
    const model = deserializeModel(serializeModel({ bits, weights, resources: { bits, lexicon: WordLexicon.from(new Map()), gazetteers: [] }, meta: {} }));
    rows.forEach((row, k) => {
      const o = packedOffset(model.weights, row);
      expect(o).toBe(k * NUM_LABELS);
      expect(model.weights.values[o + (k % NUM_LABELS)]! * model.scale).toBeCloseTo(k + 1, 3);
    });
    for (const row of [1, 30, 34, 99, 101, 254]) expect(packedOffset(model.weights, row)).toBe(-1);
  });

  it("round-trips the place-name table, empty when none is given", () => {
    const bits = 2;
    const base = { bits, weights: new Float32Array((1 << bits) * NUM_LABELS), resources: { bits, lexicon: WordLexicon.from(new Map()), gazetteers: [] }, meta: {} };
    const placeNames = placeNameTable(["Al-bu-Kamal", "Deir ez-Zor"]);
    const model = deserializeModel(serializeModel({ ...base, placeNames }));
    expect(model.placeNames).toEqual(placeNames);
    expect(isPlaceName(model.placeNames, "Albu Kamal")).toBe(true);
    expect(deserializeModel(serializeModel(base)).placeNames).toEqual(new Uint32Array(0));
  });

  it("round-trips the alias groups, none when none are given", () => {
    const bits = 2;
    const base = { bits, weights: new Float32Array((1 << bits) * NUM_LABELS), resources: { bits, lexicon: WordLexicon.from(new Map()), gazetteers: [] }, meta: {} };
    const aliasGroups = [["Daesh", "ISIS", "Islamic State"], ["Burma", "Myanmar"]];
    const bytes = serializeModel({ ...base, aliasGroups });
    expect(deserializeModel(bytes).aliasGroups).toEqual(aliasGroups);
    expect(deserializeModel(serializeModel(base)).aliasGroups).toEqual([]);
  });

  it("round-trips the context typer, also read for the document step without the tagger's weights", () => {
    const bits = 3;
    const weights = new Float32Array((1 << bits) * NUM_LABELS);
    weights[7] = 1;
    const typerWeights = new Int16Array((1 << 4) * 4);
    typerWeights[5] = 300;
    typerWeights[63] = -32767;
    const typer = { bits: 4, weights: typerWeights, scale: 12.5, alpha: 20 };
    const resources = { bits, lexicon: WordLexicon.from(new Map([["iraq", 42]])), gazetteers: [packGazetteer([7], [4], [9], 1)] };
    const bytes = serializeModel({ bits, weights, resources, placeNames: placeNameTable(["Deir ez-Zor"]), aliasGroups: [["ISIS", "Daesh"]], typer, meta: {} });
    expect(deserializeModel(bytes).typer).toEqual(typer);
    const document = deserializeDocumentModel(bytes);
    expect(document.aliasGroups).toEqual([["ISIS", "Daesh"]]);
    expect(document.context!.typer).toEqual(typer);
    expect(document.context!.resources.lexicon.get("iraq")).toBe(42);
    const [g] = document.context!.resources.gazetteers;
    expect(g!.values[findSlot(g!, 7)]).toBe(4);
    const without = serializeModel({ bits, weights, resources, meta: {} });
    expect(deserializeModel(without).typer).toBeNull();
    expect(deserializeDocumentModel(without).context).toBeNull();
  });

  it("keeps only the hashes of a loaded model's words, and gives them back to tools from the bytes", () => {
    const bits = 2;
    const bytes = serializeModel({ bits, weights: new Float32Array((1 << bits) * NUM_LABELS), resources: { bits, lexicon: WordLexicon.from(new Map([["iraq", 42]])), gazetteers: [] }, meta: {} });
    const model = deserializeModel(bytes);
    expect(model.resources.lexicon.size).toBe(1);
    expect(() => model.resources.lexicon.entries()).toThrow(/keeps no words/);
    expect(deserializeLexicon(bytes)).toEqual(new Map([["iraq", 42]]));
  });

  it("tells apart words that share a hash", () => {
    // "liquid" and "costarring" have one hashString32, as 10 pairs of the shipped lexicon's words do.
    const lexicon = new WordLexicon(["liquid", "costarring", "iraq"], [1, 2, 3]);
    expect([lexicon.get("liquid"), lexicon.get("costarring"), lexicon.get("iraq"), lexicon.get("syria")]).toEqual([1, 2, 3, undefined]);
    expect(lexicon.size).toBe(3);
  });

  it("rejects bytes that are not a model", () => {
    expect(() => deserializeModel(new TextEncoder().encode("hello world"))).toThrow(ModelFormatError);
  });
});
