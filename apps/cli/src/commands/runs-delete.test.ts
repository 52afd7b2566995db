import { describe, expect, it } from "vitest";
import { deletedLine } from "./runs-delete.js";

describe("deletedLine", () => {
  it("says what went, a count of one in the singular", () => {
    expect(deletedLine({ run: "r1", documents: 1, deleted: 1, kept: 0, removedJobs: 1, activeJobs: 0 })).toBe("deleted run r1: 1 document, 1 job taken out of the queues");
  });

  it("says how many documents stay for other runs and how many running jobs are left to finish", () => {
    expect(deletedLine({ run: "r1", documents: 1203, deleted: 1200, kept: 3, removedJobs: 0, activeJobs: 2 })).toBe(
      "deleted run r1: 1,200 documents, 3 documents kept (other runs hold them), 0 jobs taken out of the queues; 2 running jobs left to finish",
    );
    expect(deletedLine({ run: "r1", documents: 1, deleted: 0, kept: 1, removedJobs: 0, activeJobs: 1 })).toBe(
      "deleted run r1: 0 documents, 1 document kept (other runs hold it), 0 jobs taken out of the queues; 1 running job left to finish",
    );
  });
});
