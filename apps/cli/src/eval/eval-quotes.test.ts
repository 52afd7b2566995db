import { describe, expect, it } from "vitest";
import { normalizeWithOffsets, toAttributions } from "./eval-quotes.js";

describe("normalizeWithOffsets", () => {
  it("maps offsets of the normalised text back to the original around removed characters", () => {
    const original = "A\u200Bb said.\r\n\r\nC\u00A0d.";
    const { text, toOriginal } = normalizeWithOffsets(original);
    expect(text).toBe("Ab said.\n\nC d.");
    for (const i of [0, 1, 9, 11]) expect(original[toOriginal(i)]!.replace("\u00A0", " ")).toBe(text[i]);
    expect(toOriginal(text.length)).toBe(original.length);
  });
});

describe("toAttributions", () => {
  const paragraphs = [
    { index: 0, start: 0, end: 8, text: "He said:" },
    { index: 1, start: 10, end: 30, text: "“We win.” “Again.”" },
  ];
  const base = { kind: "direct" as const, confidence: 0.9, opensAcross: false, closesAcross: false, speaker: "He", speakerEntityId: null, cue: null, source: null };

  it("joins pieces into one attribution and takes the source from another paragraph", () => {
    const resolved = [
      { ...base, paragraphIndex: 1, content: { start: 0, end: 9, text: "“We win.”" }, resolution: "context" as const, contextSource: { paragraphIndex: 0, span: { start: 0, end: 2, text: "He" } } },
      { ...base, paragraphIndex: 1, content: { start: 10, end: 18, text: "“Again.”" }, resolution: "context" as const, joinedTo: 0 },
    ];
    expect(toAttributions(resolved, paragraphs, (i) => i)).toEqual([
      { content: [{ start: 10, end: 19 }, { start: 20, end: 28 }], source: [{ start: 0, end: 2 }], cue: [] },
    ]);
  });
});
