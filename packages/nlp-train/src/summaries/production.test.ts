import type { EntitiesResult } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { summaryCase, summaryCases } from "./production.js";

/** A stand-in for the entity tagger: every "Greenspan" is a PER. */
const tagger = {
  tagged: [] as string[],
  tag(text: string): EntitiesResult {
    this.tagged.push(text);
    const start = text.indexOf("Greenspan");
    return { mentions: start < 0 ? [] : [{ text: "Greenspan", type: "PER", start, end: start + 9, confidence: 0.9 }] };
  },
};

const article = { id: "business-9", title: "Dollar\u00A0gains", text: "The dollar rose.\r\n\r\nAlan Greenspan spoke in London. Traders cheered.", summary: "The dollar rose." };

describe("summaryCase", () => {
  it("splits and normalises the article as the producer does, with the title given", () => {
    const c = summaryCase(article, tagger)!;
    expect(c.title).toBe("Dollar gains");
    expect(c.paragraphs.map((p) => p.text)).toEqual(["The dollar rose.", "Alan Greenspan spoke in London. Traders cheered."]);
    expect(c.reference).toBe("The dollar rose.");
  });

  it("gives each paragraph the summarize worker's sentences and the tagger's mentions", () => {
    const c = summaryCase(article, tagger)!;
    expect(c.paragraphs[1]!.summary.sentences.map((s) => s.text)).toEqual(["Alan Greenspan spoke in London.", "Traders cheered."]);
    expect(c.paragraphs[1]!.entities?.mentions.map((m) => m.text)).toEqual(["Greenspan"]);
    expect(tagger.tagged).toContain("Alan Greenspan spoke in London. Traders cheered.");
  });

  it("reconciles the mentions over the article as the document step does before it ranks sentences", () => {
    // A short form the tagger doubts takes the type of its full form elsewhere in the article.
    const unsure = {
      tag(text: string): EntitiesResult {
        const full = text.indexOf("Alan Greenspan");
        if (full >= 0) return { mentions: [{ text: "Alan Greenspan", type: "PER", start: full, end: full + 14, confidence: 0.95 }] };
        const short = text.indexOf("Greenspan");
        return { mentions: short < 0 ? [] : [{ text: "Greenspan", type: "ORG", start: short, end: short + 9, confidence: 0.6 }] };
      },
    };
    const c = summaryCase({ ...article, text: "Alan Greenspan spoke in London.\n\nGreenspan said rates would rise." }, unsure)!;
    expect(c.paragraphs.map((p) => p.entities?.mentions.map((m) => `${m.text}/${m.type}`))).toEqual([["Alan Greenspan/PER"], ["Greenspan/PER"]]);
  });

  it("leaves out an article the producer would reject", () => {
    expect(summaryCase({ ...article, text: " \n\n " }, tagger)).toBeNull();
    expect(summaryCases([article, { ...article, id: "empty", text: "" }], tagger)).toMatchObject({ rejected: 1, cases: [{ id: "business-9" }] });
  });
});
