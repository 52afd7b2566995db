import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("does not end a sentence at abbreviations, initials or decimals", () => {
    expect(texts("The U.S. economy grew 2.5% in Sept. last year. Dr. Smith disagreed.")).toEqual(["The U.S. economy grew 2.5% in Sept. last year.", "Dr. Smith disagreed."]);
    expect(texts("J. R. R. Tolkien wrote it. It sold well!")).toEqual(["J. R. R. Tolkien wrote it.", "It sold well!"]);
  });

  it("keeps a closing quotation mark with the sentence it ends", () => {
    expect(texts('He said "it is over." Then he left.')).toEqual(['He said "it is over."', "Then he left."]);
  });

  it("starts a sentence at a quotation opened with two apostrophes", () => {
    expect(texts("He left. ''It is over,'' she said.")).toEqual(["He left.", "''It is over,'' she said."]);
  });

  it("gives offsets into the text", () => {
    const text = "One.  Two?";
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
