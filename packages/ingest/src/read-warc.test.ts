import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { WARCRecord, WARCSerializer } from "warcio";
import { type InputItem, readInputs } from "./read-inputs.js";

const page = (title: string, extra = "") =>
  `<html><head><title>${title} | The Gazette</title>${extra}</head><body><nav>Home News</nav><article><h1>${title}</h1>` +
  Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1} of ${title} says what happened in the city this week and why.</p>`).join("") +
  "</article></body></html>";

async function record(type: "response" | "request" | "warcinfo", url: string, body: string, status = "200 OK", contentType = "text/html; charset=utf-8"): Promise<Uint8Array[]> {
  const enc = new TextEncoder();
  const rec = WARCRecord.create(
    { url, date: "2024-03-01T12:00:00Z", type, ...(type === "response" ? { httpHeaders: { "Content-Type": contentType }, statusline: `HTTP/1.1 ${status}` } : {}) },
    (async function* () {
      yield enc.encode(body);
    })(),
  );
  return [await WARCSerializer.serialize(rec, { gzip: false })];
}

async function writeWarc(path: string, records: Uint8Array[][], gzip: boolean): Promise<void> {
  const { gzipSync } = await import("node:zlib");
  const parts = records.flat().map((r) => (gzip ? gzipSync(r) : Buffer.from(r)));
  writeFileSync(path, Buffer.concat(parts));
}

async function collect(paths: string[]): Promise<{ items: InputItem[]; notices: string[] }> {
  const items: InputItem[] = [];
  const notices: string[] = [];
  for await (const item of readInputs(paths, undefined, { onNotice: (s, m) => notices.push(`${s}: ${m}`) })) items.push(item);
  return { items, notices };
}

describe("reading web archives", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsflow-warc-"));

  for (const gzip of [false, true]) {
    it(`makes a document of each HTML 200 response of a ${gzip ? ".warc.gz" : ".warc"} and counts what it skips`, async () => {
      const path = join(dir, gzip ? "crawl.warc.gz" : "crawl.warc");
      await writeWarc(
        path,
        [
          await record("warcinfo", "", "software: test"),
          await record("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n"),
          await record("response", "https://news.example/a", page("Flood waters recede")),
          await record("response", "https://news.example/logo.png", "PNG", "200 OK", "image/png"),
          await record("response", "https://news.example/gone", page("Gone"), "404 Not Found"),
          await record("response", "https://news.example/b", page("Mayor opens bridge", '<meta property="article:published_time" content="2024-02-28T08:00:00Z">')),
        ],
        gzip,
      );
      const { items, notices } = await collect([path]);
      expect(items.map((i) => (i.kind === "document" ? { source: i.source, title: i.doc.title, url: i.doc.url, publishedAt: i.doc.publishedAt } : i))).toEqual([
        { source: `${path}#3`, title: "Flood waters recede", url: "https://news.example/a", publishedAt: "2024-03-01T12:00:00.000Z" },
        { source: `${path}#6`, title: "Mayor opens bridge", url: "https://news.example/b", publishedAt: "2024-02-28T08:00:00.000Z" },
      ]);
      const first = items[0]!;
      expect(first.kind === "document" && first.doc.text).toMatch(/^Paragraph 1 of Flood waters recede/);
      expect(notices).toEqual([`${path}: skipped 4 of 6 records (2 not responses, 1 not HTML, 1 status not 200)`]);
    });
  }

  it("rejects an empty file and a file that is no web archive, in one line, instead of reading nothing", async () => {
    const empty = join(dir, "empty.warc");
    const text = join(dir, "text.warc");
    const noise = join(dir, "noise.warc.gz");
    writeFileSync(empty, "");
    writeFileSync(text, "hello, this is not a web archive\n\nat all\n");
    writeFileSync(noise, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251)));
    const { items, notices } = await collect([empty, text, noise]);
    expect(items).toEqual([
      { kind: "rejected", source: empty, reason: "empty file" },
      { kind: "rejected", source: text, reason: "not a web archive: no WARC record header at the start" },
      { kind: "rejected", source: noise, reason: "not a web archive: no WARC record header at the start" },
    ]);
    expect(notices).toEqual([]);
  });

  it("rejects the rest of an archive from a record that is no WARC record, keeping the documents before it", async () => {
    const path = join(dir, "broken.warc");
    const good = (await record("response", "https://news.example/a", page("Flood waters recede"))).map((r) => Buffer.from(r));
    writeFileSync(path, Buffer.concat([...good, Buffer.from("garbage where a record should start\r\n\r\nmore garbage\r\n\r\n")]));
    const { items } = await collect([path]);
    expect(items.map((i) => (i.kind === "document" ? `doc ${i.source}` : `rejected ${i.source}: ${i.reason}`))).toEqual([
      `doc ${path}#1`,
      `rejected ${path}#2: not a WARC record (the archive is damaged from here): the rest of the file is skipped`,
    ]);
  });

  it("reads the records after a request record without HTTP headers, written by hand as some tools do", async () => {
    // warcio reads the next record's version line as "RC/1.0" there; its headers are intact.
    const path = join(dir, "bare-request.warc.gz");
    const block = "GET /flood HTTP/1.1\r\n\r\n";
    const request =
      "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: https://news.example/a\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n" +
      `WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: ${block.length}\r\n\r\n${block}\r\n\r\n`;
    const response = (await record("response", "https://news.example/a", page("Flood waters recede"))).map((r) => Buffer.from(r));
    // Each record its own gzip member, as crawlers write .warc.gz.
    writeFileSync(path, Buffer.concat([gzipSync(Buffer.from(request)), gzipSync(Buffer.concat(response))]));
    const { items } = await collect([path]);
    expect(items.map((i) => (i.kind === "document" ? `doc ${i.source}` : `rejected ${i.source}: ${i.reason}`))).toEqual([`doc ${path}#2`]);
  });

  it("decodes a page in the charset its headers name", async () => {
    const path = join(dir, "latin1.warc");
    const html = page("Caf\u00e9 reopens").replace("</article>", "<p>\x93We are back,\x94 the owner said.</p></article>");
    const rec = WARCRecord.create(
      { url: "https://news.example/c", type: "response", httpHeaders: { "Content-Type": "text/html; charset=iso-8859-1" }, statusline: "HTTP/1.1 200 OK" },
      (async function* () {
        yield new Uint8Array(Buffer.from(html, "latin1"));
      })(),
    );
    writeFileSync(path, await WARCSerializer.serialize(rec));
    const { items } = await collect([path]);
    expect(items[0]).toMatchObject({ kind: "document", doc: { title: "Caf\u00e9 reopens" } });
    // iso-8859-1 is windows-1252 on the web: 0x93 and 0x94 are curly quotation marks, not C1 controls.
    const item = items[0]!;
    expect(item.kind === "document" && item.doc.text).toContain("\u201cWe are back,\u201d the owner said.");
  });
});
