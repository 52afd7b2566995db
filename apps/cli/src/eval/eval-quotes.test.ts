import { describe, expect, it } from "vitest";
import { normalizeWithOffsets } from "./eval-quotes.js";

describe("normalizeWithOffsets", () => {
  it("maps offsets of the normalised text back to the original around removed characters", () => {
    const original = "A\u200Bb said.\r\n\r\nC\u00A0d.";
    const { text, toOriginal } = normalizeWithOffsets(original);
    expect(text).toBe("Ab said.\n\nC d.");
    for (const i of [0, 1, 9, 11]) expect(original[toOriginal(i)]!.replace("\u00A0", " ")).toBe(text[i]);
    expect(toOriginal(text.length)).toBe(original.length);
  });
});
