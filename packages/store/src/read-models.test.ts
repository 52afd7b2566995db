import { describe, expect, it } from "vitest";
import { countOf } from "./read-models.js";

describe("countOf", () => {
  it("writes the singular for exactly one and the plural otherwise", () => {
    expect(countOf(1, "paragraph")).toBe("1 paragraph");
    expect(countOf(0, "paragraph")).toBe("0 paragraphs");
    expect(countOf(2, "document")).toBe("2 documents");
  });

  it("takes an irregular plural and separates thousands", () => {
    expect(countOf(3, "entry", "entries")).toBe("3 entries");
    expect(countOf(1, "entry", "entries")).toBe("1 entry");
    expect(countOf(12_345, "document")).toBe("12,345 documents");
  });
});
