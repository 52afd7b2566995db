import { describe, expect, it } from "vitest";
import { documentFlow, newRunId } from "./create-producer.js";
import { documentId, prepareDocument } from "./prepare-document.js";

describe("prepareDocument", () => {
  it("splits paragraphs and detects the title of plain text", () => {
    const r = prepareDocument({ text: "Headline Here\r\n\r\nFirst para.\r\n\r\n- item" }, false);
    expect(r).toMatchObject({ title: "Headline Here", paragraphs: [{ index: 0, text: "First para." }, { index: 1, text: "item" }] });
  });

  it("derives the same id from the same content and keeps a valid given id", () => {
    const a = prepareDocument({ text: "Same text." }, false);
    const b = prepareDocument({ text: "Same text." }, false);
    expect("id" in a && "id" in b && a.id === b.id).toBe(true);
    expect(documentId({ id: "wire-1", text: "" }, "")).toBe("wire-1");
  });

  it("turns a given id that BullMQ would reject into a safe one", () => {
    for (const id of ["a:b", "12345"]) {
      const safe = documentId({ id, text: "" }, "");
      expect(safe).not.toContain(":");
      expect(safe).not.toMatch(/^\d+$/);
    }
  });

  it("rejects a document with no text and a paragraph that is not prose", () => {
    expect(prepareDocument({ text: "***" }, false)).toEqual({ reason: "no paragraphs with text" });
    expect(prepareDocument({ text: "x".repeat(200_000) }, true)).toMatchObject({ reason: expect.stringMatching(/paragraph 1 has 200,000 characters/) });
  });
});

describe("documentFlow", () => {
  it("has one child per paragraph per task under a document parent, with deterministic ids", () => {
    const flow = documentFlow("run-a", "doc-1", [
      { index: 0, start: 0, end: 2, text: "A." },
      { index: 1, start: 4, end: 6, text: "B." },
    ]);
    expect(flow.queueName).toBe("document");
    expect(flow.opts?.jobId).toBe("doc-1");
    expect(flow.children?.map((c) => `${c.queueName}/${c.opts?.jobId}`)).toEqual([
      "summarize/doc-1-0",
      "entities/doc-1-0",
      "quotes/doc-1-0",
      "summarize/doc-1-1",
      "entities/doc-1-1",
      "quotes/doc-1-1",
    ]);
  });

  it("generates run ids BullMQ accepts", () => {
    expect(newRunId()).toMatch(/^run-\d{8}T\d{6}-[0-9a-f]{6}$/);
  });
});
