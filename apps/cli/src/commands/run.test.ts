import { describe, expect, it } from "vitest";
import { enqueuedLine } from "./run.js";

const counts = { runId: "r1", documents: 1, paragraphs: 1, enqueued: 3, alreadyKnown: 0, rejected: 0 };

describe("enqueuedLine", () => {
  it("writes one document and one paragraph in the singular", () => {
    expect(enqueuedLine(counts)).toBe("newsflow: run r1: 1 document, 1 paragraph enqueued");
  });

  it("writes other counts in the plural, with what was known or rejected", () => {
    expect(enqueuedLine({ ...counts, documents: 2, paragraphs: 1200, alreadyKnown: 1, rejected: 3 })).toBe("newsflow: run r1: 2 documents, 1,200 paragraphs enqueued (1 already known), 3 rejected");
    expect(enqueuedLine({ ...counts, documents: 0, paragraphs: 0 })).toBe("newsflow: run r1: 0 documents, 0 paragraphs enqueued");
  });
});
