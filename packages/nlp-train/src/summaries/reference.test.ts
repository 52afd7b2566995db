import { summarizeParagraph } from "@newsflow/nlp";
import { describe, expect, it } from "vitest";
import { inReference, leadSentences, referenceSentenceCount } from "./reference.js";

const paragraphs = ["The dollar rose. Traders were pleased.", "The euro fell to 1.28 dollars. Analysts expect more."].map((text, index) => ({ index, text, summary: summarizeParagraph(text) }));

describe("referenceSentenceCount", () => {
  it("counts the sentences of a reference glued without spaces", () => {
    expect(referenceSentenceCount(paragraphs, "Traders were pleased.The euro fell to 1.28 dollars.")).toBe(2);
  });

  it("is at least one", () => {
    expect(referenceSentenceCount(paragraphs, "Nothing of the article.")).toBe(1);
  });
});

describe("inReference", () => {
  it("ignores white space and never counts a one-character sentence", () => {
    const chosen = inReference("The dollar  rose.A");
    expect(chosen("The dollar rose.")).toBe(true);
    expect(chosen("A")).toBe(false);
  });
});

describe("leadSentences", () => {
  it("takes the first sentences in document order across paragraphs", () => {
    expect(leadSentences([...paragraphs].reverse(), 3)).toEqual(["The dollar rose.", "Traders were pleased.", "The euro fell to 1.28 dollars."]);
  });
});
