import { describe, expect, it } from "vitest";
import { scorePage, shingles } from "./eval-html.js";

describe("the article-extraction score", () => {
  it("counts 4-token shingles of Unicode word runs, a short text as one shingle", () => {
    expect([...shingles("Ann, 31; lives in Zürich now.").keys()]).toEqual(["Ann 31 lives in", "31 lives in Zürich", "lives in Zürich now"]);
    expect([...shingles("Two words").entries()]).toEqual([["Two words", 1]]);
  });

  it("scores menus as lost precision and a missed paragraph as lost recall", () => {
    const gold = "The council voted on Tuesday to close the bridge for repairs.";
    expect(scorePage(gold, gold)).toEqual({ precision: 1, recall: 1 });
    const withMenu = scorePage(`Home News Sport Weather\n\n${gold}`, gold);
    expect(withMenu.recall).toBe(1);
    expect(withMenu.precision).toBeLessThan(1);
    expect(scorePage("", gold)).toEqual({ precision: 0, recall: 0 });
  });
});
