import { describe, expect, it } from "vitest";
import { eta } from "./html.js";

describe("eta", () => {
  it("writes minutes past a minute, as the live updates do, and never 60 seconds", () => {
    expect(eta(null)).toBe("--");
    expect(eta(42.4)).toBe("42s");
    expect(eta(125)).toBe("2m 5s");
    expect(eta(119.6)).toBe("2m 0s");
  });
});
