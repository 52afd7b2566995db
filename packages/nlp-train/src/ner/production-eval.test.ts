import type { EntityMention } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { mentionsToTokenSpans, rebuildParagraphs } from "./production-eval.js";

const mention = (type: string, start: number, end: number): EntityMention => ({ type, start, end, text: "", confidence: 0.9 }) as EntityMention;

describe("rebuildParagraphs", () => {
  it("joins each sentence's tokens by single spaces and keeps every token's offsets", () => {
    const [p] = rebuildParagraphs({ sentences: [{ tokens: ["EU", "rejects", "German", "call"], tags: ["I-ORG", "O", "I-MISC", "O"] }] });
    expect(p!.text).toBe("EU rejects German call");
    expect(p!.starts).toEqual([0, 3, 11, 18]);
    expect(p!.ends).toEqual([2, 10, 17, 22]);
  });
});

describe("mentionsToTokenSpans", () => {
  const [p] = rebuildParagraphs({ sentences: [{ tokens: ["First", "Albany", "Corp.", "said"], tags: [] }] });

  it("maps a mention whose edges are token edges back to the tokens", () => {
    expect(mentionsToTokenSpans(p!, [mention("ORG", 0, 18)])).toEqual([{ start: 0, end: 3, type: "ORG" }]);
  });

  it("gives a mention that cuts a token a span no gold mention has, and leaves values out", () => {
    expect(mentionsToTokenSpans(p!, [mention("ORG", 0, 17), mention("DATE", 19, 23)])).toEqual([{ start: -1, end: -1, type: "ORG" }]);
  });
});
