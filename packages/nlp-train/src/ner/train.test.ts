import { describe, expect, it } from "vitest";
import { titleCaseTokens } from "./train.js";

describe("titleCaseTokens", () => {
  it("capitalises every word as a web headline does, except short function words inside", () => {
    expect(titleCaseTokens(["the", "drone", "shows", "fighters", "of", "al-Qaim", "flee"])).toEqual([
      "The", "Drone", "Shows", "Fighters", "of", "Al-Qaim", "Flee",
    ]);
  });
});
