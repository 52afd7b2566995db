import { type RunRecord, STALLED_AFTER_MS } from "@newsflow/store";
import { describe, expect, it } from "vitest";
import { finalReport, progressLine } from "./watch-run.js";

/** A completed run of one document and one paragraph, with `changes` on top. */
const run = (changes: Partial<RunRecord> = {}): RunRecord => ({
  id: "r1",
  status: "completed",
  createdAt: 0,
  enqueuedAt: 1,
  finishedAt: 2000,
  lastChangeAt: 2000,
  deletingAt: null,
  inputs: ["a.txt"],
  documents: 1,
  paragraphs: 1,
  rejected: 0,
  docsDone: 1,
  docsFailed: 0,
  tasks: { summarize: { done: 1, failed: 0 }, entities: { done: 1, failed: 0 }, quotes: { done: 1, failed: 0 } },
  ...changes,
});

describe("finalReport", () => {
  it("writes one rejected input and one failed paragraph in the singular", () => {
    const { ok, lines } = finalReport(run({ rejected: 1, tasks: { summarize: { done: 1, failed: 0 }, entities: { done: 0, failed: 1 }, quotes: { done: 1, failed: 0 } } }));
    expect(ok).toBe(false);
    expect(lines).toContain("  documents   1/1 done, 1 input rejected");
    expect(lines).toContain("  failed      entities 1 paragraph: see 'newsflow status r1', retry with 'newsflow retry r1'");
  });

  it("counts each task's failed paragraphs with its own noun", () => {
    const { lines } = finalReport(run({ documents: 3, paragraphs: 3, rejected: 2, tasks: { summarize: { done: 2, failed: 1 }, entities: { done: 1, failed: 2 }, quotes: { done: 3, failed: 0 } } }));
    expect(lines).toContain("  documents   1/3 done, 2 inputs rejected");
    expect(lines.find((l) => l.startsWith("  failed"))).toBe("  failed      summarize 1 paragraph, entities 2 paragraphs: see 'newsflow status r1', retry with 'newsflow retry r1'");
  });
});

describe("progressLine", () => {
  /** A running run of two paragraphs, one done by every task, whose counts last changed at 50 s. */
  const running = run({ status: "running", finishedAt: null, lastChangeAt: 50_000, documents: 1, docsDone: 0, paragraphs: 2 });

  it("ends with the time left while the run's counts keep changing", () => {
    expect(progressLine(running, 0, 50_000 + 1000)).toMatch(/ eta \d+s$/);
  });

  it("says stalled, not 'eta --', once the run's counts have not changed for STALLED_AFTER_MS (as the dashboard does)", () => {
    const line = progressLine(running, 0, 50_000 + STALLED_AFTER_MS + 1000);
    expect(line).toMatch(/ par\/s {2}stalled$/);
    expect(line).not.toContain("eta");
  });

  it("shows no ETA and no stall for a completed run", () => {
    expect(progressLine(run(), 0, 10 * STALLED_AFTER_MS)).toMatch(/ eta --$/);
  });
});
