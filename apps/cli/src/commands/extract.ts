import { type DocumentItem, readDocuments } from "@newsflow/ingest";
import { countOf } from "@newsflow/store";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";
import { pipeWriter } from "../pipe-writer.js";

type ExtractedDocument = Extract<DocumentItem, { kind: "document" }>;

/** The JSON line of one document: what the producer would store, absent fields left out. */
export function documentLine(d: ExtractedDocument): string {
  return JSON.stringify({
    source: d.source,
    id: d.id,
    ...(d.title !== null ? { title: d.title } : {}),
    text: d.paragraphs.map((p) => p.text).join("\n\n"),
    paragraphs: d.paragraphs.length,
    ...(d.url !== null ? { url: d.url } : {}),
    ...(d.publishedAt !== null ? { publishedAt: d.publishedAt } : {}),
    ...(d.byline !== null ? { byline: d.byline } : {}),
  });
}

/** The short summary of one document that `extract` prints without --json. */
export function documentSummary(d: ExtractedDocument): string {
  const chars = d.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const facts = [countOf(d.paragraphs.length, "paragraph"), countOf(chars, "character"), d.byline && `by ${d.byline}`, d.publishedAt, d.url].filter(Boolean);
  const first = d.paragraphs[0]!.text;
  return [`${d.source}  ${d.id}`, `  ${d.title ?? "(no title)"}`, `  ${facts.join(" · ")}`, `  ${first.length > 100 ? `${first.slice(0, 99)}\u2026` : first}`, ""].join("\n");
}

/**
 * `newsflow extract PATH... [--json]`: what `run` would enqueue, without Redis. With --json one
 * line per document on stdout (`{source,id,title,text,paragraphs,url,publishedAt,byline}`);
 * rejected inputs one line each on stderr as `run` prints them. Exit 0 when nothing was
 * rejected, 1 otherwise.
 */
export const extractCommand: Command = async (argv) => {
  const { values, positionals } = parseOptions({ args: argv, options: { json: { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length === 0) throw new UsageError("give at least one PATH (a file, a folder, or - for stdin)");
  let rejected = 0;
  let documents = 0;
  // A reader that stops early (`extract ... | head`) closes the pipe: stop quietly, as cat does.
  const out = pipeWriter();
  const items = readDocuments(positionals, process.stdin, { onNotice: (source, message) => process.stderr.write(`newsflow: ${source}: ${message}\n`) });
  for await (const item of items) {
    if (out.closed) break;
    if (item.kind === "rejected") {
      rejected++;
      process.stderr.write(`newsflow: rejected ${item.source}: ${item.reason}\n`);
      continue;
    }
    documents++;
    await out.write(values.json ? `${documentLine(item)}\n` : documentSummary(item));
  }
  if (!values.json) process.stderr.write(`newsflow: ${countOf(documents, "document")}${rejected ? `, ${rejected} rejected` : ""}\n`);
  return rejected > 0 ? 1 : 0;
};
