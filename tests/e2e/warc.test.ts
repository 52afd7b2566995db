import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";
import { newsPage, writeWarc } from "../support/warc.js";

describe("a web archive through the whole pipeline", () => {
  let p: TestPipeline;
  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p?.stop();
  });

  it("stores each HTML page of a .warc.gz with its URL, date and byline, and processes it to the end", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "newsflow-warc-e2e-")), "crawl.warc.gz");
    writeWarc(path, [
      { type: "warcinfo", url: "", body: "software: test" },
      { type: "request", url: "https://news.example/flood", body: "GET /flood HTTP/1.1\r\n\r\n" },
      { url: "https://news.example/flood", date: "2024-03-01T12:00:00Z", body: newsPage("Flood waters recede", { author: "Jo Park", published: "2024-02-28T08:00:00Z" }) },
      { url: "https://news.example/bridge", date: "2024-03-02T09:30:00Z", body: newsPage("Bridge reopens to traffic") },
      { url: "https://news.example/logo.png", contentType: "image/png", body: "PNG" },
      { url: "https://news.example/missing", status: 404, body: "Not found" },
    ]);
    const { code, stdout, stderr } = await runCli(["run", "--wait", "--json", "--run-id", "warc-run", path], p.env);
    expect(stderr).not.toMatch(/rejected/);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toMatchObject({ runId: "warc-run", documents: 2, rejected: 0, run: { status: "completed", docsDone: 2 } });

    const { documents } = await p.ctx.store.listRunDocuments("warc-run");
    const metas = await Promise.all(documents.map((d) => p.ctx.store.getDocument(d.id)));
    expect(metas.map((m) => ({ title: m!.title, source: m!.source, url: m!.url, publishedAt: m!.publishedAt, byline: m!.byline })).sort((a, b) => a.source.localeCompare(b.source))).toEqual([
      { title: "Flood waters recede", source: `${path}#3`, url: "https://news.example/flood", publishedAt: "2024-02-28T08:00:00.000Z", byline: "Jo Park" },
      { title: "Bridge reopens to traffic", source: `${path}#4`, url: "https://news.example/bridge", publishedAt: "2024-03-02T09:30:00.000Z", byline: null },
    ]);
    for (const m of metas) expect(m!.paragraphCount).toBe(4);
    for (const d of documents) expect((await p.ctx.store.getDocumentResult(d.id))?.missing).toEqual([]);
  });
});
