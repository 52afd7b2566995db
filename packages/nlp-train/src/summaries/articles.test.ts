import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isHeldOut, readSummaryArticles } from "./articles.js";

const file = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), "summary-articles-")), "articles.jsonl");
  writeFileSync(path, text);
  return path;
};

describe("readSummaryArticles", () => {
  it("reads one article a line and skips blank lines", () => {
    const a = { id: "tech-1", category: "tech", title: "T", text: "Body.", summary: "Body." };
    expect(readSummaryArticles(file(`${JSON.stringify(a)}\n\n${JSON.stringify({ ...a, id: "tech-2" })}\n`)).map((x) => x.id)).toEqual(["tech-1", "tech-2"]);
  });

  it("names the line of an article without a summary", () => {
    expect(() => readSummaryArticles(file(`${JSON.stringify({ id: "x", title: "T", text: "Body." })}\n`))).toThrow(/articles\.jsonl:1: "summary" is missing/);
  });
});

describe("isHeldOut", () => {
  it("holds out the ids whose FNV-1a hash is 0 mod 5, the split the shipped weights were trained on", () => {
    expect(isHeldOut("tech-100")).toBe(true);
    expect(["business-001", "business-002", "sport-010", "politics-042"].some(isHeldOut)).toBe(false);
  });

  it("holds out about a fifth of the ids", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `article-${i}`);
    const share = ids.filter(isHeldOut).length / ids.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
  });
});
