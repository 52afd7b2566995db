import { describe, expect, it } from "vitest";
import { cleanTitle, readPlaceNames } from "./gazetteer-sources.js";

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

describe("readPlaceNames", () => {
  it("reads WikiLocations and its redirects, leaving out titles with a bracketed disambiguation", () => {
    const names = new Set(readPlaceNames());
    expect(names.has("Al-bu-Kamal")).toBe(true);
    expect(names.has("Abu Kamal")).toBe(true);
    // "Adam Hunter (footballer)" is listed as a place.
    expect(names.has("Adam Hunter")).toBe(false);
  });
});
