import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { JobSafeId, type Paragraph, QUEUES, TASKS } from "@newsflow/contracts";
import { prepareDocument } from "./prepare-document.js";
import { DOCUMENT_JOB_OPTIONS, PARAGRAPH_JOB_OPTIONS, type QueueSet, withRedisRetry } from "@newsflow/queue";
import type { Store } from "@newsflow/store";
import type { FlowJob, FlowProducer } from "bullmq";
import { type InputItem, readInputs } from "./read-inputs.js";

export interface ProducerDeps {
  store: Store;
  flow: FlowProducer;
  /** When given, enqueueing pauses while a task queue has more than `highWater` waiting jobs. */
  queues?: QueueSet;
  highWater?: number;
  /** Flush a batch of flows once it holds this many jobs. */
  batchJobs?: number;
}

export interface RunOptions {
  runId?: string;
  inputs: string[];
  stdin?: Readable;
  onRejected?: (source: string, reason: string) => void;
  onProgress?: (counts: RunCounts) => void;
}

/** What a producer run did. */
export interface RunCounts {
  runId: string;
  documents: number;
  paragraphs: number;
  enqueued: number;
  alreadyKnown: number;
  rejected: number;
}

/** A run id: given, or generated from the time and some randomness (never contains `:`). */
export function newRunId(now = new Date()): string {
  return `run-${now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "")}-${randomBytes(3).toString("hex")}`;
}

/** The BullMQ flow of one document: a parent job on `document`, one child per paragraph per task. */
export function documentFlow(runId: string, docId: string, paragraphs: Paragraph[], now = Date.now()): FlowJob {
  const children: FlowJob[] = [];
  for (const p of paragraphs) {
    for (const task of TASKS) {
      const data = QUEUES[task].payload.parse({ runId, docId, index: p.index, text: p.text });
      children.push({ name: task, queueName: task, data, opts: { ...PARAGRAPH_JOB_OPTIONS, jobId: `${docId}-${p.index}` } });
    }
  }
  const data = QUEUES.document.payload.parse({ runId, docId, paragraphCount: paragraphs.length, enqueuedAt: now });
  return { name: "document", queueName: "document", data, opts: { ...DOCUMENT_JOB_OPTIONS, jobId: docId }, children };
}

/**
 * The producer: reads inputs, stores each document with its paragraphs, and enqueues one flow
 * per document in batches (`addBulk`: one round trip per batch, each document whole or not at
 * all). Re-running with the same run id resumes: documents already in the queues or done are
 * attached to the run and not enqueued again.
 */
export function createProducer(deps: ProducerDeps) {
  const batchJobs = deps.batchJobs ?? 3000;
  const highWater = deps.highWater ?? 60_000;

  async function waitForRoom(): Promise<void> {
    if (!deps.queues) return;
    for (;;) {
      const waiting = await withRedisRetry(() => Promise.all(TASKS.map((t) => deps.queues![t].getWaitingCount())));
      if (Math.max(...waiting) < highWater) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  return {
    async run(options: RunOptions): Promise<RunCounts> {
      const runId = options.runId ?? newRunId();
      JobSafeId.parse(runId);
      const counts: RunCounts = { runId, documents: 0, paragraphs: 0, enqueued: 0, alreadyKnown: 0, rejected: 0 };
      // Every write below is idempotent, so a Redis restart mid-run is waited out and retried.
      await withRedisRetry(() => deps.store.createRun(runId, options.inputs));
      let batch: FlowJob[] = [];
      let batchIds: string[] = [];
      let batchSize = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await waitForRoom();
        await withRedisRetry(() => deps.flow.addBulk(batch));
        await withRedisRetry(() => deps.store.markEnqueued(batchIds));
        counts.enqueued += batch.length;
        batch = [];
        batchIds = [];
        batchSize = 0;
        options.onProgress?.({ ...counts });
      };
      const reject = async (item: { source: string; reason: string }) => {
        counts.rejected++;
        options.onRejected?.(item.source, item.reason);
        await withRedisRetry(() => deps.store.addRejection(runId, { source: item.source, reason: item.reason }));
      };
      for await (const item of readInputs(options.inputs, options.stdin) as AsyncGenerator<InputItem>) {
        if (item.kind === "rejected") {
          await reject(item);
          continue;
        }
        const prepared = prepareDocument(item.doc, item.titleKnown);
        if ("reason" in prepared) {
          await reject({ source: item.source, reason: prepared.reason });
          continue;
        }
        const meta = {
          id: prepared.id,
          title: prepared.title,
          source: item.source,
          url: item.doc.url ?? null,
          publishedAt: item.doc.publishedAt ?? null,
          byline: item.doc.byline ?? null,
          paragraphCount: prepared.paragraphs.length,
          createdAt: Date.now(),
        };
        counts.documents++;
        counts.paragraphs += prepared.paragraphs.length;
        const needsEnqueue = await withRedisRetry(() => deps.store.putDocument(runId, counts.documents, meta, prepared.paragraphs));
        if (!needsEnqueue || batchIds.includes(prepared.id)) {
          counts.alreadyKnown++;
          continue;
        }
        batch.push(documentFlow(runId, prepared.id, prepared.paragraphs));
        batchIds.push(prepared.id);
        batchSize += prepared.paragraphs.length * TASKS.length + 1;
        if (batchSize >= batchJobs) await flush();
      }
      await flush();
      await withRedisRetry(() => deps.store.finishEnqueue(runId));
      options.onProgress?.({ ...counts });
      return counts;
    },
  };
}

/** The producer API. */
export type Producer = ReturnType<typeof createProducer>;
