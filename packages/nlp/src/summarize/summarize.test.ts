import { describe, expect, it } from "vitest";
import { articleParagraphs, referenceSentenceCount, summarizeArticle } from "./article.js";
import { shortenSentence, summarizeDocument, summarizeParagraph } from "./summarize.js";

const article = [
  "The dollar rose against the euro after the Federal Reserve chairman said the trade deficit would stabilise.",
  "Traders said the dollar had been weak for months. The euro fell to 1.28 dollars. Analysts expect the dollar to stay strong.",
  "In other news, the weather in London was mild.",
  "The Federal Reserve chairman spoke in London before a meeting of finance ministers on the dollar and the deficit.",
].join("\n\n");

describe("summarizeParagraph", () => {
  it("scores every sentence with offsets into the paragraph and picks a summary sentence", () => {
    const text = "Traders said the dollar had been weak for months. The euro fell to 1.28 dollars.";
    const s = summarizeParagraph(text);
    expect(s.sentences).toHaveLength(2);
    for (const x of s.sentences) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s.summary).toHaveLength(1);
    expect(s.keyPhrases.length).toBeGreaterThan(0);
  });

  it("gives a one-sentence paragraph a shorter form without its attribution tail or parenthetical", () => {
    const s = summarizeParagraph("The plant will close in March (after 40 years), the company said.");
    expect(s.short).toBe("The plant will close in March.");
  });

  it("drops an apposition after a name", () => {
    expect(shortenSentence("Croft, a spokesman for the coalition, said forces would stay.")).toBe("Croft said forces would stay.");
  });
});

describe("summarizeDocument", () => {
  it("respects the sentence budget and keeps document order", () => {
    const s = summarizeArticle("Dollar gains on Fed speech", article, { sentences: 3 });
    expect(s.sentences).toHaveLength(3);
    const order = s.sentences.map((x) => x.paragraphIndex * 1000 + x.start);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("prefers central sentences over an off-topic one", () => {
    const s = summarizeArticle("Dollar gains on Fed speech", article, { sentences: 3 });
    expect(s.text).not.toContain("weather");
  });

  it("stops at a word budget", () => {
    const s = summarizeDocument("Dollar", articleParagraphs(article), { words: 20 });
    expect(s.text.split(/\s+/).length).toBeLessThanOrEqual(20);
    expect(s.sentences.length).toBeGreaterThan(0);
  });

  it("counts the sentences of a reference glued without spaces", () => {
    const paragraphs = articleParagraphs(article);
    expect(referenceSentenceCount(paragraphs, "Traders said the dollar had been weak for months.The euro fell to 1.28 dollars.")).toBe(2);
  });
});
