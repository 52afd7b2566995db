import { describe, expect, it } from "vitest";
import { documentJobs, paragraphSlices, SLICE_CHARS, SLICE_PARAGRAPHS, sliceJobId } from "./pipeline.js";

const paragraphs = (lengths: number[]) => lengths.map((n, index) => ({ index, text: "x".repeat(n) }));

describe("paragraphSlices", () => {
  it("cuts consecutive paragraphs into slices of at most SLICE_PARAGRAPHS", () => {
    const slices = paragraphSlices(paragraphs(Array(SLICE_PARAGRAPHS * 2 + 3).fill(10)));
    expect(slices).toEqual([
      { first: 0, count: SLICE_PARAGRAPHS },
      { first: SLICE_PARAGRAPHS, count: SLICE_PARAGRAPHS },
      { first: SLICE_PARAGRAPHS * 2, count: 3 },
    ]);
  });

  it("closes a slice before it passes SLICE_CHARS, and a long paragraph goes alone", () => {
    expect(paragraphSlices(paragraphs([SLICE_CHARS - 10, 20, SLICE_CHARS * 3, 5]))).toEqual([
      { first: 0, count: 1 },
      { first: 1, count: 1 },
      { first: 2, count: 1 },
      { first: 3, count: 1 },
    ]);
  });
});

describe("documentJobs", () => {
  it("plans one job per slice in each task queue, with the same deterministic id", () => {
    const jobs = [...documentJobs(2, "doc-1", paragraphs([10, 10]))];
    expect(jobs.map((j) => `${j.partition}/${j.queue}/${j.opts.jobId}`)).toEqual(["2/summarize/doc-1-0-2", "2/entities/doc-1-0-2", "2/quotes/doc-1-0-2"]);
    expect(jobs[0]!.data).toEqual({ docId: "doc-1", first: 0, count: 2 });
    expect(sliceJobId("1", { first: 0, count: 1 })).not.toMatch(/^\d+$/);
  });
});
