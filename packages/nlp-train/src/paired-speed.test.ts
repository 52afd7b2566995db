import { describe, expect, it } from "vitest";
import { type Build, firstInPair, median, type PassTime, runPairs, summarizePairs } from "./paired-speed.js";

/** A measurer that records the order of the passes and hands back the given times, one per call. */
function scripted(times: Record<Build, PassTime[]>) {
  const calls: Build[] = [];
  const next = { old: 0, new: 0 };
  const measure = (build: Build): PassTime => {
    calls.push(build);
    return times[build][next[build]++ % times[build].length]!;
  };
  return { calls, measure };
}
const pass = (units: number, wallSeconds: number, cpuSeconds: number): PassTime => ({ units, wallSeconds, cpuSeconds });

describe("median", () => {
  it("takes the middle value of an odd count and the mean of the middle two of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("refuses an empty list rather than answering NaN", () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe("runPairs", () => {
  it("warms both builds up, then alternates which build goes first from pair to pair", () => {
    const { calls, measure } = scripted({ old: [pass(1, 1, 1)], new: [pass(1, 1, 1)] });
    runPairs(3, 1, measure);
    expect(calls).toEqual(["old", "new", "old", "new", "new", "old", "old", "new"]);
    expect([0, 1, 2].map(firstInPair)).toEqual(["old", "new", "old"]);
  });

  it("gives each build its own pass's time even when the new build runs first", () => {
    // The old build takes 2 s of CPU for 100 paragraphs (50/s), the new one 1 s (100/s): ratio 2 in both orders.
    const { measure } = scripted({ old: [pass(100, 4, 2)], new: [pass(100, 1, 1)] });
    const results = runPairs(2, 0, measure);
    expect(results.map((r) => r.first)).toEqual(["old", "new"]);
    for (const r of results) {
      expect(r.old).toEqual({ wall: 25, cpu: 50 });
      expect(r.new).toEqual({ wall: 100, cpu: 100 });
      expect(r.ratioCpu).toBe(2);
      expect(r.ratioWall).toBe(4);
    }
  });
});

describe("summarizePairs", () => {
  const near = (x: number) => expect.closeTo(x, 6);

  it("takes the median of the paired ratios, not the ratio of the medians", () => {
    // A host that slows down pass by pass: the new build is 10% faster within every pair.
    const { measure } = scripted({
      old: [pass(100, 1, 1), pass(100, 2, 2), pass(100, 4, 4)],
      new: [pass(110, 1, 1), pass(110, 2, 2), pass(110, 4, 4)],
    });
    expect(summarizePairs(runPairs(3, 0, measure))).toMatchObject({
      pairs: 3,
      medianRatioCpu: near(1.1),
      medianRatioWall: near(1.1),
      minRatioCpu: near(1.1),
      maxRatioCpu: near(1.1),
      medianOldCpu: 50,
      medianNewCpu: 55,
    });
  });

  it("reports the spread of the ratios", () => {
    const { measure } = scripted({ old: [pass(100, 1, 1)], new: [pass(90, 1, 1), pass(100, 1, 1), pass(120, 1, 2)] });
    expect(summarizePairs(runPairs(3, 0, measure))).toMatchObject({ minRatioCpu: near(0.6), maxRatioCpu: near(1), medianRatioCpu: near(0.9), minRatioWall: near(0.9), maxRatioWall: near(1.2) });
  });
});
