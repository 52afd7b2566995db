import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Readable } from "node:stream";
import { DocumentInput } from "@newsflow/contracts";
import { extractHtml } from "./extract-html.js";
import { extractMarkdown } from "./extract-markdown.js";

/** A document read from an input, or the one-line reason an input was rejected. */
export type InputItem =
  | { kind: "document"; source: string; doc: DocumentInput; titleKnown: boolean }
  | { kind: "rejected"; source: string; reason: string };

/** The largest single text/markdown/html file read as one document. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const TEXT_TYPES = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm"]);
const JSONL_TYPES = new Set([".jsonl", ".ndjson"]);
const utf8 = new TextDecoder("utf-8", { fatal: true });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Read every input: files, folders (recursively, in name order) and `-` for stdin. Documents are
 * yielded one at a time (JSONL is streamed line by line), so memory stays bounded by the largest
 * document. Bad input is yielded as a rejection and reading goes on.
 */
export async function* readInputs(paths: string[], stdin?: Readable): AsyncGenerator<InputItem> {
  for (const path of paths) {
    if (path === "-") {
      if (!stdin) yield { kind: "rejected", source: "-", reason: "stdin is not available" };
      else yield* readStdin(stdin);
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (!info) yield { kind: "rejected", source: path, reason: "no such file or directory" };
    else if (info.isDirectory()) yield* readDirectory(path);
    else yield* readFile(path, info.size);
  }
}

async function* readDirectory(dir: string): AsyncGenerator<InputItem> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith(".")).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* readDirectory(path);
    else if (e.isFile()) yield* readFile(path, (await stat(path)).size);
  }
}

async function* readFile(path: string, size: number): AsyncGenerator<InputItem> {
  const ext = extname(path).toLowerCase();
  if (JSONL_TYPES.has(ext)) {
    yield* readJsonl(splitLines(createReadStream(path)), path);
    return;
  }
  if (!TEXT_TYPES.has(ext)) {
    yield { kind: "rejected", source: path, reason: `unsupported file type '${ext || "(none)"}': use .txt, .md, .html or .jsonl` };
    return;
  }
  if (size > MAX_FILE_BYTES) {
    yield { kind: "rejected", source: path, reason: `file is ${mb(size)}, over the ${mb(MAX_FILE_BYTES)} limit for one document: split it, or use JSONL` };
    return;
  }
  const handle = await open(path, "r");
  const bytes = await handle.readFile().finally(() => handle.close());
  const decoded = decodeText(bytes);
  if ("reason" in decoded) {
    yield { kind: "rejected", source: path, reason: decoded.reason };
    return;
  }
  yield toDocument(path, decoded.text, ext);
}

/** UTF-8 text of a file, or why it is not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: "empty file" };
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return { reason: "binary file (contains NUL bytes), not text" };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > head.length * 0.1) return { reason: "binary file (mostly control bytes), not text" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: "not valid UTF-8: convert it (e.g. iconv -t UTF-8) and try again" };
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { reason: "empty file (only white space)" };
  return { text };
}

function toDocument(source: string, text: string, ext: string): InputItem {
  if (ext === ".html" || ext === ".htm") {
    const { title, text: body } = extractHtml(text);
    if (!body.trim()) return { kind: "rejected", source, reason: "no article text found in the HTML" };
    return { kind: "document", source, doc: { text: body, ...(title ? { title } : {}) }, titleKnown: true };
  }
  if (ext === ".md" || ext === ".markdown") {
    const { title, text: body } = extractMarkdown(text);
    return { kind: "document", source, doc: { text: body, ...(title ? { title } : {}) }, titleKnown: title !== null };
  }
  return { kind: "document", source, doc: { text }, titleKnown: false };
}

async function* readStdin(stdin: Readable): AsyncGenerator<InputItem> {
  const chunks: Buffer[] = [];
  let size = 0;
  let jsonl: boolean | null = null;
  const lines = splitLines(stdin);
  for await (const line of lines) {
    if (jsonl === null) {
      if (line.toString("utf8").trim() === "") {
        chunks.push(line, Buffer.from("\n"));
        continue;
      }
      jsonl = line.toString("utf8").trimStart().startsWith("{");
      if (jsonl) {
        yield* readJsonl(prepend(line, lines), "-");
        return;
      }
    }
    size += line.length + 1;
    if (size > MAX_FILE_BYTES) {
      yield { kind: "rejected", source: "-", reason: `stdin is over the ${mb(MAX_FILE_BYTES)} limit for one document: use JSONL` };
      return;
    }
    chunks.push(line, Buffer.from("\n"));
  }
  const decoded = decodeText(Buffer.concat(chunks));
  if ("reason" in decoded) yield { kind: "rejected", source: "-", reason: decoded.reason.replace("file", "input") };
  else yield toDocument("-", decoded.text, ".txt");
}

async function* prepend(first: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  yield* rest;
}

/** Lines of a byte stream as Buffers (no decoding, so each line's UTF-8 can be checked). */
async function* splitLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let rest = Buffer.alloc(0);
  for await (const chunk of stream) {
    let buf = Buffer.concat([rest, typeof chunk === "string" ? Buffer.from(chunk) : chunk]);
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10)) {
      yield buf.subarray(0, nl);
      buf = buf.subarray(nl + 1);
    }
    rest = buf;
  }
  if (rest.length) yield rest;
}

async function* readJsonl(lines: AsyncIterable<Buffer>, file: string): AsyncGenerator<InputItem> {
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const source = `${file}:${lineNo}`;
    let line: string;
    try {
      line = utf8.decode(raw).replace(/^\uFEFF/, "").trim();
    } catch {
      yield { kind: "rejected", source, reason: "not valid UTF-8" };
      continue;
    }
    if (line === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { kind: "rejected", source, reason: `not valid JSON (${(err as Error).message.split("\n")[0]})` };
      continue;
    }
    const parsed = DocumentInput.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join(".") || "line";
      yield { kind: "rejected", source, reason: `field '${field}': ${issue.message}; expected {"text": string, "id"?, "title"?, "url"?, "publishedAt"?}` };
      continue;
    }
    yield { kind: "document", source, doc: parsed.data, titleKnown: parsed.data.title !== undefined };
  }
}
