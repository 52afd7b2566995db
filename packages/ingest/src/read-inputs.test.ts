import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type InputItem, readInputs } from "./read-inputs.js";

async function collect(paths: string[], stdin?: Readable): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, stdin)) out.push(item);
  return out;
}

describe("readInputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsflow-read-"));
  writeFileSync(join(dir, "a.txt"), "Title\n\nBody.");
  writeFileSync(join(dir, "b.jsonl"), '{"id":"x1","text":"One."}\nnot json\n{"text":5}\n\n{"title":"T","text":"Two."}\n');
  writeFileSync(join(dir, "c.bin.txt"), Buffer.from([0x48, 0x00, 0x49]));
  writeFileSync(join(dir, "d.txt"), Buffer.from([0x48, 0xc3, 0x28]));
  writeFileSync(join(dir, "e.txt"), "  \n ");
  writeFileSync(join(dir, "f.pdf"), "%PDF");

  it("reads folders in name order and gives every bad input one line naming it", async () => {
    const items = await collect([dir]);
    const lines = items.map((i) => (i.kind === "document" ? `doc ${i.source}` : `rejected ${i.source}: ${i.reason}`));
    expect(lines).toEqual([
      `doc ${join(dir, "a.txt")}`,
      `doc ${join(dir, "b.jsonl")}:1`,
      expect.stringMatching(/b\.jsonl:2: not valid JSON/),
      expect.stringMatching(/b\.jsonl:3: field 'text': /),
      `doc ${join(dir, "b.jsonl")}:5`,
      expect.stringMatching(/c\.bin\.txt: binary file/),
      expect.stringMatching(/d\.txt: not valid UTF-8/),
      expect.stringMatching(/e\.txt: empty file/),
      expect.stringMatching(/f\.pdf: unsupported file type '\.pdf'/),
    ]);
  });

  it("rejects an empty JSONL file, or one of blank lines only, as it rejects an empty text file", async () => {
    const empty = join(dir, "empty", "none.jsonl");
    const blank = join(dir, "empty", "blank.jsonl.gz");
    const { mkdirSync } = await import("node:fs");
    const { gzipSync } = await import("node:zlib");
    mkdirSync(join(dir, "empty"));
    writeFileSync(empty, "");
    writeFileSync(blank, gzipSync("\n  \n"));
    expect(await collect([empty, blank])).toEqual([
      { kind: "rejected", source: empty, reason: "empty file" },
      { kind: "rejected", source: blank, reason: "empty file (only white space)" },
    ]);
  });

  it("says a JSONL line that is no object is not one, rather than naming a field 'line'", async () => {
    const path = join(dir, "values.jsonl");
    writeFileSync(path, '[1,2]\n"text"\nnull\n42\n{"text":"Kept."}\n');
    const shape = '; expected {"text": string, "id"?, "title"?, "url"?, "publishedAt"?, "byline"?}';
    expect((await collect([path])).map((i) => (i.kind === "document" ? `doc ${i.source}` : `${i.source}: ${i.reason}`))).toEqual([
      `${path}:1: not a JSON object (an array)${shape}`,
      `${path}:2: not a JSON object (a string)${shape}`,
      `${path}:3: not a JSON object (null)${shape}`,
      `${path}:4: not a JSON object (a number)${shape}`,
      `doc ${path}:5`,
    ]);
  });

  it("says so when a path does not exist", async () => {
    expect(await collect(["/nonexistent/x.txt"])).toEqual([{ kind: "rejected", source: "/nonexistent/x.txt", reason: "no such file or directory" }]);
  });

  it("reads a saved web page in the encoding it declares, and rejects undeclared bytes that are not UTF-8", async () => {
    const pages = mkdtempSync(join(tmpdir(), "newsflow-charset-"));
    const article = (head: string) =>
      `<html><head>${head}<title>Budget vote</title></head><body><article><h1>Budget vote</h1>` +
      "<p>The council\x92s budget passed on Tuesday after a long debate in the chamber, the mayor said.</p>" +
      "<p>\x93We did it,\x94 she told reporters who had gathered outside the building in the rain.</p></article></body></html>";
    writeFileSync(join(pages, "a-cp1252.html"), Buffer.from(article('<meta charset="windows-1252">'), "latin1"));
    writeFileSync(join(pages, "b-http-equiv.htm"), Buffer.from(article('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'), "latin1"));
    const utf16 = article("").replace(/\x92/g, "\u2019").replace(/\x93/g, "\u201c").replace(/\x94/g, "\u201d");
    writeFileSync(join(pages, "c-utf16.html"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, "utf16le")]));
    writeFileSync(join(pages, "d-undeclared.html"), Buffer.from(article(""), "latin1"));
    const items = await collect([pages]);
    for (const item of items.slice(0, 3)) {
      expect(item.kind === "document" && item.doc.text).toBe(
        "The council\u2019s budget passed on Tuesday after a long debate in the chamber, the mayor said.\n\n\u201cWe did it,\u201d she told reporters who had gathered outside the building in the rain.",
      );
    }
    expect(items[3]).toEqual({
      kind: "rejected",
      source: join(pages, "d-undeclared.html"),
      reason: "not valid UTF-8 and no <meta> charset names another encoding: convert it (e.g. iconv -t UTF-8) and try again",
    });
  });

  it("gives a Markdown file's front matter to the document, and names a front matter it cannot read", async () => {
    const notes = mkdtempSync(join(tmpdir(), "newsflow-front-"));
    writeFileSync(join(notes, "a.md"), "---\ntitle: Port strike ends\ndate: 2024-03-02\nauthor: Jane Doe\n---\n\nDock workers voted on Friday to end the strike.\n");
    writeFileSync(join(notes, "b.md"), "---\ntitle: [unclosed\n---\n\nThe council met on Monday.\n");
    const items: InputItem[] = [];
    const notices: string[] = [];
    for await (const item of readInputs([notes], undefined, { onNotice: (source, message) => notices.push(`${source}: ${message}`) })) items.push(item);
    expect(items).toMatchObject([
      { kind: "document", doc: { title: "Port strike ends", publishedAt: "2024-03-02T00:00:00.000Z", byline: "Jane Doe" }, titleKnown: true },
      { kind: "document", doc: { text: expect.stringMatching(/^\s*The council met on Monday\.\s*$/) }, titleKnown: false },
    ]);
    expect(notices).toEqual([expect.stringMatching(new RegExp(`^${join(notes, "b.md")}: front matter is not valid YAML \\(.+\\): its fields are not read$`))]);
  });

  it("reads plain text and JSONL from stdin", async () => {
    const text = await collect(["-"], Readable.from([Buffer.from("Hello there.\n\nSecond.")]));
    expect(text).toMatchObject([{ kind: "document", source: "-", doc: { text: "Hello there.\n\nSecond.\n" } }]);
    const jsonl = await collect(["-"], Readable.from([Buffer.from('{"text":"A."}\n{"te'), Buffer.from('xt":"B."}\n')]));
    expect(jsonl.map((i) => (i.kind === "document" ? i.doc.text : i.reason))).toEqual(["A.", "B."]);
  });

  it("reads a web page piped to stdin as a page, not as text with its markup", async () => {
    const page =
      '\n<!DOCTYPE html>\n<html><head><meta charset="windows-1252"><title>Bridge opens | The Gazette</title></head><body><nav>Home News Sport</nav>' +
      "<article><h1>Bridge opens</h1><p>The new bridge over the river opened on Monday after three years of work, the city said.</p>" +
      "<p>\x93It is a great day,\x94 the mayor told the crowd that had gathered on the bank to watch.</p></article></body></html>";
    const items = await collect(["-"], Readable.from([Buffer.from(page, "latin1")]));
    expect(items).toEqual([
      {
        kind: "document",
        source: "-",
        doc: {
          title: "Bridge opens",
          text: "The new bridge over the river opened on Monday after three years of work, the city said.\n\n\u201cIt is a great day,\u201d the mayor told the crowd that had gathered on the bank to watch.",
        },
        titleKnown: true,
      },
    ]);
  });

  it("keeps a JSONL document whose url is not http(s) without it, and says so in one line", async () => {
    const notices: string[] = [];
    const stdin = Readable.from([Buffer.from('{"text":"A.","url":"javascript:alert(1)"}\n{"text":"B.","url":"https://example.org/b"}\n')]);
    const items: InputItem[] = [];
    for await (const item of readInputs(["-"], stdin, { onNotice: (source, message) => notices.push(`${source}: ${message}`) })) items.push(item);
    expect(items.map((i) => (i.kind === "document" ? i.doc.url ?? null : i.reason))).toEqual([null, "https://example.org/b"]);
    expect(notices).toEqual(['-:1: url "javascript:alert(1)" is not an http(s) URL: the document is kept without it']);
  });
});
