import { describe, expect, it } from "vitest";
import { describeBenchCorpus } from "./corpus.js";

describe("describeBenchCorpus", () => {
  it("writes one document in the singular, and thousands separated", () => {
    expect(describeBenchCorpus(20, 20, "seeds")).toBe("20 paragraphs from seeds, 1 document of 20");
    expect(describeBenchCorpus(20_000, 20, "shared BBC articles")).toBe("20,000 paragraphs from shared BBC articles, 1,000 documents of 20");
  });
});
