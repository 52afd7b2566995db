import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { written } from "../write-capture.test-support.js";
import { evalHtml, scorePage, shingles } from "./eval-html.js";

describe("the article-extraction score", () => {
  it("counts 4-token shingles of Unicode word runs, a short text as one shingle", () => {
    expect([...shingles("Ann, 31; lives in Zürich now.").keys()]).toEqual(["Ann 31 lives in", "31 lives in Zürich", "lives in Zürich now"]);
    expect([...shingles("Two words").entries()]).toEqual([["Two words", 1]]);
  });

  it("scores menus as lost precision and a missed paragraph as lost recall", () => {
    const gold = "The council voted on Tuesday to close the bridge for repairs.";
    expect(scorePage(gold, gold)).toEqual({ precision: 1, recall: 1 });
    const withMenu = scorePage(`Home News Sport Weather\n\n${gold}`, gold);
    expect(withMenu.recall).toBe(1);
    expect(withMenu.precision).toBeLessThan(1);
    expect(scorePage("", gold)).toEqual({ precision: 0, recall: 0 });
  });
});

describe("evalHtml", () => {
  it("counts one page in the singular", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-eval-html-"));
    const body = "The council voted on Tuesday to close the bridge for repairs. Work starts next month.";
    mkdirSync(join(dir, "pages"));
    writeFileSync(join(dir, "pages", "p1.html.gz"), gzipSync(`<html><head><title>Bridge</title></head><body><article><p>${body}</p></article></body></html>`));
    writeFileSync(join(dir, "ground-truth.json"), JSON.stringify({ p1: { articleBody: body } }));
    let lines: string[];
    try {
      lines = await written(process.stderr, async () => {
        expect(await evalHtml(dir)).toMatchObject({ task: "html", pages: 1 });
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(lines[0]).toBe(`html: 1 page from ${dir}\n`);
  });
});
