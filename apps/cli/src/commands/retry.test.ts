import { describe, expect, it } from "vitest";
import { retriedLine } from "./retry.js";

describe("retriedLine", () => {
  it("writes one task, step and document in the singular", () => {
    expect(retriedLine("r1", { documents: 1, paragraphTasks: 1, documentSteps: 1 })).toBe(
      "re-enqueued 1 failed paragraph task and 1 failed document step in 1 document; follow with 'newsflow status r1'",
    );
  });

  it("writes other counts in the plural, and says when nothing failed", () => {
    expect(retriedLine("r1", { documents: 2, paragraphTasks: 3, documentSteps: 0 })).toBe(
      "re-enqueued 3 failed paragraph tasks and 0 failed document steps in 2 documents; follow with 'newsflow status r1'",
    );
    expect(retriedLine("r1", { documents: 0, paragraphTasks: 0, documentSteps: 0 })).toBe("nothing to retry: nothing failed in this run");
  });
});
