import { describe, expect, it } from "vitest";
import { reindexedLine } from "./reindex.js";

describe("reindexedLine", () => {
  it("says how many documents of the run were reindexed, already indexed and not done yet", () => {
    expect(reindexedLine("r1", { documents: 1200, reindexed: 3, unchanged: 1196, pending: 1 })).toBe(
      "reindexed 3 of 1,200 documents of run r1 (1,196 already indexed, 1 not done yet: indexed once done)",
    );
  });

  it("writes one document in the singular, and the corpus without a run", () => {
    expect(reindexedLine(undefined, { documents: 1, reindexed: 0, unchanged: 1, pending: 0 })).toBe("reindexed 0 of 1 document in the corpus (1 already indexed)");
  });
});
