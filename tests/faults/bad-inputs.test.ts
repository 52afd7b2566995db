import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

describe("a batch full of bad inputs", () => {
  let p: TestPipeline;
  let dir: string;
  beforeAll(async () => {
    p = await startPipeline({ workerEnv: { WORKER_CONCURRENCY: "8" } });
    dir = mkdtempSync(join(tmpdir(), "newsflow-bad-"));
    cpSync(join(REPO_ROOT, "tests/fixtures/bad-inputs"), dir, { recursive: true });
    writeFileSync(join(dir, "five-mb-paragraph.txt"), `${"word ".repeat(1024 * 1024)}\n`);
    const paragraphs = Array.from({ length: 10_000 }, (_, i) => `Paragraph ${i} of a very long report said the council met again.`);
    writeFileSync(join(dir, "ten-thousand-paragraphs.txt"), paragraphs.join("\n\n"));
  });
  afterAll(async () => {
    await p?.stop();
  });

  it("rejects each bad input with one line naming it and processes every good document", async () => {
    const { code, stdout, stderr } = await runCli(["run", dir, "--wait", "--run-id", "bad-run"], { ...p.env, LOG_LEVEL: "error" });
    const rejected = stderr.split("\n").filter((l) => l.startsWith("newsflow: rejected "));
    const reason = (name: string) => rejected.filter((l) => l.includes(`${join(dir, name)}`));
    expect(reason("empty.txt")).toEqual([expect.stringMatching(/empty\.txt: empty file$/)]);
    expect(reason("whitespace-only.md")).toEqual([expect.stringMatching(/empty file \(only white space\)$/)]);
    expect(reason("binary.txt")).toEqual([expect.stringMatching(/binary file/)]);
    expect(reason("invalid-utf8.txt")).toEqual([expect.stringMatching(/not valid UTF-8/)]);
    expect(reason("photo.png")).toEqual([expect.stringMatching(/unsupported file type '\.png'/)]);
    expect(reason("five-mb-paragraph.txt")).toEqual([expect.stringMatching(/paragraph 1 has 5,242,879 characters, over the 100,000 limit/)]);
    expect(reason("broken.jsonl:2")).toEqual([expect.stringMatching(/broken\.jsonl:2: not valid JSON/)]);
    expect(reason("broken.jsonl:3")).toEqual([expect.stringMatching(/broken\.jsonl:3: field 'text'/)]);
    expect(reason("broken.jsonl:4")).toEqual([expect.stringMatching(/broken\.jsonl:4: field 'id'/)]);
    expect(reason("broken.jsonl:5")).toEqual([expect.stringMatching(/broken\.jsonl:5: /)]);
    expect(rejected).toHaveLength(10);
    expect(code).toBe(1);
    expect(stdout).toMatch(/run bad-run: completed/);

    const run = await p.ctx.store.getRun("bad-run");
    // scripts.html, two good JSONL lines, zero-width-rtl.txt, crlf.txt, the 10,000-paragraph document
    expect(run).toMatchObject({ status: "completed", documents: 6, docsDone: 6, rejected: 10 });
    expect(run!.tasks.summarize).toEqual({ done: run!.paragraphs, failed: 0 });
    const { documents } = await p.ctx.store.listRunDocuments("bad-run", 0, 10);
    const html = documents.find((d) => d.source.endsWith("scripts.html"))!;
    expect(html.title).toBe("Harbour reopens after storm");
    const htmlText = (await p.ctx.store.getParagraphs(html.id)).map((x) => x.text).join(" ");
    expect(htmlText).not.toMatch(/alert|cookie|color/);
    const rtl = documents.find((d) => d.source.endsWith("zero-width-rtl.txt"))!;
    const rtlText = (await p.ctx.store.getParagraphs(rtl.id)).map((x) => x.text).join(" ");
    expect(rtlText).not.toMatch(/[\u200B-\u200F\u202A-\u202E]/);
    expect(rtlText).toContain("عمّان");
    const crlf = documents.find((d) => d.source.endsWith("crlf.txt"))!;
    expect(crlf).toMatchObject({ title: "Storm closes schools", paragraphCount: 2 });
    expect(documents.find((d) => d.source.endsWith("ten-thousand-paragraphs.txt"))!.paragraphCount).toBe(10_000);
  });
});
