#!/usr/bin/env node
// Viewer latency with a large corpus: fills a private Redis with 10,000 documents (the seed
// article's paragraphs, analysed by the real NLP, written through the store), then times the
// run list, a run page and a reader page over HTTP. Prints p50/p95 per page.
//   pnpm --filter @newsflow/viewer bench [--documents N]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { extractQuotes, normalizeText, splitParagraphs, summarizeParagraph } from "@newsflow/nlp";
import { loadEntityTagger } from "@newsflow/nlp/node";
import { createQueues, createRedis } from "@newsflow/queue";
import { createStore } from "@newsflow/store";
import { startPrivateRedis } from "../../cli/dist/processes.js";
import { assembleDocument } from "../../worker-document/dist/index.js";
import { createServer, serveViewer } from "../dist/index.js";

const { values } = parseArgs({ options: { documents: { type: "string", default: "10000" } } });
const total = Number(values.documents);
const seed = readFileSync(new URL("../../../seeds/000_190e8402774f0ae3.txt", import.meta.url), "utf8");
const { title, paragraphs } = splitParagraphs(normalizeText(seed));
const tagger = loadEntityTagger();
const results = { summaries: paragraphs.map((p) => summarizeParagraph(p.text)), entities: paragraphs.map((p) => tagger.tag(p.text)), quotes: paragraphs.map((p) => extractQuotes(p.text)) };

const server = await startPrivateRedis();
const redis = createRedis({ url: server.url });
const prefix = "{bench-viewer}";
const store = createStore(redis, prefix);
const say = (m) => process.stderr.write(`bench-viewer: ${m}\n`);
say(`filling ${total} documents of ${paragraphs.length} paragraphs`);
const t0 = Date.now();
for (let r = 0; r < 50; r++) await store.createRun(`run-${r}`, ["bench"]);
const write = async (i) => {
  const docId = `doc-${i}`;
  const runId = i < total - 49 ? "run-0" : `run-${total - i}`;
  await store.putDocument(runId, i, { id: docId, title: `${title} ${i}`, source: "bench", url: null, publishedAt: null, paragraphCount: paragraphs.length, createdAt: Date.now() }, paragraphs);
  await Promise.all(paragraphs.flatMap((p, k) => [
    store.putParagraphResult(docId, "summarize", p.index, results.summaries[k]),
    store.putParagraphResult(docId, "entities", p.index, results.entities[k]),
    store.putParagraphResult(docId, "quotes", p.index, results.quotes[k]),
  ]));
  await store.putDocumentResult(assembleDocument({ docId, title, paragraphs, summaries: results.summaries, entities: results.entities, quotes: results.quotes, failures: {} }));
};
for (let i = 0; i < total; i += 50) await Promise.all(Array.from({ length: Math.min(50, total - i) }, (_, k) => write(i + k)));
for (let r = 0; r < 50; r++) await store.finishEnqueue(`run-${r}`);
say(`filled in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

const queues = createQueues(redis, prefix);
const viewer = await serveViewer(createServer({ store, queues, redis }), "127.0.0.1", 0);
const base = `http://127.0.0.1:${viewer.port}`;
const time = async (path, n = 100) => {
  for (let i = 0; i < 10; i++) await (await fetch(base + path)).text();
  const ms = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    const res = await fetch(base + path);
    await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { path, p50: Number(ms[Math.floor(n * 0.5)].toFixed(1)), p95: Number(ms[Math.floor(n * 0.95)].toFixed(1)) };
};
const rows = [await time("/runs"), await time("/runs/run-0"), await time("/documents/doc-5000"), await time("/entities?q=haider"), await time("/api/runs"), await time("/api/documents/doc-5000")];
for (const r of rows) say(`${r.path}: p50 ${r.p50} ms, p95 ${r.p95} ms`);
process.stdout.write(`${JSON.stringify({ task: "bench-viewer", documents: total, pages: rows })}\n`);
await viewer.close();
await Promise.all(Object.values(queues).map((q) => q.close()));
await redis.quit();
await server.stop();
