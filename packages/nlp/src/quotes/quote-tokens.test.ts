import { describe, expect, it } from "vitest";
import { CLASS, quoteTokens, TRAINED_READING } from "./quote-tokens.js";

describe("quoteTokens", () => {
  const t = quoteTokens("“We won,” Croft said. Mr. Lee’s aides disagreed.");
  const words = Array.from({ length: t.length }, (_, i) => t.text.slice(t.start[i]!, t.end[i]!));

  it("reads each word's clusters and cue share from the map it is given, also after another map", () => {
    const words = (said: number) => new Map([["said", said]]);
    const said = (t: ReturnType<typeof quoteTokens>) => [t.cluster[1], t.share[1]];
    expect(said(quoteTokens("Croft said so.", words(5 | (7 << 11) | (3 << 22))))).toEqual([5 | (7 << 11), 3]);
    expect(said(quoteTokens("Croft said so.", words(9)))).toEqual([9, 0]);
    expect(said(quoteTokens("Croft said so."))).toEqual([0, 0]);
  });

  it("keeps a number with thousands separators whole, which the shipped model's training split at its commas", () => {
    const texts = (reading?: typeof TRAINED_READING) => {
      const u = quoteTokens("It cost 40,000 dollars, or 1,300.5 each, in 2004, 300 said.", undefined, reading);
      return Array.from({ length: u.length }, (_, i) => u.text.slice(u.start[i]!, u.end[i]!));
    };
    expect(texts()).toEqual(["It", "cost", "40,000", "dollars", ",", "or", "1,300.5", "each", ",", "in", "2004", ",", "300", "said", "."]);
    expect(texts(TRAINED_READING).slice(2, 5)).toEqual(["40", ",", "000"]);
  });

  it("ends a sentence after \"U.S.\" before \"He\", which the shipped model's training did not", () => {
    const sentenceOfHe = (reading?: typeof TRAINED_READING) => quoteTokens("They stay in the U.S. He said so.", undefined, reading).sentence[6];
    expect(sentenceOfHe()).toBe(1);
    expect(sentenceOfHe(TRAINED_READING)).toBe(0);
  });

  it("keeps each array to itself (they share one buffer)", () => {
    const u = quoteTokens("“We won,” Croft said.");
    const n = u.length;
    const arrays = [u.start, u.end, u.word, u.suffix, u.stem, u.cluster, u.sentence, u.position, u.quotesBefore, u.commasBefore, u.share, u.cls, u.inQuote];
    const before = arrays.map((a) => [...a]);
    u.word.fill(0xffffffff);
    u.cluster.fill(0xffffffff);
    u.commasBefore.fill(-1);
    expect(arrays.map((a, k) => (a === u.word || a === u.cluster || a === u.commasBefore ? before[k] : [...a]))).toEqual(before);
    expect([u.start.length, u.quotesBefore.length, u.inQuote.length]).toEqual([n, n + 1, n]);
  });

  it("splits words and single punctuation marks, keeping inner apostrophes", () => {
    expect(words).toEqual(["“", "We", "won", ",", "”", "Croft", "said", ".", "Mr", ".", "Lee’s", "aides", "disagreed", "."]);
    expect(t.lower[10]).toBe("lee's");
  });

  it("marks the tokens inside a quotation and counts the marks before each token", () => {
    expect([...t.inQuote].slice(0, 6)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(t.cls[0]).toBe(CLASS.quote);
    expect(t.quotesBefore[6]! - t.quotesBefore[0]!).toBe(2);
  });

  it("numbers sentences without ending one at an abbreviation", () => {
    expect(t.sentence[6]).toBe(0);
    expect(t.sentence[8]).toBe(1);
    expect(t.sentence[12]).toBe(1);
    expect(t.position[8]).toBe(0);
  });
});
