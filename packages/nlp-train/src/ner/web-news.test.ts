import type { EntityMention } from "@newsflow/contracts";
import type { EntityTagger } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { evaluateWebNews, goldSpans, readNewsCheckSets, type WebAnnotation, webParagraphs } from "./web-news.js";

describe("goldSpans", () => {
  it("marks every whole-word occurrence, longer names first, none inside another", () => {
    const text = "Apple sold the Apple Watch; Pineapple and Apple's shares rose.";
    expect(goldSpans(text, [["ORG", "Apple"], ["MISC", "Apple Watch"]])).toEqual([
      { start: 0, end: 5, type: "ORG" },
      { start: 15, end: 26, type: "MISC" },
      { start: 42, end: 47, type: "ORG" },
    ]);
  });

  it("throws when a name is not in the paragraph", () => {
    expect(() => goldSpans("Trump said.", [["PER", "Biden"]])).toThrow(/not in its paragraph: PER "Biden"/);
  });
});

describe("evaluateWebNews", () => {
  const body = "Headline\n\nAcme hired Jane Doe in Paris.\nShe starts Monday.";
  // A tagger that knows two fixed mentions: the test is of the scoring, not of a model.
  const tagger = {
    tag: (text: string) => ({
      mentions: text.startsWith("Acme")
        ? ([
            { type: "ORG", start: 0, end: 4, text: "Acme", confidence: 0.9 },
            { type: "PER", start: 11, end: 15, text: "Jane", confidence: 0.9 },
            { type: "DATE", start: 0, end: 0, text: "", confidence: 0.9 },
          ] as EntityMention[])
        : [],
    }),
  } as unknown as EntityTagger;

  it("scores the annotated paragraph of the page by exact span and type", () => {
    const index = webParagraphs(body).indexOf("Acme hired Jane Doe in Paris.");
    const annotation: WebAnnotation = { page: "p", paragraph: index, entities: [["ORG", "Acme"], ["PER", "Jane Doe"], ["LOC", "Paris"]] };
    const result = evaluateWebNews(new Map([["p", body]]), [annotation], tagger);
    expect(result.goldMentions).toBe(3);
    expect(result.production.precision).toBe(0.5);
    expect(result.production.recall).toBeCloseTo(1 / 3);
    expect(result.confidences).toEqual([
      { confidence: 0.9, right: true },
      { confidence: 0.9, right: false },
    ]);
    expect(result.errors).toEqual([{ page: "p", text: "Acme hired Jane Doe in Paris.", missed: ["PER:Jane Doe", "LOC:Paris"], wrong: ["PER:Jane"] }]);
  });
});

describe("the news annotation files", () => {
  it("fit their texts: every annotated name is in its paragraph", () => {
    for (const { annotations, bodies } of readNewsCheckSets()) {
      expect(annotations.length).toBeGreaterThan(40);
      for (const a of annotations) {
        const text = webParagraphs(bodies.get(a.page) ?? "")[a.paragraph] ?? "";
        expect(text.length).toBeGreaterThan(0);
        expect(() => goldSpans(text, a.entities)).not.toThrow();
      }
    }
  });
});
