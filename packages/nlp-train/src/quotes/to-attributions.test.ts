import { describe, expect, it } from "vitest";
import { toAttributions } from "./to-attributions.js";

describe("toAttributions", () => {
  // "He said:" at 0 and "“We win.” “Again.”" at 10 of the article.
  const paragraphs = [
    { index: 0, toArticle: (i: number) => i },
    { index: 1, toArticle: (i: number) => 10 + i },
  ];
  const base = { kind: "direct" as const, confidence: 0.9, opensAcross: false, closesAcross: false, speaker: "He", speakerEntityId: null, cue: null, source: null };

  it("joins pieces into one attribution and takes the source from another paragraph", () => {
    const resolved = [
      { ...base, paragraphIndex: 1, content: { start: 0, end: 9, text: "“We win.”" }, resolution: "context" as const, contextSource: { paragraphIndex: 0, span: { start: 0, end: 2, text: "He" } } },
      { ...base, paragraphIndex: 1, content: { start: 10, end: 18, text: "“Again.”" }, resolution: "context" as const, joinedTo: 0 },
    ];
    expect(toAttributions(resolved, paragraphs)).toEqual([
      { content: [{ start: 10, end: 19 }, { start: 20, end: 28 }], source: [{ start: 0, end: 2 }], cue: [] },
    ]);
  });
});
