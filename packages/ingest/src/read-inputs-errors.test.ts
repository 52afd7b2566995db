import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type InputItem, readInputs } from "./read-inputs.js";

async function lines(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const item of readInputs(paths) as AsyncGenerator<InputItem>) out.push(item.kind === "document" ? `doc ${item.source}` : `rejected ${item.source}: ${item.reason}`);
  return out;
}

const isRoot = process.getuid?.() === 0;

describe("one input's IO error never stops the batch", () => {
  it("rejects a file whose read fails (EIO from /proc/self/mem) and reads the next input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-eio-"));
    // Reading /proc/self/mem at offset 0 fails with EIO for everyone, root included.
    symlinkSync("/proc/self/mem", join(dir, "a-broken.txt"));
    symlinkSync("/proc/self/mem", join(dir, "b-broken.jsonl"));
    writeFileSync(join(dir, "c-good.txt"), "Fine text.");
    expect(await lines([dir])).toEqual([
      `rejected ${join(dir, "a-broken.txt")}: cannot read: input/output error (EIO)`,
      `rejected ${join(dir, "b-broken.jsonl")}: cannot read: input/output error (EIO)`,
      `doc ${join(dir, "c-good.txt")}`,
    ]);
  });

  it("rejects an unreadable file and an unreadable folder (EACCES) with one line each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-eacces-"));
    writeFileSync(join(dir, "a.txt"), "Secret.");
    chmodSync(join(dir, "a.txt"), 0);
    mkdirSync(join(dir, "b"));
    chmodSync(join(dir, "b"), 0);
    writeFileSync(join(dir, "c.txt"), "Fine text.");
    const expected = [
      `rejected ${join(dir, "a.txt")}: cannot read: permission denied (EACCES)`,
      `rejected ${join(dir, "b")}: cannot read: permission denied (EACCES)`,
      `doc ${join(dir, "c.txt")}`,
    ];
    if (!isRoot) {
      expect(await lines([dir])).toEqual(expected);
      return;
    }
    // Root reads a mode-0 file, so as root the reader runs in a child that drops to nobody once
    // it has loaded the built module (the checkout may lie in a folder nobody cannot enter).
    chmodSync(dir, 0o755);
    const child = `import { readInputs } from ${JSON.stringify(new URL("../dist/read-inputs.js", import.meta.url).href)};
      process.setgid(65534); process.setuid(65534);
      for await (const item of readInputs([process.argv[1]])) console.log(item.kind === "document" ? "doc " + item.source : "rejected " + item.source + ": " + item.reason);`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", child, dir], { encoding: "utf8" });
    expect(out.trim().split("\n")).toEqual(expected);
  });

  it("follows symbolic links in folders, rejects loops and broken links with a line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-links-"));
    const other = mkdtempSync(join(tmpdir(), "newsflow-linked-"));
    writeFileSync(join(other, "x.txt"), "Linked text.");
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "y.txt"), "Own text.");
    symlinkSync(dir, join(dir, "sub", "up"));
    symlinkSync(other, join(dir, "linked"));
    symlinkSync(join(dir, "nowhere.txt"), join(dir, "dangling.txt"));
    expect(await lines([dir])).toEqual([
      `rejected ${join(dir, "dangling.txt")}: broken symbolic link: skipped`,
      `doc ${join(dir, "linked", "x.txt")}`,
      `rejected ${join(dir, "sub", "up")}: symbolic link loop (links to a folder that contains it): skipped`,
      `doc ${join(dir, "sub", "y.txt")}`,
    ]);
  });

  it("rejects a pipe in a folder instead of blocking on it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-fifo-"));
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    writeFileSync(join(dir, "z.txt"), "Fine text.");
    expect(await lines([dir])).toEqual([`rejected ${join(dir, "pipe.txt")}: not a regular file (a pipe, socket or device): skipped`, `doc ${join(dir, "z.txt")}`]);
  });

  it("reads gzipped JSONL, and rejects a corrupt .gz from the line where it breaks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-gz-"));
    writeFileSync(join(dir, "a.jsonl.gz"), gzipSync('{"text":"One."}\n{"text":"Two."}\n'));
    const good = gzipSync(`${'{"text":"Three."}\n'.repeat(2)}`);
    writeFileSync(join(dir, "b.jsonl.gz"), Buffer.concat([good.subarray(0, good.length - 8), Buffer.from("garbage!")]));
    const out = await lines([dir]);
    expect(out.slice(0, 2)).toEqual([`doc ${join(dir, "a.jsonl.gz")}:1`, `doc ${join(dir, "a.jsonl.gz")}:2`]);
    expect(out.at(-1)).toMatch(/b\.jsonl\.gz(:\d+)?: cannot read: .*/);
  });

  it("rejects a web page too big to be an article instead of building its DOM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-bightml-"));
    writeFileSync(join(dir, "huge.html"), `<html><body>${"<p>Words of a very long page.</p>".repeat(200_000)}</body></html>`);
    expect(await lines([dir])).toEqual([expect.stringMatching(/huge\.html: web page is 6\.\d MB, over the 5 MB limit for one page/)]);
  });
});

