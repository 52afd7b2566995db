import { describe, expect, it } from "vitest";
import { logistic, logit } from "./logistic.js";

describe("logistic and logit", () => {
  it("are inverses within the clamp, and a sure 0 or 1 stays finite", () => {
    for (const z of [-4, -0.5, 0, 1.25, 6]) expect(logit(logistic(z))).toBeCloseTo(z, 9);
    expect(logit(1)).toBeCloseTo(Math.log(999), 9);
    expect(logit(0)).toBeCloseTo(-Math.log(999), 9);
    expect(logit(0.2, 0.5)).toBe(0);
  });
});
