import { describe, expect, it } from "vitest";
import { shapeHash, wordShape } from "./features.js";
import { hashString, mix32, mixHash } from "./hash.js";

describe("feature hashes", () => {
  const words = ["", "Iraq", "al-Baghdadi", "U.S.", "1996", "Ægypt", "Deir-ez-Zor", "ÉTATS-UNIS", "x".repeat(40), "Ab1-Cd2.Ef3_Gh4:Ij5"];

  it("are FNV-1a and the murmur3 mixer with the values the shipped models were trained with", () => {
    // FNV-1a's published 32-bit test vectors, and two words.
    expect(["", "a", "foobar", "Iraq", "al-Baghdadi"].map(hashString)).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968, 0xbcc25f18, 0x278c0165]);
    expect([mixHash(0, 0), mixHash(1, 2), mixHash(0xffffffff, 7), mixHash(0x80000000, 0x7fffffff)]).toEqual([0, 0x7e32275d, 0xe80c4bba, 0x81f16f39]);
  });

  it("mix the same bits whether their inputs are written signed (the hot path) or unsigned", () => {
    for (const [a, b] of [[0, 0], [1, 2], [0xffffffff, 7], [0x80000000, 0x7fffffff], [-5, 12345]] as const) {
      expect(mix32(a | 0, b | 0)).toBe(mix32(a >>> 0, b >>> 0));
      expect(mixHash(a | 0, b | 0)).toBe(mixHash(a >>> 0, b >>> 0));
    }
  });

  it("hash a word's shape as the shape string would hash", () => {
    for (const w of words) expect(shapeHash(w) >>> 0).toBe(hashString(wordShape(w)));
  });
});
