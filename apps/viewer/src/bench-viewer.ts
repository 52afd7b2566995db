#!/usr/bin/env node
// Viewer latency with a large corpus: fills a private Redis with 10,000 documents (the seed
// article's paragraphs, analysed by the real NLP, written through the store), then times the
// run list, a run page, a reader page and an entity search over HTTP. Prints p50/p95 per page.
//   pnpm --filter @newsflow/viewer bench [--documents N] [--partitions P]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { assembleDocument, extractQuotes, normalizeText, splitParagraphs, summarizeParagraph } from "@newsflow/nlp";
import { loadEntityTagger, loadQuoteModel, loadSummaryWeights } from "@newsflow/nlp/node";
import { createLogger, openDeployment, RedisEnv, startPrivateRedis } from "@newsflow/queue";
import { createServer } from "./create-server.js";
import { serveViewer } from "./serve-viewer.js";

const { values } = parseArgs({ options: { documents: { type: "string", default: "10000" }, partitions: { type: "string", default: "1" } } });
const total = Number(values.documents);
const seed = readFileSync(new URL("../../../seeds/000_190e8402774f0ae3.txt", import.meta.url), "utf8");
const { title, paragraphs } = splitParagraphs(normalizeText(seed));
const tagger = loadEntityTagger();
const summaries = paragraphs.map((p) => summarizeParagraph(p.text));
const entities = paragraphs.map((p) => tagger.tag(p.text));
const quoteModel = loadQuoteModel();
const quotes = paragraphs.map((p) => extractQuotes(p.text, quoteModel));
const weights = loadSummaryWeights();

const server = await startPrivateRedis();
const env = RedisEnv.parse({ REDIS_URL: server.url, NEWSFLOW_PREFIX: "bench-viewer", NEWSFLOW_PARTITIONS: values.partitions });
const deployment = await openDeployment(env, createLogger("bench-viewer", "error"));
const { store } = deployment;
const say = (m: string) => process.stderr.write(`bench-viewer: ${m}\n`);
say(`filling ${total} documents of ${paragraphs.length} paragraphs`);
const t0 = Date.now();
const producer = { id: "bench", leaseMs: 600_000 };
for (let r = 0; r < 50; r++) await store.createRun(`run-${r}`, ["bench"], producer);
const write = async (i: number) => {
  const docId = `doc-${i}`;
  const runId = i < total - 49 ? "run-0" : `run-${total - i}`;
  const meta = { id: docId, title: `${title} ${i}`, source: "bench", url: null, publishedAt: null, paragraphCount: paragraphs.length, createdAt: Date.now(), contentHash: docId };
  await store.putDocument(runId, i, meta, paragraphs);
  await Promise.all([
    store.putParagraphResults(docId, "summarize", paragraphs.map((p, k) => [p.index, summaries[k]!])),
    store.putParagraphResults(docId, "entities", paragraphs.map((p, k) => [p.index, entities[k]!])),
    store.putParagraphResults(docId, "quotes", paragraphs.map((p, k) => [p.index, quotes[k]!])),
  ]);
  const { result } = assembleDocument({ docId, title, paragraphs, summaries, entities, quotes, failures: {} }, { weights });
  await store.putDocumentResult(result);
};
for (let i = 0; i < total; i += 50) await Promise.all(Array.from({ length: Math.min(50, total - i) }, (_, k) => write(i + k)));
for (let r = 0; r < 50; r++) await store.finishEnqueue(`run-${r}`, producer.id);
say(`filled in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

const viewer = await serveViewer(createServer(deployment), "127.0.0.1", 0);
const base = `http://127.0.0.1:${viewer.port}`;
const time = async (path: string, n = 100) => {
  for (let i = 0; i < 10; i++) await (await fetch(base + path)).text();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    const res = await fetch(base + path);
    await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { path, p50: Number(ms[Math.floor(n * 0.5)]!.toFixed(1)), p95: Number(ms[Math.floor(n * 0.95)]!.toFixed(1)) };
};
const rows = [await time("/runs"), await time("/runs/run-0"), await time("/documents/doc-5000"), await time("/entities?q=haider"), await time("/api/runs"), await time("/api/documents/doc-5000")];
for (const r of rows) say(`${r.path}: p50 ${r.p50} ms, p95 ${r.p95} ms`);
process.stdout.write(`${JSON.stringify({ task: "bench-viewer", documents: total, partitions: env.NEWSFLOW_PARTITIONS, pages: rows })}\n`);
await viewer.close();
await deployment.close();
await server.stop();
