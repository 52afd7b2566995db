import { describe, expect, it } from "vitest";
import { lemmaOf, readWordNet, senseCode, senseRow, VERB_COGNITION, VERB_COMMUNICATION, verbForms, type WordNet, wordSenses } from "./wordnet.js";

// A tiny WordNet: "argue" (communication, then cognition), "stop" (change), "attack" (competition,
// then communication), "demand" as a noun (communication) and a verb (communication).
const tiny: WordNet = {
  verbs: new Map([
    ["argue", [VERB_COMMUNICATION, VERB_COGNITION]],
    ["stop", [30]],
    ["attack", [33, VERB_COMMUNICATION]],
    ["demand", [VERB_COMMUNICATION]],
    ["tie", [35]],
    ["worry", [37]],
  ]),
  verbChains: new Map([
    ["argue", [101, 100]],
    ["stop", [200]],
    ["attack", [300, 100]],
    ["demand", [400, 100]],
    ["tie", [500]],
    ["worry", [600]],
  ]),
  nouns: new Map([
    ["demand", [10]],
    ["eagerness", [12]],
    ["box", [6]],
  ]),
};

describe("lemmaOf", () => {
  it("undoes regular inflections as morphy does, a doubled consonant included", () => {
    expect(lemmaOf("argued", tiny.verbs, "verb")).toBe("argue");
    expect(lemmaOf("argues", tiny.verbs, "verb")).toBe("argue");
    expect(lemmaOf("arguing", tiny.verbs, "verb")).toBe("argue");
    expect(lemmaOf("stopped", tiny.verbs, "verb")).toBe("stop");
    expect(lemmaOf("stopping", tiny.verbs, "verb")).toBe("stop");
    expect(lemmaOf("worried", tiny.verbs, "verb")).toBe("worry");
    expect(lemmaOf("boxes", tiny.nouns, "noun")).toBe("box");
  });

  it("finds nothing for a word WordNet lacks, or an irregular form", () => {
    expect(lemmaOf("said", tiny.verbs, "verb")).toBeNull();
    expect(lemmaOf("s", tiny.verbs, "verb")).toBeNull();
  });
});

describe("verbForms", () => {
  it("spells the regular forms, both ways where doubling is ambiguous", () => {
    expect(verbForms("argue").sort()).toEqual(["argue", "argued", "argues", "arguing"]);
    expect(verbForms("worry")).toEqual(expect.arrayContaining(["worries", "worried", "worrying"]));
    expect(verbForms("tie")).toEqual(expect.arrayContaining(["ties", "tied", "tying"]));
    expect(verbForms("stop")).toEqual(expect.arrayContaining(["stops", "stoped", "stopped", "stopping"]));
  });
});

describe("senseCode", () => {
  it("packs the first verb sense's file, the communication and cognition flags and the first noun sense's file", () => {
    expect(senseCode("argued", tiny)).toBe((VERB_COMMUNICATION - 28) | (1 << 4) | (1 << 5));
    expect(senseCode("attacks", tiny)).toBe((33 - 28) | (1 << 4));
    expect(senseCode("demands", tiny)).toBe((VERB_COMMUNICATION - 28) | (1 << 4) | ((10 - 2) << 6));
    expect(senseCode("eagerness", tiny)).toBe((12 - 2) << 6);
    expect(senseCode("said", tiny)).toBe(0);
  });
});

describe("senseRow", () => {
  it("is the code, then the first verb sense's synset and hypernyms, zeros where the chain ends", () => {
    expect(senseRow("argued", tiny)).toEqual([senseCode("argued", tiny), 101, 100, 0]);
    expect(senseRow("eagerness", tiny)).toEqual([(12 - 2) << 6, 0, 0, 0]);
  });
});

describe("wordSenses", () => {
  it("covers every verb form and the given words WordNet knows, sorted, without unknown words", () => {
    const { senses, rows } = wordSenses(tiny, ["eagerness", "Hezbollah", "said", "boxes"]);
    const words = senses.map(([w]) => w);
    expect(words).toEqual([...words].sort());
    expect(words).toEqual(expect.arrayContaining(["argued", "stopped", "eagerness", "boxes"]));
    expect(words).not.toContain("said");
    expect(words).not.toContain("eagernesses");
    // Rows are numbered from 1, each distinct row once: every form of "argue" shares one.
    const rowOf = new Map(senses);
    expect(rowOf.get("argued")).toBe(rowOf.get("arguing"));
    expect(rows[rowOf.get("argued")! - 1]).toEqual(senseRow("argue", tiny));
    expect(new Set(rows.map((r) => r.join(" "))).size).toBe(rows.length);
  });
});

describe("readWordNet", () => {
  it("reads the package's database: verbs and nouns with their lexicographer files, in sense order", () => {
    const wn = readWordNet();
    expect(wn.verbs.size).toBeGreaterThan(8000);
    expect(wn.nouns.size).toBeGreaterThan(50000);
    expect(wn.verbs.get("denounce")).toContain(VERB_COMMUNICATION);
    expect(wn.verbs.get("think")![0]).toBe(VERB_COGNITION);
    expect(wn.nouns.get("eagerness")![0]).toBe(12); // noun.feeling
    expect(senseCode("pledged", wn) & (1 << 4)).not.toBe(0);
    // "vowed" is a kind of pledging, which is a kind of promising.
    expect(senseRow("vowed", wn).slice(2)).toEqual(senseRow("pledged", wn).slice(1, 3));
  }, 20_000);
});
