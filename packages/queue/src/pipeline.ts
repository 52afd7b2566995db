import { type Paragraph, type ParagraphJob, QUEUES, type QueueName, TASKS, type TaskName, TaskName as TaskNameSchema } from "@newsflow/contracts";
import type { Store } from "@newsflow/store";
import type { JobsOptions } from "bullmq";
import { DOCUMENT_JOB_OPTIONS, PARAGRAPH_JOB_OPTIONS, type PartitionedQueues } from "./queues.js";
import { withRedisRetry } from "./retry.js";

/** At most this many paragraphs in one paragraph job. */
export const SLICE_PARAGRAPHS = 8;
/** A paragraph job closes once its paragraphs hold this many characters (a long paragraph goes alone). */
export const SLICE_CHARS = 8_000;

/** A run of consecutive paragraphs of a document, the unit of a paragraph job. */
export interface Slice {
  first: number;
  count: number;
}

/**
 * Cut a document's paragraphs into the slices its paragraph jobs carry: consecutive paragraphs,
 * at most {@link SLICE_PARAGRAPHS} and about {@link SLICE_CHARS} characters each. Deterministic:
 * the same paragraphs always give the same slices, and so the same job ids.
 */
export function paragraphSlices(paragraphs: Array<Pick<Paragraph, "index" | "text">>): Slice[] {
  const slices: Slice[] = [];
  let current: Slice | null = null;
  let chars = 0;
  for (const p of paragraphs) {
    if (!current || current.count >= SLICE_PARAGRAPHS || chars + p.text.length > SLICE_CHARS) {
      current = { first: p.index, count: 0 };
      chars = 0;
      slices.push(current);
    }
    current.count++;
    chars += p.text.length;
  }
  return slices;
}

/** The job id of a slice, the same in each task queue: `<docId>-<first>-<count>` (never all digits, no `:`). */
export function sliceJobId(docId: string, slice: Slice): string {
  return `${docId}-${slice.first}-${slice.count}`;
}

/** A job to add to one task queue of a document's partition. */
export interface PlannedJob {
  partition: number;
  queue: TaskName;
  name: TaskName;
  data: { docId: string; first: number; count: number };
  opts: JobsOptions;
}

/** Every paragraph job of a document (validated against the catalog), slice by slice, task by task. */
export function* documentJobs(partition: number, docId: string, paragraphs: Array<Pick<Paragraph, "index" | "text">>): Generator<PlannedJob> {
  for (const slice of paragraphSlices(paragraphs)) {
    for (const task of TASKS) {
      const data = QUEUES[task].payload.parse({ docId, first: slice.first, count: slice.count });
      yield { partition, queue: task, name: task, data, opts: { ...PARAGRAPH_JOB_OPTIONS, jobId: sliceJobId(docId, slice) } };
    }
  }
}

/**
 * Add planned jobs: one `addBulk` per (partition, task queue), in the order the groups first
 * appear. Each add is retried while Redis is away (the job ids are deterministic, so an add cut
 * off by a restart is harmless to repeat).
 */
export async function addPlannedJobs(queues: PartitionedQueues, jobs: PlannedJob[]): Promise<void> {
  const groups = new Map<string, PlannedJob[]>();
  for (const j of jobs) {
    const key = `${j.partition}:${j.queue}`;
    const group = groups.get(key);
    if (group) group.push(j);
    else groups.set(key, [j]);
  }
  for (const group of groups.values()) {
    const { partition, queue } = group[0]!;
    await withRedisRetry(() => queues[partition]![queue].addBulk(group.map((j) => ({ name: j.name, data: j.data, opts: j.opts }))));
  }
}

/** What the pipeline's operations need: the store and the queues of every partition. */
export interface PipelineDeps {
  store: Store;
  queues: PartitionedQueues;
}

/**
 * Enqueue a document's step. The job id is the document id, so the two or three writes that
 * may see the document complete at once add one job.
 */
export async function enqueueDocumentStep(deps: PipelineDeps, docId: string): Promise<void> {
  const queue = deps.queues[deps.store.keys.partitionOf(docId)]!.document;
  await queue.add("document", QUEUES.document.payload.parse({ docId }), { ...DOCUMENT_JOB_OPTIONS, jobId: docId });
}

/** What a retry re-enqueued. */
export interface RetryCounts {
  documents: number;
  paragraphTasks: number;
  documentSteps: number;
}

/** Restricts a retry to the paragraphs of one job (the admin's retry of one failed job). */
export interface RetryScope {
  task: TaskName;
  first: number;
  count: number;
}

/**
 * Retry what failed for good in one document: its failed paragraph tasks (all, or those in
 * `scope`) and, when no paragraph task is left to redo, its failed document step. The failure
 * records are cleared first (their counts undone, the document's assembly forgotten), then the
 * failed jobs are replaced by new ones with the same ids; once the retried tasks are done the
 * document is assembled and indexed again. The one code path for `newsflow retry` and the
 * viewer's admin retry.
 */
export async function retryDocument(deps: PipelineDeps, docId: string, scope?: RetryScope): Promise<RetryCounts> {
  const counts: RetryCounts = { documents: 0, paragraphTasks: 0, documentSteps: 0 };
  const doc = await deps.store.getDocument(docId);
  if (!doc) return counts;
  const partition = deps.store.keys.partitionOf(docId);
  const queues = deps.queues[partition]!;
  const failed = Object.keys(await deps.store.getParagraphFailures(docId))
    .map((key) => {
      const [task, index] = key.split(":") as [string, string];
      return { task: task as TaskName, index: Number(index) };
    })
    .filter((f) => TaskNameSchema.safeParse(f.task).success && (!scope || (f.task === scope.task && f.index >= scope.first && f.index < scope.first + scope.count)));
  const documentFailed = doc.status === "failed";
  if (failed.length === 0 && !documentFailed) return counts;

  await deps.store.clearFailures(docId, failed);
  await queues.document.remove(docId);
  if (failed.length === 0) {
    await enqueueDocumentStep(deps, docId);
    return { documents: 1, paragraphTasks: 0, documentSteps: 1 };
  }
  const paragraphs = await deps.store.getParagraphs(docId, 0, doc.paragraphCount);
  const slices = paragraphSlices(paragraphs);
  const redo = new Map<string, { task: TaskName; slice: Slice }>();
  for (const f of failed) {
    const slice = slices.find((s) => f.index >= s.first && f.index < s.first + s.count);
    if (slice) redo.set(`${f.task}:${slice.first}`, { task: f.task, slice });
  }
  for (const { task, slice } of redo.values()) {
    const jobId = sliceJobId(docId, slice);
    await queues[task].remove(jobId);
    await queues[task].add(task, QUEUES[task].payload.parse({ docId, first: slice.first, count: slice.count }), { ...PARAGRAPH_JOB_OPTIONS, jobId });
  }
  return { documents: 1, paragraphTasks: failed.length, documentSteps: 0 };
}

/** Retry everything that failed for good in a run's documents (see {@link retryDocument}). */
export async function retryRun(deps: PipelineDeps, runId: string): Promise<RetryCounts> {
  const total: RetryCounts = { documents: 0, paragraphTasks: 0, documentSteps: 0 };
  const page = 200;
  for (let offset = 0; ; offset += page) {
    const { documents } = await deps.store.listRunDocuments(runId, offset, page);
    if (documents.length === 0) break;
    for (const doc of documents) {
      const c = await retryDocument(deps, doc.id);
      total.documents += c.documents;
      total.paragraphTasks += c.paragraphTasks;
      total.documentSteps += c.documentSteps;
    }
  }
  return total;
}

/** What {@link retryFailedJob} did: retried (with the counts of {@link retryDocument}), or nothing, and why. */
export type FailedJobRetry = { retried: RetryCounts } | { refused: "no such failed job" | "invalid payload" };

/**
 * Retry one failed job, as the viewer's admin does: the paragraphs of a failed paragraph job,
 * or a failed document step. Refuses, doing nothing, when there is no such failed job, or when
 * its payload does not match the catalog: the worker would fail it again at once, for good.
 */
export async function retryFailedJob(deps: PipelineDeps, partition: number, queue: QueueName, jobId: string): Promise<FailedJobRetry> {
  const job = await deps.queues[partition]?.[queue].getJob(jobId);
  if (!job || !(await job.isFailed())) return { refused: "no such failed job" };
  const payload = QUEUES[queue].payload.safeParse(job.data);
  if (!payload.success) return { refused: "invalid payload" };
  const { docId, first, count } = payload.data as ParagraphJob; // a document job's is its docId alone
  const counts = await retryDocument(deps, docId, queue === "document" ? undefined : { task: queue, first, count });
  // Nothing recorded as failed any more (cleared by an earlier retry): run the job again as it is.
  if (counts.documents === 0) await job.retry();
  return { retried: counts };
}
