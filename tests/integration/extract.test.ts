import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { newsPage, writeWarc } from "../support/warc.js";

const env = { ...process.env, REDIS_URL: "redis://127.0.0.1:1" };
const json = (stdout: string) => stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe("newsflow extract", () => {
  it("prints what run would enqueue, one JSON line a document, and rejections as run prints them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-extract-"));
    writeFileSync(join(dir, "a.txt"), "Short Title\n\nFirst paragraph.\n\nSecond paragraph.");
    writeFileSync(join(dir, "b.html"), newsPage("Flood waters recede", { author: "Jo Park", published: "2024-02-28T08:00:00Z" }));
    writeFileSync(join(dir, "c.jsonl"), '{"id":"w1","title":"Wire","text":"One.\\n\\nTwo.","url":"https://example.org/w1"}\nnot json\n');
    writeFileSync(join(dir, "d.pdf"), "%PDF");
    const { code, stdout, stderr } = await runCli(["extract", "--json", dir], env);
    expect(json(stdout)).toEqual([
      { source: join(dir, "a.txt"), id: expect.stringMatching(/^doc-[0-9a-f]{20}$/), title: "Short Title", text: "First paragraph.\n\nSecond paragraph.", paragraphs: 2 },
      {
        source: join(dir, "b.html"),
        id: expect.stringMatching(/^doc-/),
        title: "Flood waters recede",
        text: expect.stringMatching(/^Flood waters recede: officials[\s\S]*embankment\.$/),
        paragraphs: 4,
        publishedAt: "2024-02-28T08:00:00.000Z",
        byline: "Jo Park",
      },
      { source: `${join(dir, "c.jsonl")}:1`, id: "w1", title: "Wire", text: "One.\n\nTwo.", paragraphs: 2, url: "https://example.org/w1" },
    ]);
    expect(stdout).not.toMatch(/Facebook|Most Popular|high street|Copyright/);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^newsflow: rejected ${join(dir, "c.jsonl")}:2: not valid JSON`)),
      `newsflow: rejected ${join(dir, "d.pdf")}: unsupported file type '.pdf': use .txt, .md, .html, .jsonl, .warc (each also gzipped, .gz)`,
    ]);
    expect(code).toBe(1);
  });

  it("exits 0 when nothing is rejected and prints a short summary without --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-extract-"));
    writeFileSync(join(dir, "a.md"), "# Port strike\n\nDockworkers walked out on Monday.");
    const { code, stdout, stderr } = await runCli(["extract", join(dir, "a.md")], env);
    expect(code).toBe(0);
    expect(stdout).toContain("Port strike");
    // One of each is written in the singular ("1 paragraphs" and "1 documents" were printed).
    expect(stdout).toContain("  1 paragraph · 33 characters\n");
    expect(stderr).toBe("newsflow: 1 document\n");
  });

  it("reads web archives: documents with their URL and date, skipped records counted in one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-extract-warc-"));
    const path = join(dir, "crawl.warc.gz");
    writeWarc(path, [
      { type: "warcinfo", url: "", body: "software: test" },
      { url: "https://news.example/a", body: newsPage("Flood waters recede") },
      { url: "https://news.example/a.css", contentType: "text/css", body: "p{}" },
      { url: "https://news.example/old", status: 301, body: "" },
    ]);
    const { code, stdout, stderr } = await runCli(["extract", "--json", path], env);
    expect(json(stdout)).toEqual([expect.objectContaining({ source: `${path}#2`, title: "Flood waters recede", url: "https://news.example/a", publishedAt: "2024-03-01T12:00:00.000Z" })]);
    expect(stderr.trim()).toBe(`newsflow: ${path}: skipped 3 of 4 records (1 not responses, 1 not HTML, 1 status not 200)`);
    expect(code).toBe(0);
  });

  it("gives an unknown option or an invalid --run-id one line and exit 2, without a stack trace", async () => {
    const cases = [["extract", "--bogus", "x"], ["run", "--bogus", "x"], ["run", "--run-id", "a:b", "x"], ["run", "--run-id", "123", "x"], ["run", "--run-id", "..", "x"], ["start", "--run-id", ".", "x"]];
    for (const args of cases) {
      const { code, stderr } = await runCli(args, env, 20_000);
      expect(code).toBe(2);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/^newsflow (run|extract|start): (Unknown option '--bogus'|invalid --run-id)/);
    }
  });

  it("rejects an unreadable file and folder (EACCES) with one line each and reads the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-eacces-"));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, "a.txt"), "Secret.");
    chmodSync(join(dir, "a.txt"), 0);
    mkdirSync(join(dir, "b"));
    writeFileSync(join(dir, "b", "inner.txt"), "Hidden.");
    chmodSync(join(dir, "b"), 0);
    writeFileSync(join(dir, "c.txt"), "Fine text.");
    chmodSync(join(dir, "c.txt"), 0o644);
    // Root reads anything, so as root the CLI runs without the capabilities that override file
    // permissions (setpriv): it meets them as any user would, and can still read the checkout
    // wherever it is (a user such as 'nobody' cannot enter a private temporary folder).
    const asUser = process.getuid?.() === 0 ? ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search", "--"] : [];
    const cli = join(import.meta.dirname, "..", "..", "scripts", "newsflow.mjs");
    let out = "";
    let err = "";
    let code = 0;
    try {
      out = execFileSync(asUser[0] ?? process.execPath, [...asUser.slice(1), ...(asUser.length ? [process.execPath] : []), cli, "extract", "--json", dir], {
        env: { ...env, HOME: dir },
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
      });
    } catch (e) {
      const failed = e as { status: number; stdout: string; stderr: string };
      code = failed.status;
      out = failed.stdout;
      err = failed.stderr;
    }
    expect(err.trim().split("\n")).toEqual([`newsflow: rejected ${join(dir, "a.txt")}: cannot read: permission denied (EACCES)`, `newsflow: rejected ${join(dir, "b")}: cannot read: permission denied (EACCES)`]);
    expect(json(out).map((d) => d.source)).toEqual([join(dir, "c.txt")]);
    expect(code).toBe(1);
  });

  it("rejects a file whose read fails mid-stream (EIO) and a symbolic link loop, and goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-eio-"));
    symlinkSync("/proc/self/mem", join(dir, "a.jsonl"));
    mkdirSync(join(dir, "b"));
    symlinkSync(dir, join(dir, "b", "loop"));
    writeFileSync(join(dir, "c.txt"), "Fine text.");
    const { code, stdout, stderr } = await runCli(["extract", "--json", dir], env);
    expect(stderr.trim().split("\n")).toEqual([
      `newsflow: rejected ${join(dir, "a.jsonl")}: cannot read: input/output error (EIO)`,
      `newsflow: rejected ${join(dir, "b", "loop")}: symbolic link loop (links to a folder that contains it): skipped`,
    ]);
    expect(json(stdout).map((d) => d.source)).toEqual([join(dir, "c.txt")]);
    expect(code).toBe(1);
  });
});
