import { describe, expect, it } from "vitest";
import { buildLexicon } from "./lexicon.js";

describe("buildLexicon", () => {
  const texts = ["They went to Syria and the town.", "We saw Syria and the river.", "A Drone Shows Fighters Flee The City"];
  const lexicon = buildLexicon(texts, [], { seed: 1, coarse: 2, fine: 3, minCount: 1 });
  const capBin = (w: string) => (lexicon.get(w)! >> 22) & 7;

  it("records how often a word is capitalised away from sentence start, ignoring title-cased headlines", () => {
    expect(capBin("syria")).toBe(4);
    expect(capBin("the")).toBe(1);
  });

  it("gives every frequent word a cluster of each granularity", () => {
    const v = lexicon.get("and")!;
    expect(v & 0x7ff).toBeLessThan(2);
    expect((v >> 11) & 0x7ff).toBeLessThan(3);
  });
});
