import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("does not end a sentence at abbreviations, initials or decimals", () => {
    expect(texts("The U.S. economy grew 2.5% in Sept. last year. Dr. Smith disagreed.")).toEqual(["The U.S. economy grew 2.5% in Sept. last year.", "Dr. Smith disagreed."]);
    expect(texts("J. R. R. Tolkien wrote it. It sold well!")).toEqual(["J. R. R. Tolkien wrote it.", "It sold well!"]);
  });

  it("ends a sentence at an abbreviation that can close one, before a word that opens sentences", () => {
    expect(texts("Troops will stay in the U.S. He said so on Monday.")).toEqual(["Troops will stay in the U.S.", "He said so on Monday."]);
    expect(texts("It sold shares to Acme Inc. The deal closed. Smith & Co. It's done.")).toEqual(["It sold shares to Acme Inc.", "The deal closed.", "Smith & Co.", "It's done."]);
    expect(texts("He asked the U.S. Senate and the U.N. Security Council. Acme Inc. Chief Jo Bo left.")).toEqual([
      "He asked the U.S. Senate and the U.N. Security Council.",
      "Acme Inc. Chief Jo Bo left.",
    ]);
    expect(texts("She said no. The vote was lost at No. 10. It was No. 1 Street.")).toEqual(["She said no.", "The vote was lost at No. 10.", "It was No. 1 Street."]);
  });

  it("reads those abbreviations as before when asked to (closingAbbreviations: false)", () => {
    const text = "Troops will stay in the U.S. He said no. The vote was lost.";
    expect(splitSentences(text, { closingAbbreviations: false }).map((s) => s.text)).toEqual(["Troops will stay in the U.S. He said no. The vote was lost."]);
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
