import { findSlot, GAZ_PREFIX, GAZ_SOURCES, hashString, lowerForm, matchGazetteers, NUM_GAZ_SOURCES, ngramKey } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { NameTableBuilder } from "./name-table.js";

const LOC = GAZ_SOURCES.indexOf("wikiLOC");
const ORG = GAZ_SOURCES.indexOf("wikiORG");

function match(table: ReturnType<NameTableBuilder["build"]>, tokens: string[]) {
  const n = tokens.length;
  const len = new Uint8Array(n * NUM_GAZ_SOURCES);
  const exact = new Uint8Array(n * NUM_GAZ_SOURCES);
  matchGazetteers([table], Int32Array.from(tokens, (t) => hashString(lowerForm(t))), Int32Array.from(tokens, hashString), n, len, exact);
  return { len: (i: number, s: number) => len[i * NUM_GAZ_SOURCES + s], exact: (i: number, s: number) => exact[i * NUM_GAZ_SOURCES + s] };
}

describe("NameTableBuilder", () => {
  it("stores every prefix of a name as an inner node of the trie", () => {
    const b = new NameTableBuilder();
    b.add(["Deir", "ez-Zor", "District"], LOC);
    const g = b.build();
    const h = ["deir", "ez-zor", "district"].map(hashString);
    expect(g.values[findSlot(g, ngramKey(h, 0, 1))]).toBe(GAZ_PREFIX);
    expect(g.values[findSlot(g, ngramKey(h, 0, 3))]).toBe(1 << LOC);
    expect(g.maxLen).toBe(3);
  });

  it("finds the longest match per list and tells exact from case-folded matches", () => {
    const b = new NameTableBuilder();
    b.add(["Islamic", "State", "of", "Iraq"], ORG);
    b.add(["Iraq"], LOC);
    b.add(["Islamic", "State"], LOC);
    const g = b.build();
    const m = match(g, ["the", "Islamic", "State", "of", "Iraq", "said"]);
    expect(m.len(1, ORG)).toBe(4);
    expect(m.exact(1, ORG)).toBe(1);
    expect(m.len(1, LOC)).toBe(2);
    expect(m.len(4, LOC)).toBe(1);
    expect(m.len(0, LOC)).toBe(0);
    const folded = match(g, ["ISLAMIC", "STATE", "OF", "IRAQ"]);
    expect(folded.len(0, ORG)).toBe(4);
    expect(folded.exact(0, ORG)).toBe(0);
  });
});
