import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { QUEUE_NAMES } from "@newsflow/contracts";
import { createProducer, prepareDocument } from "@newsflow/ingest";
import { assembleDocument, type DocumentInputs, extractQuotes, summarizeParagraph } from "@newsflow/nlp";
import { loadEntityDocumentModel, loadEntityTagger, loadGivenNames, loadQuoteModel, loadSummaryWeights } from "@newsflow/nlp/node";
import { addPlannedJobs, documentJobs, type PlannedJob } from "@newsflow/queue";
import { describeBenchCorpus, newsParagraphs, writeBenchCorpus } from "../bench/corpus.js";
import { type CliContext, openContext } from "../context.js";
import type { EnvSource } from "../env.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";
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

/** Redis's CPU time (user + sys, in microseconds), commands processed so far, and calls and time per command. */
async function redisCounters(ctx: CliContext): Promise<{ cpuUs: number; commands: number; perCommand: Map<string, { calls: number; usec: number }> }> {
  const info = (section: string) => (ctx.redis as unknown as { info(s: string): Promise<string> }).info(section);
  const [cpu, stats, commandstats] = await Promise.all([info("cpu"), info("stats"), info("commandstats")]);
  const field = (text: string, name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(text)?.[1] ?? 0);
  const perCommand = new Map<string, { calls: number; usec: number }>();
  for (const m of commandstats.matchAll(/cmdstat_([^:]+):calls=(\d+),usec=(\d+)/g)) perCommand.set(m[1]!, { calls: Number(m[2]), usec: Number(m[3]) });
  return { cpuUs: (field(cpu, "used_cpu_sys") + field(cpu, "used_cpu_user")) * 1e6, commands: field(stats, "total_commands_processed"), perCommand };
}

/** Where Redis's work went per paragraph, busiest commands first (commands run inside scripts count on their own line too). */
function commandBreakdown(before: Awaited<ReturnType<typeof redisCounters>>, after: Awaited<ReturnType<typeof redisCounters>>, n: number): string[] {
  return [...after.perCommand]
    .map(([name, a]) => {
      const b = before.perCommand.get(name) ?? { calls: 0, usec: 0 };
      return { name, calls: (a.calls - b.calls) / n, usec: (a.usec - b.usec) / n };
    })
    .filter((c) => c.calls > 0.05)
    .sort((x, y) => y.calls - x.calls)
    .map((c) => `${c.name.padEnd(18)} ${c.calls.toFixed(2).padStart(7)} calls ${c.usec.toFixed(1).padStart(7)} us`);
}

/**
 * The queue's own ceiling: the same jobs as the pipeline (a job per slice of paragraphs in each
 * task queue, and a document job per document), no store writes, and no-op processors in a
 * worker process of their own (as the real workers are). Timed from the first enqueue to the
 * last job done.
 */
async function ceiling(env: EnvSource, file: string, paragraphs: number): Promise<number> {
  const ctx = await openContext(env);
  const jobs: PlannedJob[] = [];
  const docs: string[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const prepared = prepareDocument(JSON.parse(line), true);
    if (!("id" in prepared)) continue;
    jobs.push(...documentJobs(ctx.keys.partitionOf(prepared.id), prepared.id, prepared.paragraphs));
    docs.push(prepared.id);
  }
  const noop = spawn(process.execPath, [fileURLToPath(new URL("../bench/noop-worker.js", import.meta.url)), ctx.env.REDIS_URL, ctx.keys.name, String(ctx.keys.partitions)], { stdio: "ignore" });
  try {
    await waitForWorkers(ctx);
    const t0 = performance.now();
    for (let i = 0; i < jobs.length; i += 1000) await addPlannedJobs(ctx.queues, jobs.slice(i, i + 1000));
    for (const id of docs) await ctx.enqueueDocumentStep(id);
    for (;;) {
      const counts = await Promise.all(ctx.queues.flatMap((set) => QUEUE_NAMES.map((q) => set[q].getJobCounts("waiting", "active", "prioritized", "delayed"))));
      if (counts.every((c) => Object.values(c).every((v) => v === 0))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return paragraphs / ((performance.now() - t0) / 1000);
  } finally {
    noop.kill("SIGTERM");
    await ctx.close();
  }
}

/**
 * The three analyses in-process, on this one core, in paragraphs per second; then the document
 * step's analyses (`assembleDocument`: reconciliation, canonical entities, speakers, the summary)
 * over their results in documents of PER_DOCUMENT paragraphs, in ms per paragraph. The document
 * worker's store reads and writes are not in either.
 */
function nlpRates(paragraphs: string[]): { paragraphsPerSecond: number; documentStepMsPerParagraph: number } {
  const tagger = loadEntityTagger();
  const quoteModel = loadQuoteModel();
  const sample = paragraphs.slice(0, 200);
  for (const p of sample) {
    summarizeParagraph(p);
    tagger.tag(p);
    extractQuotes(p, quoteModel);
  }
  const t0 = performance.now();
  const results = paragraphs.map((p) => ({ summary: summarizeParagraph(p), entities: tagger.tag(p), quotes: extractQuotes(p, quoteModel) }));
  const paragraphsPerSecond = paragraphs.length / ((performance.now() - t0) / 1000);

  const { aliases, context } = loadEntityDocumentModel();
  const givenNames = loadGivenNames();
  const summary = { weights: loadSummaryWeights() };
  const documents: DocumentInputs[] = [];
  for (let start = 0; start + PER_DOCUMENT <= paragraphs.length; start += PER_DOCUMENT) {
    const slice = results.slice(start, start + PER_DOCUMENT);
    let offset = 0;
    const texts = paragraphs.slice(start, start + PER_DOCUMENT).map((text, index) => {
      const p = { index, text, start: offset, end: offset + text.length };
      offset = p.end + 2;
      return p;
    });
    documents.push({
      docId: `bench-${start / PER_DOCUMENT}`,
      title: `Bench document ${start / PER_DOCUMENT}`,
      paragraphs: texts,
      summaries: slice.map((r) => r.summary),
      entities: slice.map((r) => r.entities),
      quotes: slice.map((r) => r.quotes),
      failures: {},
      entityAliases: aliases,
      entityContext: context,
      givenNames,
    });
  }
  for (const d of documents.slice(0, 10)) assembleDocument(d, summary);
  const t1 = performance.now();
  for (const d of documents) assembleDocument(d, summary);
  const documentStepMsPerParagraph = (performance.now() - t1) / (documents.length * PER_DOCUMENT);
  return { paragraphsPerSecond, documentStepMsPerParagraph };
}

async function waitForWorkers(ctx: CliContext): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const counts = await Promise.all(QUEUE_NAMES.map((q) => ctx.queues[0]![q].getWorkersCount()));
    if (counts.every((n) => n > 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("workers did not start within 60 s");
}

/**
 * `newsflow bench [--paragraphs N] [--partitions P]`: on a private Redis, (1) the queue's ceiling
 * with no-op processors, (2) the real pipeline with worker processes, with Redis's CPU time and
 * commands per paragraph, (3) the latency of 20-paragraph documents sent one at a time, (4) the
 * NLP in-process. The last stdout line is JSON.
 */
export const benchCommand: Command = async (argv, envSource) => {
  const { values } = parseOptions({ args: argv, options: { paragraphs: { type: "string", default: "20000" }, partitions: { type: "string", default: "1" } } });
  const n = Number(values.paragraphs);
  if (!Number.isInteger(n) || n < PER_DOCUMENT) throw new UsageError(`--paragraphs must be a whole number >= ${PER_DOCUMENT}`);
  const partitions = Number(values.partitions);
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1024) throw new UsageError("--partitions must be a whole number from 1 to 1024");
  const { source, paragraphs: pool } = newsParagraphs();
  const dir = mkdtempSync(join(tmpdir(), "newsflow-bench-"));
  const corpus = writeBenchCorpus(dir, "bench", pool, n, PER_DOCUMENT);
  say(describeBenchCorpus(n, PER_DOCUMENT, source));

  const redis = await startPrivateRedis();
  let workers: Managed[] = [];
  try {
    const base = { ...envSource, REDIS_URL: redis.url, NEWSFLOW_PARTITIONS: String(partitions), LOG_LEVEL: "error" };
    say("1/4 ceiling: the same jobs, no-op processors in a worker process");
    const ceilingRate = await ceiling({ ...base, NEWSFLOW_PREFIX: "bench-ceiling" }, corpus, n);
    say(`    ${ceilingRate.toFixed(0)} paragraphs/s`);

    say("2/4 pipeline: real workers as processes, real NLP and store writes");
    const env = { ...base, NEWSFLOW_PREFIX: "bench" };
    const ctx = await openContext(env);
    // Entity tagging is the heaviest analysis: one replica per core keeps both cores busy.
    workers = startWorkers(env, { logDir: join(dir, "logs"), replicas: { "worker-entities": 2 } });
    await waitForWorkers(ctx);
    const memBefore = await usedMemory(ctx);
    const producer = createProducer(ctx);
    const before = await redisCounters(ctx);
    const t0 = performance.now();
    await producer.run({ runId: "bench-pipeline", inputs: [corpus] });
    await watchRun(ctx.store, "bench-pipeline", { quiet: true });
    const pipelineRate = n / ((performance.now() - t0) / 1000);
    const after = await redisCounters(ctx);
    say("    Redis per paragraph, by command:");
    for (const line of commandBreakdown(before, after, n)) say(`      ${line}`);
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
    const peaks = workers.map((w) => ({ name: w.name, mb: peakRssMb(w.child.pid) }));
    say(`    peak RSS per worker: ${peaks.map((p) => `${p.name} ${p.mb.toFixed(1)} MB`).join(", ")}`);
    const workerRssMb = Math.max(...peaks.map((p) => p.mb));
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
    await ctx.close();

    say("4/4 NLP in-process, one core");
    const { paragraphsPerSecond: nlp, documentStepMsPerParagraph } = nlpRates(pool.slice(0, Math.min(n, 5000)));
    say(`    ${nlp.toFixed(0)} paragraphs/s; the document step ${documentStepMsPerParagraph.toFixed(3)} ms per paragraph more`);

    const round = (x: number, d = 0) => Number(x.toFixed(d));
    const result = {
      task: "bench",
      paragraphs: n,
      pipelineParagraphsPerSecond: round(pipelineRate),
      ceilingParagraphsPerSecond: round(ceilingRate),
      ratio: round(pipelineRate / ceilingRate, 3),
      nlpParagraphsPerSecond: round(nlp),
      nlpShare: round(pipelineRate / (2 * nlp), 3),
      documentStepMsPerParagraph: round(documentStepMsPerParagraph, 3),
      partitions,
      redisCpuUsPerParagraph: round((after.cpuUs - before.cpuUs) / n),
      redisCommandsPerParagraph: round((after.commands - before.commands) / n, 1),
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
