import { describe, expect, it } from "vitest";
import { shapeHash, wordShape } from "./features.js";
import { hashString, hashString32, mix32, mixHash } from "./hash.js";

describe("signed hashes", () => {
  const words = ["", "Iraq", "al-Baghdadi", "U.S.", "1996", "Ægypt", "Deir-ez-Zor", "ÉTATS-UNIS", "x".repeat(40), "Ab1-Cd2.Ef3_Gh4:Ij5"];

  it("have the bits of the unsigned ones the model was trained with", () => {
    for (const w of words) expect(hashString32(w) >>> 0).toBe(hashString(w));
    for (const [a, b] of [[0, 0], [1, 2], [0xffffffff, 7], [0x80000000, 0x7fffffff], [-5, 12345]] as const) {
      expect(mix32(a, b) >>> 0).toBe(mixHash(a, b));
      expect(mix32(a | 0, b | 0) >>> 0).toBe(mixHash(a, b));
    }
  });

  it("hash a word's shape as the shape string would hash", () => {
    for (const w of words) expect(shapeHash(w) >>> 0).toBe(hashString(wordShape(w)));
  });
});
