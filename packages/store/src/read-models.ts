import { TASKS } from "@newsflow/contracts";
import type { RunRecord, Store } from "./create-store.js";

/**
 * A count and its noun as people write it: singular for exactly one, with thousands separators.
 * The CLI and the viewer print every count of things through it, so none says "1 paragraphs".
 *
 * @example countOf(1, "paragraph") // "1 paragraph"
 * @example countOf(1200, "document") // "1,200 documents"
 * @example countOf(2, "entry", "entries") // "2 entries"
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : plural}`;
}

/**
 * A run that is not completed and whose counts have not changed for this long is stalled (its
 * workers are down, or every job waits for a retry): its average rate says nothing about when it
 * will end, so it has no ETA.
 */
export const STALLED_AFTER_MS = 60_000;

/** A run with derived progress figures for the UI and the CLI. */
export interface RunView extends RunRecord {
  progress: number;
  paragraphsPerSecond: number | null;
  /** null when completed, before any progress, or when stalled. */
  etaSeconds: number | null;
  /** No change for {@link STALLED_AFTER_MS} while not completed. */
  stalled: boolean;
}

/** Progress (0..1), rate and ETA of a run from its counts (no ETA for a stalled run). */
export function viewRun(run: RunRecord, now = Date.now()): RunView {
  const totalTasks = run.paragraphs * TASKS.length;
  const doneTasks = TASKS.reduce((n, t) => n + run.tasks[t].done + run.tasks[t].failed, 0);
  const docFraction = run.documents ? (run.docsDone + run.docsFailed) / run.documents : 1;
  const progress = run.status === "completed" ? 1 : totalTasks ? Math.min(doneTasks / totalTasks, docFraction + 0.999) * 0.99 + 0.01 * docFraction : 0;
  const elapsed = ((run.finishedAt ?? now) - run.createdAt) / 1000;
  const paragraphsDone = doneTasks / TASKS.length;
  const rate = elapsed > 0 && paragraphsDone > 0 ? paragraphsDone / elapsed : null;
  const stalled = run.status !== "completed" && now - (run.lastChangeAt ?? run.createdAt) > STALLED_AFTER_MS;
  const eta = rate && run.status !== "completed" && !stalled ? Math.max(0, (run.paragraphs - paragraphsDone) / rate) : null;
  return { ...run, progress: Math.min(1, progress), paragraphsPerSecond: rate, etaSeconds: eta, stalled };
}

/** Rejected inputs of a run that `newsflow status` and `/api/runs/:id` list (the run's page in the viewer pages through all). */
export const REJECTIONS_LISTED = 100;

/**
 * A run's first {@link REJECTIONS_LISTED} rejected inputs and how many it has in all
 * (`rejectedTotal`, the run's `rejected` count, kept by the script that lists them), so a reader
 * of `newsflow status --json` or `/api/runs/:id` can tell when the list is cut.
 */
export async function readRejections(store: Store, run: RunRecord) {
  return { rejected: await store.getRejections(run.id, 0, REJECTIONS_LISTED), rejectedTotal: run.rejected };
}

/**
 * A reader page: a document, a page of its paragraphs with their three results (the entity
 * mentions as the document step reconciled them), the document result and what failed.
 */
export async function readDocument(store: Store, docId: string, offset = 0, limit = 50) {
  const meta = await store.getDocument(docId);
  if (!meta) return null;
  const paragraphs = await store.getParagraphs(docId, offset, limit);
  const indexes = paragraphs.map((p) => p.index);
  const [summaries, entities, quotes, result, failures, documentFailure] = await Promise.all([
    store.getParagraphResults(docId, "summarize", indexes),
    store.getEntities(docId, indexes),
    store.getParagraphResults(docId, "quotes", indexes),
    store.getDocumentResult(docId),
    store.getParagraphFailures(docId),
    store.getDocumentFailure(docId),
  ]);
  return {
    document: meta,
    offset,
    limit,
    paragraphs: paragraphs.map((p, i) => ({ ...p, summary: summaries[i] ?? null, entities: entities[i] ?? null, quotes: quotes[i] ?? null })),
    result,
    failures,
    documentFailure,
  };
}
