import { QUEUE_NAMES, TASKS } from "@newsflow/contracts";
import type { QueueSet, RedisClient } from "@newsflow/queue";
import type { RunRecord, Store } from "@newsflow/store";

/** A run with derived progress figures for the UI. */
export interface RunView extends RunRecord {
  progress: number;
  paragraphsPerSecond: number | null;
  etaSeconds: number | null;
}

/** Progress (0..1), rate and ETA of a run from its counts. */
export function viewRun(run: RunRecord, now = Date.now()): RunView {
  const totalTasks = run.paragraphs * TASKS.length;
  const doneTasks = TASKS.reduce((n, t) => n + run.tasks[t].done + run.tasks[t].failed, 0);
  const docFraction = run.documents ? (run.docsDone + run.docsFailed) / run.documents : 1;
  const progress = run.status === "completed" ? 1 : totalTasks ? Math.min(doneTasks / totalTasks, docFraction + 0.999) * 0.99 + 0.01 * docFraction : 0;
  const elapsed = ((run.finishedAt ?? now) - run.createdAt) / 1000;
  const paragraphsDone = doneTasks / TASKS.length;
  const rate = elapsed > 0 && paragraphsDone > 0 ? paragraphsDone / elapsed : null;
  const eta = rate && run.status !== "completed" ? Math.max(0, (run.paragraphs - paragraphsDone) / rate) : null;
  return { ...run, progress: Math.min(1, progress), paragraphsPerSecond: rate, etaSeconds: eta };
}

/** A reader page: a document, a page of its paragraphs with their three results, and the document result. */
export async function readDocument(store: Store, docId: string, offset = 0, limit = 50) {
  const meta = await store.getDocument(docId);
  if (!meta) return null;
  const paragraphs = await store.getParagraphs(docId, offset, limit);
  const indexes = paragraphs.map((p) => p.index);
  const [summaries, entities, quotes, result, failures] = await Promise.all([
    store.getParagraphResults(docId, "summarize", indexes),
    store.getParagraphResults(docId, "entities", indexes),
    store.getParagraphResults(docId, "quotes", indexes),
    store.getDocumentResult(docId),
    store.getParagraphFailures(docId),
  ]);
  return {
    document: { ...meta, status: meta.completedAt ? "done" : "pending" },
    offset,
    limit,
    paragraphs: paragraphs.map((p, i) => ({ ...p, summary: summaries[i] ?? null, entities: entities[i] ?? null, quotes: quotes[i] ?? null })),
    result,
    failures,
  };
}

/** Redis status and each queue's job counts. */
export async function readHealth(redis: RedisClient, queues: QueueSet) {
  let redisInfo: { ok: boolean; usedMemoryBytes?: number; version?: string; error?: string };
  try {
    const info = await (redis as { info: (s: string) => Promise<string> }).info("memory");
    const server = await (redis as { info: (s: string) => Promise<string> }).info("server");
    redisInfo = {
      ok: true,
      usedMemoryBytes: Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0),
      version: /redis_version:([^\r\n]+)/.exec(server)?.[1],
    };
  } catch (err) {
    redisInfo = { ok: false, error: (err as Error).message };
  }
  const queueCounts = await Promise.all(
    QUEUE_NAMES.map(async (name) => {
      const q = queues[name];
      const [counts, workers] = await Promise.all([
        q.getJobCounts("waiting", "active", "completed", "failed", "delayed", "waiting-children", "prioritized"),
        q.getWorkersCount().catch(() => 0),
      ]);
      const pending = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
      return { name, counts, workers, warning: pending > 0 && workers === 0 ? `${pending} jobs waiting and no worker is running for '${name}'` : null };
    }),
  );
  return { redis: redisInfo, queues: queueCounts };
}
