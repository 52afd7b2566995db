import { createReadStream, type Dirent, type Stats } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { DocumentInput } from "@newsflow/contracts";
import { declaredEncoding, decodeAs } from "./decode-html.js";
import { extractMarkdown } from "./extract-markdown.js";
import { htmlDocument, type InputItem, MAX_FILE_BYTES, type ReadOptions } from "./input-item.js";
import { readWarc } from "./read-warc.js";

export { type InputItem, MAX_FILE_BYTES, type ReadOptions } from "./input-item.js";

const TEXT_TYPES = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm"]);
const JSONL_TYPES = new Set([".jsonl", ".ndjson"]);
const WARC_TYPES = new Set([".warc"]);
const SUPPORTED = ".txt, .md, .html, .jsonl, .warc (each also gzipped, .gz)";
const utf8 = new TextDecoder("utf-8", { fatal: true });
/** What a JSONL line holds, as its rejections say. */
const JSONL_SHAPE = '{"text": string, "id"?, "title"?, "url"?, "publishedAt"?, "byline"?}';
/** How a web page starts (`curl URL | newsflow run -`): stdin is then read as a saved page. */
const HTML_START = /^<(?:!doctype\s+html|html[\s>]|head[\s>]|!--)/i;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The one-line reason an IO error gives, e.g. "cannot read: permission denied (EACCES)". */
export function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const what: Record<string, string> = {
    ENOENT: "no such file or directory",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ELOOP: "too many levels of symbolic links",
    EISDIR: "is a folder",
    ENOTDIR: "not a folder",
    EIO: "input/output error",
    EMFILE: "too many open files",
  };
  if (code === "ENOENT") return what.ENOENT!;
  const detail = (code && what[code]) ?? (err as Error).message?.split("\n")[0] ?? String(err);
  return `cannot read: ${detail}${code ? ` (${code})` : ""}`;
}

/** The type of a file from its name: ".jsonl" for "a.jsonl.gz", with whether it is gzipped. */
function fileType(path: string): { ext: string; gzip: boolean } {
  const name = path.toLowerCase().replace(/^.*[\\/]/, "");
  const gzip = name.endsWith(".gz");
  const base = gzip ? name.slice(0, -3) : name;
  const dot = base.lastIndexOf(".");
  return { ext: dot > 0 ? base.slice(dot) : "", gzip };
}

/**
 * Read every input: files, folders (recursively, in name order; symbolic links followed, loops
 * rejected) and `-` for stdin. Documents are yielded one at a time (JSONL and WARC are streamed),
 * so memory stays bounded by the largest document. Bad input, including any IO error of one
 * input (permissions, a failing read), is yielded as a one-line rejection and reading goes on.
 */
export async function* readInputs(paths: string[], stdin?: Readable, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const path of paths) {
    if (path === "-") {
      if (!stdin) yield { kind: "rejected", source: "-", reason: "stdin is not available" };
      else yield* guarded("-", readStdin(stdin, options));
      continue;
    }
    let info: Stats;
    try {
      info = await stat(path);
    } catch (err) {
      yield { kind: "rejected", source: path, reason: ioReason(err) };
      continue;
    }
    if (info.isDirectory()) yield* readDirectory(path, new Set(), options);
    else yield* readEntry(path, info, options);
  }
}

/** Runs a reader and turns an IO error it throws into one rejection of `source`. */
async function* guarded(source: string, items: AsyncGenerator<InputItem>): AsyncGenerator<InputItem> {
  try {
    yield* items;
  } catch (err) {
    yield { kind: "rejected", source, reason: ioReason(err) };
  }
}

async function* readDirectory(dir: string, ancestors: Set<string>, options: ReadOptions): AsyncGenerator<InputItem> {
  let entries: Dirent[];
  let real: string;
  try {
    real = await realpath(dir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: "rejected", source: dir, reason: ioReason(err) };
    return;
  }
  const inside = new Set(ancestors).add(real);
  entries = entries.filter((e) => !e.name.startsWith(".")).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    let info: Stats;
    try {
      info = await stat(path);
    } catch (err) {
      const broken = e.isSymbolicLink() && (err as NodeJS.ErrnoException).code === "ENOENT";
      yield { kind: "rejected", source: path, reason: broken ? "broken symbolic link: skipped" : ioReason(err) };
      continue;
    }
    if (info.isDirectory()) {
      const target = await realpath(path).catch(() => path);
      if (inside.has(target)) yield { kind: "rejected", source: path, reason: "symbolic link loop (links to a folder that contains it): skipped" };
      else yield* readDirectory(path, inside, options);
    } else yield* readEntry(path, info, options);
  }
}

async function* readEntry(path: string, info: Stats, options: ReadOptions): AsyncGenerator<InputItem> {
  if (!info.isFile()) {
    yield { kind: "rejected", source: path, reason: "not a regular file (a pipe, socket or device): skipped" };
    return;
  }
  yield* guarded(path, readFile(path, info.size, options));
}

async function* readFile(path: string, size: number, options: ReadOptions): AsyncGenerator<InputItem> {
  const { ext, gzip } = fileType(path);
  const bytes = () => (gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path));
  if (JSONL_TYPES.has(ext)) {
    yield* readJsonl(splitLines(bytes()), path, options);
    return;
  }
  if (WARC_TYPES.has(ext)) {
    // warcio inflates each gzip member itself (a .warc.gz is one member per record).
    yield* readWarc(createReadStream(path), path, options);
    return;
  }
  if (!TEXT_TYPES.has(ext)) {
    yield { kind: "rejected", source: path, reason: `unsupported file type '${ext || "(none)"}${gzip ? ".gz" : ""}': use ${SUPPORTED}` };
    return;
  }
  if (size > MAX_FILE_BYTES) {
    yield { kind: "rejected", source: path, reason: `file is ${mb(size)}, over the ${mb(MAX_FILE_BYTES)} limit for one document: split it, or use JSONL` };
    return;
  }
  let content: Buffer;
  if (gzip) {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of bytes()) {
      total += (chunk as Buffer).length;
      if (total > MAX_FILE_BYTES) {
        yield { kind: "rejected", source: path, reason: `file is over the ${mb(MAX_FILE_BYTES)} limit for one document once uncompressed` };
        return;
      }
      chunks.push(chunk as Buffer);
    }
    content = Buffer.concat(chunks);
  } else {
    const handle = await open(path, "r");
    content = await handle.readFile().finally(() => handle.close());
  }
  const decoded = decodeText(content, { html: ext === ".html" || ext === ".htm" });
  if ("reason" in decoded) {
    yield { kind: "rejected", source: path, reason: decoded.reason };
    return;
  }
  yield toDocument(path, decoded.text, ext, options);
}

/**
 * The text of a file, or why it is not text: UTF-8, or for a web page (`html`) the encoding its byte
 * order mark or `<meta>` charset declares, as a browser reads a saved page.
 */
export function decodeText(bytes: Uint8Array, { html = false } = {}): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: "empty file" };
  const declared = html ? declaredEncoding(bytes) : null;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of declared?.startsWith("utf-16") ? [] : head) {
    if (b === 0) return { reason: "binary file (contains NUL bytes), not text" };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > head.length * 0.1) return { reason: "binary file (mostly control bytes), not text" };
  let text: string;
  if (declared && declared !== "utf-8") text = decodeAs(bytes, declared);
  else {
    try {
      text = utf8.decode(bytes);
    } catch {
      return { reason: `not valid UTF-8${html ? " and no <meta> charset names another encoding" : ""}: convert it (e.g. iconv -t UTF-8) and try again` };
    }
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { reason: "empty file (only white space)" };
  return { text };
}

function toDocument(source: string, text: string, ext: string, options: ReadOptions = {}): InputItem {
  if (ext === ".html" || ext === ".htm") return htmlDocument(source, text);
  if (ext === ".md" || ext === ".markdown") {
    const { title, text: body, frontMatterError, ...fields } = extractMarkdown(text);
    if (frontMatterError) options.onNotice?.(source, frontMatterError);
    return { kind: "document", source, doc: { text: body, ...(title ? { title } : {}), ...fields }, titleKnown: title !== null };
  }
  return { kind: "document", source, doc: { text }, titleKnown: false };
}

async function* readStdin(stdin: Readable, options: ReadOptions): AsyncGenerator<InputItem> {
  const chunks: Buffer[] = [];
  let size = 0;
  let jsonl: boolean | null = null;
  let html = false;
  const lines = splitLines(stdin);
  for await (const line of lines) {
    if (jsonl === null) {
      const first = line.toString("utf8").trimStart();
      if (first === "") {
        chunks.push(line, Buffer.from("\n"));
        continue;
      }
      jsonl = first.startsWith("{");
      html = HTML_START.test(first);
      if (jsonl) {
        yield* readJsonl(prepend(line, lines), "-", options);
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
  const decoded = decodeText(Buffer.concat(chunks), { html });
  if ("reason" in decoded) yield { kind: "rejected", source: "-", reason: decoded.reason.replace("file", "input") };
  else yield toDocument("-", decoded.text, html ? ".html" : ".txt");
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

async function* readJsonl(lines: AsyncIterable<Buffer>, file: string, options: ReadOptions): AsyncGenerator<InputItem> {
  let lineNo = 0;
  let blank = 0;
  try {
    yield* jsonlItems(lines, file, () => ++lineNo, () => blank++, options);
  } catch (err) {
    // A read error mid-file (a failing disk, a corrupt .gz) ends this file with one line; the
    // documents before it were already yielded.
    yield { kind: "rejected", source: lineNo > 0 ? `${file}:${lineNo + 1}` : file, reason: ioReason(err) };
    return;
  }
  // Without a line, the file would go by without a document or a word, as an empty .txt does not.
  if (lineNo === 0) yield { kind: "rejected", source: file, reason: "empty file" };
  else if (blank === lineNo) yield { kind: "rejected", source: file, reason: "empty file (only white space)" };
}

async function* jsonlItems(lines: AsyncIterable<Buffer>, file: string, nextLine: () => number, onBlank: () => void, options: ReadOptions): AsyncGenerator<InputItem> {
  for await (const raw of lines) {
    const lineNo = nextLine();
    const source = `${file}:${lineNo}`;
    let line: string;
    try {
      line = utf8.decode(raw).replace(/^\uFEFF/, "").trim();
    } catch {
      yield { kind: "rejected", source, reason: "not valid UTF-8" };
      continue;
    }
    if (line === "") {
      onBlank();
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { kind: "rejected", source, reason: `not valid JSON (${(err as Error).message.split("\n")[0]})` };
      continue;
    }
    // An array, a string or null has no fields to name: say what the line is instead.
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield { kind: "rejected", source, reason: `not a JSON object (${Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`}); expected ${JSONL_SHAPE}` };
      continue;
    }
    const parsed = DocumentInput.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      yield { kind: "rejected", source, reason: `field '${issue.path.join(".")}': ${issue.message}; expected ${JSONL_SHAPE}` };
      continue;
    }
    const { url } = value as { url?: unknown };
    if (typeof url === "string" && parsed.data.url === undefined) {
      // The contract drops a url that is not http(s) rather than reject the document; say so.
      options.onNotice?.(source, `url ${JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}...` : url)} is not an http(s) URL: the document is kept without it`);
    }
    yield { kind: "document", source, doc: parsed.data, titleKnown: parsed.data.title !== undefined };
  }
}
