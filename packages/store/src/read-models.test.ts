import { describe, expect, it } from "vitest";
import type { RunRecord } from "./create-store.js";
import { countOf, STALLED_AFTER_MS, viewRun } from "./read-models.js";

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

describe("viewRun", () => {
  // Started at 0, half of its 100 paragraphs done by 50 s: 1 paragraph/s, 50 s to go.
  const run: RunRecord = {
    id: "r1",
    status: "running",
    createdAt: 0,
    enqueuedAt: 1000,
    finishedAt: null,
    lastChangeAt: 50_000,
    deletingAt: null,
    inputs: ["a.txt"],
    documents: 10,
    paragraphs: 100,
    rejected: 0,
    docsDone: 5,
    docsFailed: 0,
    tasks: { summarize: { done: 50, failed: 0 }, entities: { done: 50, failed: 0 }, quotes: { done: 50, failed: 0 } },
  };

  it("gives the ETA of a run that is making progress", () => {
    expect(viewRun(run, 50_000)).toMatchObject({ paragraphsPerSecond: 1, etaSeconds: 50, stalled: false });
  });

  it("gives no ETA, from its old rate, to a run that has made no progress for a while", () => {
    expect(viewRun(run, 50_000 + STALLED_AFTER_MS - 1000)).toMatchObject({ stalled: false });
    const stalled = viewRun(run, 50_000 + STALLED_AFTER_MS + 1000);
    expect(stalled.stalled).toBe(true);
    expect(stalled.etaSeconds).toBeNull();
    // Before any change, the wait counts from the run's start.
    expect(viewRun({ ...run, lastChangeAt: null }, STALLED_AFTER_MS + 1000).stalled).toBe(true);
  });

  it("never calls a completed run stalled", () => {
    expect(viewRun({ ...run, status: "completed", finishedAt: 90_000 }, 10 * STALLED_AFTER_MS).stalled).toBe(false);
  });
});
