import { describe, expect, it } from "vitest";
import { DocumentInput, DocumentJob, isHttpUrl, JobSafeId, ParagraphJob, QUEUE_NAMES, QUEUES, TASKS } from "./index.js";

describe("contracts", () => {
  it("accepts only ids BullMQ can use as job ids", () => {
    expect(JobSafeId.safeParse("doc-1a2b").success).toBe(true);
    expect(JobSafeId.safeParse("has:colon").success).toBe(false);
    expect(JobSafeId.safeParse("12345").success).toBe(false);
    expect(JobSafeId.safeParse("").success).toBe(false);
  });

  it("describes a paragraph job as a slice of a document, without its text", () => {
    expect(ParagraphJob.parse({ docId: "doc-1", first: 8, count: 8 })).toEqual({ docId: "doc-1", first: 8, count: 8 });
    expect(ParagraphJob.safeParse({ docId: "doc-1", first: 0, count: 0 }).success).toBe(false);
    expect(ParagraphJob.safeParse({ docId: "doc-1", index: 0, text: "old shape" }).success).toBe(false);
    expect(DocumentJob.parse({ docId: "doc-1" })).toEqual({ docId: "doc-1" });
  });

  it("keeps only http(s) URLs of a document and drops any other without refusing the document", () => {
    expect(isHttpUrl("https://example.org/a")).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(DocumentInput.parse({ text: "x", url: "javascript:alert(1)" })).toEqual({ text: "x" });
    expect(DocumentInput.parse({ text: "x", url: "http://example.org/" }).url).toBe("http://example.org/");
  });

  it("names a payload and a result schema for every queue of the catalog", () => {
    expect(QUEUE_NAMES).toEqual([...TASKS, "document"]);
    for (const name of QUEUE_NAMES) expect(QUEUES[name].name).toBe(name);
  });
});
