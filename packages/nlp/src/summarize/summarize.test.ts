import type { EntitiesResult } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { loadSummaryWeights } from "../node/load-summary-weights.js";
import { splitParagraphs } from "../text/split-paragraphs.js";
import { FEATURE_NAMES } from "./features.js";
import { type ParagraphForSummary, shortenSentence, summarizeDocument, summarizeParagraph, summaryFeatures } from "./summarize.js";
import { checkSummaryWeights, type SummaryWeights } from "./weights.js";

const article = [
  "The dollar rose against the euro after the Federal Reserve chairman said the trade deficit would stabilise.",
  "Traders said the dollar had been weak for months. The euro fell to 1.28 dollars. Analysts expect the dollar to stay strong.",
  "In other news, the weather in London was mild.",
  "The Federal Reserve chairman spoke in London before a meeting of finance ministers on the dollar and the deficit.",
].join("\n\n");

/** The paragraph step's results, as the document step receives them. */
const paragraphsOf = (text: string): ParagraphForSummary[] =>
  splitParagraphs(text, { detectTitle: false }).paragraphs.map((p) => ({ index: p.index, text: p.text, summary: summarizeParagraph(p.text) }));

const weights = loadSummaryWeights();

describe("summarizeParagraph", () => {
  it("scores every sentence with offsets into the paragraph and picks a summary sentence", () => {
    const text = "Traders said the dollar had been weak for months. The euro fell to 1.28 dollars.";
    const s = summarizeParagraph(text);
    expect(s.sentences).toHaveLength(2);
    for (const x of s.sentences) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s.summary).toHaveLength(1);
    expect(s.keyPhrases.length).toBeGreaterThan(0);
  });

  it("keeps a name's designation whole in its key phrases", () => {
    // "US Air Force A-" and "US Air Force KC-" were the sample article's key phrases: the digits after the hyphen were cut.
    const text = "A US Air Force A-10 Thunderbolt-2 receives fuel from a US Air Force KC-10 Extender over Iraq, Mark O'Neill said.";
    expect(summarizeParagraph(text).keyPhrases.slice(0, 3)).toEqual(["US Air Force A-10 Thunderbolt-2", "US Air Force KC-10 Extender", "Mark O'Neill"]);
  });

  it("leaves the word that opens a sentence out of a name, and keeps a particle-joined surname in it", () => {
    // "When ISIS", "And Iraqi" and "Iraqi Prime Minister Haider" (without "al-Abadi") were key phrases.
    expect(summarizeParagraph("When ISIS emerged in 2014, the coalition formed. And Iraqi forces closed in.").keyPhrases.filter((k) => /\p{Lu}/u.test(k))).toEqual([]);
    expect(summarizeParagraph("Iraqi Prime Minister Haider al-Abadi raised the flag.").keyPhrases[0]).toBe("Iraqi Prime Minister Haider al-Abadi");
    // The particles the entity step knows, not only al, el, bin, ibn and abu: "Moqtada" alone was no key phrase.
    expect(summarizeParagraph("The cleric Moqtada as-Sadr called for calm.").keyPhrases[0]).toBe("Moqtada as-Sadr");
  });

  it("leaves a list bullet that opens the paragraph out of its first sentence", () => {
    const text = "- Iraqi forces retook the crossing. The flag was raised on Sunday.";
    const s = summarizeParagraph(text);
    expect(s.sentences.map((x) => [x.start, x.text])).toEqual([
      [2, "Iraqi forces retook the crossing."],
      [36, "The flag was raised on Sunday."],
    ]);
    expect(summarizeParagraph("-5 degrees tonight.").sentences[0]!.text).toBe("-5 degrees tonight.");
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
    const s = summarizeDocument("Dollar gains on Fed speech", paragraphsOf(article), weights, { sentences: 3 });
    expect(s.sentences).toHaveLength(3);
    const order = s.sentences.map((x) => x.paragraphIndex * 1000 + x.start);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("prefers central sentences over an off-topic one", () => {
    const s = summarizeDocument("Dollar gains on Fed speech", paragraphsOf(article), weights, { sentences: 3 });
    expect(s.text).not.toContain("weather");
  });

  it("stops at a word budget", () => {
    const s = summarizeDocument("Dollar", paragraphsOf(article), weights, { words: 20 });
    expect(s.text.split(/\s+/).length).toBeLessThanOrEqual(20);
    expect(s.sentences.length).toBeGreaterThan(0);
  });

  it("ranks by the weights it is given", () => {
    const only = (feature: string, w: number): SummaryWeights => ({ ...weights, weights: FEATURE_NAMES.map((n) => (n === feature ? w : 0)) });
    const last = summarizeDocument(null, paragraphsOf(article), only("relativePosition", 5), { sentences: 1 });
    expect(last.text).toMatch(/^The Federal Reserve chairman spoke in London/);
    const first = summarizeDocument(null, paragraphsOf(article), only("relativePosition", -5), { sentences: 1 });
    expect(first.text).toMatch(/^The dollar rose/);
  });
});

describe("summaryFeatures", () => {
  const entityDensity = FEATURE_NAMES.indexOf("entityDensity");
  const text = "Greenspan spoke on Friday in London.";
  const mentions: EntitiesResult = {
    mentions: [
      { text: "Greenspan", type: "PER", start: 0, end: 9, confidence: 0.9 },
      { text: "Friday", type: "DATE", start: 19, end: 25, confidence: 1 },
      { text: "London", type: "LOC", start: 29, end: 35, confidence: 0.9 },
    ],
  };

  it("counts the entities worker's named mentions, not its dates or amounts", () => {
    const { features } = summaryFeatures(null, [{ index: 0, text, summary: summarizeParagraph(text), entities: mentions }]);
    expect(features[0]![entityDensity]).toBeCloseTo((2 / 6) * 4);
  });

  it("falls back to capitalised words for a paragraph without an entities result", () => {
    const { features } = summaryFeatures(null, [{ index: 0, text, summary: summarizeParagraph(text) }]);
    expect(features[0]![entityDensity]).toBeCloseTo((2 / 6) * 4);
  });

  it("gives one feature vector per sentence, in document order whatever the paragraph order", () => {
    const paragraphs = paragraphsOf(article);
    const { sentences, features } = summaryFeatures(null, [...paragraphs].reverse());
    expect(sentences.map((s) => s.paragraphIndex)).toEqual([0, 1, 1, 1, 2, 3]);
    expect(features.every((x) => x.length === FEATURE_NAMES.length)).toBe(true);
  });
});

describe("checkSummaryWeights", () => {
  it("refuses weights made for other features", () => {
    expect(() => checkSummaryWeights({ ...weights, features: [...weights.features].reverse() })).toThrow(/retrain them/);
  });

  it("refuses a weight that is not a finite number", () => {
    expect(() => checkSummaryWeights({ ...weights, weights: weights.weights.map((w, i) => (i === 3 ? Number.NaN : w)) })).toThrow(/finite/);
  });
});
