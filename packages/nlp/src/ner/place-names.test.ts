import { describe, expect, it } from "vitest";
import { isPlaceName, placeNameTable, squashName } from "./place-names.js";

describe("place names", () => {
  it("squashes case, spaces and hyphens out of a name", () => {
    expect(squashName("Al-bu-Kamal")).toBe("albukamal");
    expect(squashName("Albu Kamal")).toBe("albukamal");
    expect(squashName("Al\u2010Bukamal")).toBe("albukamal");
  });

  it("finds a listed place however its spaces and hyphens are written, and nothing else", () => {
    const table = placeNameTable(["Al-bu-Kamal", "Jackson Hole", "Paris", "Paris"]);
    expect(table.length).toBe(3);
    expect([...table]).toEqual([...table].sort((a, b) => a - b));
    expect(isPlaceName(table, "Albu Kamal")).toBe(true);
    expect(isPlaceName(table, "AL-BUKAMAL")).toBe(true);
    expect(isPlaceName(table, "Jackson-Hole")).toBe(true);
    expect(isPlaceName(table, "Adam Hunter")).toBe(false);
    expect(isPlaceName(new Uint32Array(0), "Paris")).toBe(false);
  });
});
