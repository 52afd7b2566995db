import { describe, expect, it } from "vitest";
import { cleanTitle } from "./gazetteer-sources.js";

describe("cleanTitle", () => {
  it("drops subpages and cuts a bracketed disambiguation", () => {
    expect(cleanTitle("Andorra/Military")).toBeNull();
    expect(cleanTitle("Afghanistan (1911 Encyclopedia)")).toBe("Afghanistan");
    expect(cleanTitle("\uFEFFAmericanSamoa")).toBe("AmericanSamoa");
  });

  it("keeps only titles with a capital letter", () => {
    expect(cleanTitle("ebay")).toBeNull();
    expect(cleanTitle("Deir ez-Zor")).toBe("Deir ez-Zor");
  });
});
