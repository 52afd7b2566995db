import { describe, expect, it } from "vitest";
import { prf } from "./metrics.js";

describe("prf", () => {
  it("takes precision from the predictions and recall from the gold items", () => {
    const s = prf(8, 10, 8, 16);
    expect(s.precision).toBeCloseTo(0.8);
    expect(s.recall).toBeCloseTo(0.5);
    expect(s.f1).toBeCloseTo((2 * 0.8 * 0.5) / 1.3);
  });

  it("is zero, not NaN, when nothing was predicted or expected", () => {
    expect(prf(0, 0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
