import type { RunRecord } from "@newsflow/store";
import { describe, expect, it } from "vitest";
import { finalReport } from "./watch-run.js";

/** A completed run of one document and one paragraph, with `changes` on top. */
const run = (changes: Partial<RunRecord> = {}): RunRecord => ({
  id: "r1",
  status: "completed",
  createdAt: 0,
  enqueuedAt: 1,
  finishedAt: 2000,
  lastChangeAt: 2000,
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
