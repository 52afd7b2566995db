import { GAZ_SOURCES } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { type ConllDocument, parseConll, spansFromTags } from "./conll.js";
import { createRandom } from "./random.js";
import { type ReplacementPools, replaceMentions, replacementPools } from "./replace-mentions.js";

const pools: ReplacementPools = {
  ORG: [["Acme", "Holdings"]],
  LOC: [["Kołobrzeg"]],
  firstNames: ["Anya"],
  lastNames: ["Kowalczyk"],
};

const [doc] = parseConll(
  [
    "BILL B-PER", "CLINTON I-PER", "IN O", "CHINA B-LOC", "",
    "Bill B-PER", "Clinton I-PER", "met O", "German B-MISC", "officials O", "of O", "Siemens B-ORG", "in O", "China B-LOC", ". O", "",
    "Clinton B-PER", "left O", ". O",
  ].join("\n"),
) as [ConllDocument];

const words = (d: ConllDocument) => d.sentences.map((s) => s.tokens.join(" "));

describe("replaceMentions", () => {
  it("replaces each person, organisation and place the same way throughout, surname alone included", () => {
    const out = replaceMentions(doc, pools, createRandom(1), 1);
    expect(words(out)).toEqual([
      "ANYA KOWALCZYK IN KOŁOBRZEG",
      "Anya Kowalczyk met German officials of Acme Holdings in Kołobrzeg .",
      "Kowalczyk left .",
    ]);
    expect(spansFromTags(out.sentences[1]!.tags)).toEqual([
      { start: 0, end: 2, type: "PER" },
      { start: 3, end: 4, type: "MISC" },
      { start: 6, end: 8, type: "ORG" },
      { start: 9, end: 10, type: "LOC" },
    ]);
  });

  it("leaves the document as it is when no name is to be replaced", () => {
    const out = replaceMentions(doc, pools, createRandom(1), 0);
    expect(words(out)).toEqual(words(doc));
    expect(out.sentences.map((s) => s.tags.map((t) => t.slice(2)))).toEqual(doc.sentences.map((s) => s.tags.map((t) => t.slice(2))));
  });
});

describe("replacementPools", () => {
  it("takes names from the lists but not topic titles or lower-case phrases", () => {
    const src = (s: (typeof GAZ_SOURCES)[number]) => GAZ_SOURCES.indexOf(s);
    const p = replacementPools([
      { tokens: ["Economy", "of", "Algeria"], source: src("wikiLOC") },
      { tokens: ["Isle", "of", "Man"], source: src("wikiLOC") },
      { tokens: ["list", "of", "rivers"], source: src("wikiLOC") },
      { tokens: ["Andrews", "University"], source: src("wikiORG") },
      { tokens: ["Mary"], source: src("firstName") },
      { tokens: ["Smith"], source: src("lastName") },
      { tokens: ["Clinton"], source: src("trainPER") },
    ]);
    expect(p).toEqual({ ORG: [["Andrews", "University"]], LOC: [["Isle", "of", "Man"]], firstNames: ["Mary"], lastNames: ["Smith"] });
  });
});
