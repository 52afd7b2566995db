import { describe, expect, it } from "vitest";
import { loadGivenNames } from "./load-given-names.js";

describe("loadGivenNames", () => {
  it("reads the shipped lists: women's and men's given names, none in both", () => {
    const names = loadGivenNames();
    expect(names.get("Margaret")).toBe("female");
    expect(names.get("Donald")).toBe("male");
    // In both source lists ("Hillary" too), so in neither.
    expect(names.get("Jordan")).toBeUndefined();
    expect(names.size).toBeGreaterThan(7000);
  });
});
