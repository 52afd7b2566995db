import { describe, expect, it } from "vitest";
import { rougeL, rougeN, rougeTokens } from "./rouge.js";

describe("ROUGE", () => {
  const ref = rougeTokens("The cat sat on the mat.");
  const cand = rougeTokens("The cat lay on the mat");

  it("tokenises into lower-case alphanumeric runs", () => {
    expect(rougeTokens("U.S. GDP rose 2.5%")).toEqual(["u", "s", "gdp", "rose", "2", "5"]);
  });

  it("clips n-gram counts", () => {
    expect(rougeN(cand, ref, 1).f1).toBeCloseTo(5 / 6);
    expect(rougeN(rougeTokens("the the the"), rougeTokens("the cat"), 1).precision).toBeCloseTo(1 / 3);
    expect(rougeN(cand, ref, 2).f1).toBeCloseTo(3 / 5);
  });

  it("scores the longest common subsequence", () => {
    expect(rougeL(cand, ref).f1).toBeCloseTo(5 / 6);
    expect(rougeL(rougeTokens("a b c d"), rougeTokens("d c b a")).recall).toBeCloseTo(1 / 4);
  });
});
