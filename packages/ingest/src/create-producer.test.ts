import { describe, expect, it } from "vitest";
import { contentHash, newRunId } from "./create-producer.js";

describe("createProducer helpers", () => {
  it("generates run ids BullMQ accepts", () => {
    expect(newRunId()).toMatch(/^run-\d{8}T\d{6}-[0-9a-f]{6}$/);
  });

  it("gives changed content another hash, and the same content the same one", () => {
    const p = (text: string) => [{ index: 0, start: 0, end: text.length, text }];
    expect(contentHash("T", p("A."))).toBe(contentHash("T", p("A.")));
    expect(contentHash("T", p("A."))).not.toBe(contentHash("T", p("B.")));
    expect(contentHash("T", p("A."))).not.toBe(contentHash(null, p("A.")));
  });
});
