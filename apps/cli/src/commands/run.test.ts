import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { checkRunId, enqueuedLine } from "./run.js";

describe("checkRunId", () => {
  it("refuses '.' and '..', which a URL path cannot hold, as it refuses other unusable ids", () => {
    for (const id of [".", "..", "a:b", "123", ""]) expect(() => checkRunId(id)).toThrow(UsageError);
    expect(() => checkRunId("..")).toThrow("invalid --run-id '..': use 1-200 letters, digits and . _ ~ - (not all digits, not . or ..)");
  });

  it("takes any other id made of letters, digits and . _ ~ -, and no id at all", () => {
    for (const id of ["...", ".hidden", "run-1.2", "a..b", undefined]) expect(() => checkRunId(id)).not.toThrow();
  });
});

const counts = { runId: "r1", documents: 1, paragraphs: 1, enqueued: 3, alreadyKnown: 0, rejected: 0, repeated: 0 };

describe("enqueuedLine", () => {
  it("writes one document and one paragraph in the singular", () => {
    expect(enqueuedLine(counts)).toBe("newsflow: run r1: 1 document, 1 paragraph enqueued");
  });

  it("writes other counts in the plural, with what was known or rejected", () => {
    expect(enqueuedLine({ ...counts, documents: 2, paragraphs: 1200, alreadyKnown: 1, rejected: 3 })).toBe("newsflow: run r1: 2 documents, 1,200 paragraphs enqueued (1 already known), 3 rejected");
    expect(enqueuedLine({ ...counts, documents: 0, paragraphs: 0 })).toBe("newsflow: run r1: 0 documents, 0 paragraphs enqueued");
  });

  it("says how many inputs the run already held, which it does not count again", () => {
    expect(enqueuedLine({ ...counts, documents: 0, paragraphs: 0, repeated: 1 })).toBe("newsflow: run r1: 0 documents, 0 paragraphs enqueued (1 input already in the run, not counted again)");
    expect(enqueuedLine({ ...counts, alreadyKnown: 1, repeated: 2 })).toBe("newsflow: run r1: 1 document, 1 paragraph enqueued (1 already known; 2 inputs already in the run, not counted again)");
  });
});
