import { describe, expect, it } from "vitest";
import { NUM_LABELS } from "./labels.js";
import { deserializeModel, ModelFormatError, serializeModel } from "./model-format.js";

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
        resources: { bits, lexicon: new Map([["iraq", 42]]), gazetteer: { entries: new Map([[7, 4]]), maxLen: 3 } },
        meta: { note: "test" },
      }),
    );
    expect(model.bits).toBe(bits);
    expect(model.weights[3]! * model.scale).toBeCloseTo(2.5, 3);
    expect(model.weights[100]! * model.scale).toBeCloseTo(-1.25, 3);
    expect(model.weights[5]).toBe(0);
    expect(model.resources.lexicon.get("iraq")).toBe(42);
    expect(model.resources.gazetteer.entries.get(7)).toBe(4);
    expect(model.resources.gazetteer.maxLen).toBe(3);
    expect(model.meta.note).toBe("test");
  });

  it("rejects bytes that are not a model", () => {
    expect(() => deserializeModel(new TextEncoder().encode("hello world"))).toThrow(ModelFormatError);
  });
});
