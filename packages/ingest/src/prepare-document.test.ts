import { describe, expect, it } from "vitest";
import { documentId, prepareDocument } from "./prepare-document.js";

describe("prepareDocument", () => {
  it("splits paragraphs and detects the title of plain text", () => {
    const r = prepareDocument({ text: "Headline Here\r\n\r\nFirst para.\r\n\r\n- item" }, false);
    expect(r).toMatchObject({ title: "Headline Here", paragraphs: [{ index: 0, text: "First para." }, { index: 1, text: "- item" }] });
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

  it("turns the ids '.' and '..', which a URL path cannot hold, into others, and keeps '...'", () => {
    expect(documentId({ id: ".", text: "" }, "")).toMatch(/^\.-[0-9a-f]{8}$/);
    expect(documentId({ id: "..", text: "" }, "")).toMatch(/^\.\.-[0-9a-f]{8}$/);
    expect(documentId({ id: "...", text: "" }, "")).toBe("...");
  });

  it("rejects a document with no text and a paragraph that is not prose", () => {
    expect(prepareDocument({ text: "***" }, false)).toEqual({ reason: "no paragraphs with text" });
    expect(prepareDocument({ text: "x".repeat(200_000) }, true)).toMatchObject({ reason: expect.stringMatching(/paragraph 1 has 200,000 characters/) });
  });
});
