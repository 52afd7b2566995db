import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { TASKS } from "@newsflow/contracts";
import { extractQuotes, summarizeParagraph } from "@newsflow/nlp";
import { loadEntityTagger, loadQuoteModel } from "@newsflow/nlp/node";
import { createProducer, documentFlow, prepareDocument } from "@newsflow/ingest";
import type { FlowJob } from "bullmq";
import { newsParagraphs, writeBenchCorpus } from "../bench/corpus.js";
import { type CliContext, openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { type Managed, startPrivateRedis, startWorkers } from "../processes.js";
import { watchRun } from "../watch-run.js";

const say = (msg: string) => process.stderr.write(`bench: ${msg}\n`);
const PER_DOCUMENT = 20;

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function usedMemory(ctx: CliContext): Promise<number> {
  const info = await (ctx.redis as unknown as { info(s: string): Promise<string> }).info("memory");
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Peak resident memory of a process (VmHWM), in MB; 0 where /proc is not there. */
function peakRssMb(pid: number | undefined): number {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/**
 * The queue's own ceiling: the same flows, no store writes, and no-op processors in a worker
 * process of their own (as the real workers are). Timed from the first enqueue to the last
 * document job done.
 */
async function ceiling(url: string, prefix: string, file: string, paragraphs: number): Promise<number> {
  const ctx = await openContext({ ...process.env, REDIS_URL: url, NEWSFLOW_PREFIX: prefix });
  const flows: FlowJob[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const prepared = prepareDocument(JSON.parse(line), true);
    if ("id" in prepared) flows.push(documentFlow("ceiling", prepared.id, prepared.paragraphs));
  }
  const noop = spawn(process.execPath, [fileURLToPath(new URL("../bench/noop-worker.js", import.meta.url)), url, ctx.prefix], { stdio: "ignore" });
  try {
    await waitForWorkers(ctx);
    const t0 = performance.now();
    for (let i = 0; i < flows.length; i += 50) await ctx.flow.addBulk(flows.slice(i, i + 50));
    for (;;) {
      const counts = await ctx.queues.document.getJobCounts("waiting", "active", "waiting-children", "prioritized", "delayed");
      if (Object.values(counts).every((v) => v === 0)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return paragraphs / ((performance.now() - t0) / 1000);
  } finally {
    noop.kill("SIGTERM");
    await ctx.close();
  }
}

/** The three analyses in-process, on this one core. */
function nlpRate(paragraphs: string[]): number {
  const tagger = loadEntityTagger();
  const quoteModel = loadQuoteModel();
  const sample = paragraphs.slice(0, 200);
  for (const p of sample) {
    summarizeParagraph(p);
    tagger.tag(p);
    extractQuotes(p, quoteModel);
  }
  const t0 = performance.now();
  for (const p of paragraphs) {
    summarizeParagraph(p);
    tagger.tag(p);
    extractQuotes(p, quoteModel);
  }
  return paragraphs.length / ((performance.now() - t0) / 1000);
}

async function waitForWorkers(ctx: CliContext): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const counts = await Promise.all([...TASKS, "document" as const].map((q) => ctx.queues[q].getWorkersCount()));
    if (counts.every((n) => n > 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("workers did not start within 60 s");
}

/**
 * `newsflow bench [--paragraphs N]`: on a private Redis, (1) the queue's ceiling with no-op
 * processors, (2) the real pipeline with worker processes, (3) the NLP in-process; then the
 * latency of 20-paragraph documents sent one at a time. The last stdout line is JSON.
 */
export const benchCommand: Command = async (argv) => {
  const { values } = parseArgs({ args: argv, options: { paragraphs: { type: "string", default: "20000" } } });
  const n = Number(values.paragraphs);
  if (!Number.isInteger(n) || n < PER_DOCUMENT) throw new UsageError(`--paragraphs must be a whole number >= ${PER_DOCUMENT}`);
  const { source, paragraphs: pool } = newsParagraphs();
  const dir = mkdtempSync(join(tmpdir(), "newsflow-bench-"));
  const corpus = writeBenchCorpus(dir, "bench", pool, n, PER_DOCUMENT);
  say(`${n} paragraphs from ${source}, ${Math.ceil(n / PER_DOCUMENT)} documents of ${PER_DOCUMENT}`);

  const redis = await startPrivateRedis();
  let workers: Managed[] = [];
  try {
    say("1/4 ceiling: same flows, no-op processors in a worker process");
    const ceilingRate = await ceiling(redis.url, "bench-ceiling", corpus, n);
    say(`    ${ceilingRate.toFixed(0)} paragraphs/s`);

    say("2/4 pipeline: real workers as processes, real NLP and store writes");
    const env = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: "bench", LOG_LEVEL: "error" };
    const ctx = await openContext(env);
    // Entity tagging is the heaviest analysis: one replica per core keeps both cores busy.
    workers = startWorkers(env, { logDir: join(dir, "logs"), replicas: { "worker-entities": 2 } });
    await waitForWorkers(ctx);
    const memBefore = await usedMemory(ctx);
    const producer = createProducer({ store: ctx.store, flow: ctx.flow, queues: ctx.queues });
    const t0 = performance.now();
    await producer.run({ runId: "bench-pipeline", inputs: [corpus] });
    await watchRun(ctx.store, "bench-pipeline", { quiet: true });
    const pipelineRate = n / ((performance.now() - t0) / 1000);
    const redisBytesPerParagraph = (await usedMemory(ctx)) - memBefore;
    say(`    ${pipelineRate.toFixed(0)} paragraphs/s`);

    say("3/4 latency: 20-paragraph documents one at a time on the idle pipeline");
    const latencies: number[] = [];
    for (let i = 0; i < 30; i++) {
      const file = writeBenchCorpus(dir, `latency-${i}`, pool, PER_DOCUMENT, PER_DOCUMENT, n + i * PER_DOCUMENT);
      const sent = Date.now();
      await producer.run({ runId: `bench-latency-${i}`, inputs: [file] });
      await watchRun(ctx.store, `bench-latency-${i}`, { quiet: true, intervalMs: 2 });
      const { documents } = await ctx.store.listRunDocuments(`bench-latency-${i}`, 0, 1);
      const result = await ctx.store.getDocumentResult(documents[0]!.id);
      latencies.push(result!.completedAt - sent);
    }
    latencies.sort((a, b) => a - b);
    const workerRssMb = Math.max(...workers.map((w) => peakRssMb(w.child.pid)));
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
    await ctx.close();

    say("4/4 NLP in-process, one core");
    const nlp = nlpRate(pool.slice(0, Math.min(n, 5000)));
    say(`    ${nlp.toFixed(0)} paragraphs/s`);

    const round = (x: number, d = 0) => Number(x.toFixed(d));
    const result = {
      task: "bench",
      paragraphs: n,
      pipelineParagraphsPerSecond: round(pipelineRate),
      ceilingParagraphsPerSecond: round(ceilingRate),
      ratio: round(pipelineRate / ceilingRate, 3),
      nlpParagraphsPerSecond: round(nlp),
      p50LatencyMs: percentile(latencies, 0.5),
      p95LatencyMs: percentile(latencies, 0.95),
      workerRssMb: round(workerRssMb, 1),
      redisBytesPerParagraph: round(redisBytesPerParagraph / n),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await redis.stop();
  }
};
