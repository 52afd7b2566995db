import { describe, expect, it } from "vitest";
import { rejectedLines } from "./status.js";

describe("rejectedLines", () => {
  const bad = (i: number) => ({ source: `bad-${i}.pdf`, reason: "not a supported file type" });

  it("says how many rejected inputs there are past those listed, in the singular for one", () => {
    expect(rejectedLines([bad(0), bad(1)], 3)).toEqual([
      "  rejected    bad-0.pdf: not a supported file type",
      "  rejected    bad-1.pdf: not a supported file type",
      "  rejected    and 1 more input: the run's page in the viewer lists them all",
    ]);
    expect(rejectedLines([bad(0)], 1_201).at(-1)).toBe("  rejected    and 1,200 more inputs: the run's page in the viewer lists them all");
  });

  it("says nothing more when every rejected input is listed", () => {
    expect(rejectedLines([bad(0)], 1)).toEqual(["  rejected    bad-0.pdf: not a supported file type"]);
    expect(rejectedLines([], 0)).toEqual([]);
  });
});
