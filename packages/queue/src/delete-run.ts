import { TASKS } from "@newsflow/contracts";
import { countOf, type DeleteRunCounts, type DocumentListing } from "@newsflow/store";
import type { JobState, Queue } from "bullmq";
import { RunBusyError } from "./errors.js";
import { type PipelineDeps, paragraphSlices, sliceJobId } from "./pipeline.js";

/** Job states of work still to do. */
const QUEUED: ReadonlySet<JobState | "unknown"> = new Set(["waiting", "delayed", "prioritized", "waiting-children"]);

/** What deleting a run did: its documents (deleted, or kept for the other runs holding them) and its jobs. */
export interface RunDeletion extends DeleteRunCounts {
  run: string;
  /** Jobs taken out of the queues: waiting ones (with `force`), and the failed ones of the deleted documents. */
  removedJobs: number;
  /** Jobs that were running (with `force`): they finish, and what they write of a deleted document is dropped. */
  activeJobs: number;
}

interface JobRef {
  queue: Queue;
  id: string;
  state: JobState | "unknown";
  /** Whether the job's document goes with the run (no other run holds it). */
  owned: boolean;
}

/** The jobs a document may have in the queues: each of its slices in each task queue, and its document step. */
async function documentJobs(deps: PipelineDeps, runId: string, doc: DocumentListing): Promise<JobRef[]> {
  const queues = deps.queues[deps.store.keys.partitionOf(doc.id)]!;
  const [paragraphs, runs] = await Promise.all([deps.store.getParagraphs(doc.id, 0, doc.paragraphCount), deps.store.documentRuns(doc.id)]);
  const owned = runs.every((r) => r === runId);
  const ids = paragraphSlices(paragraphs).flatMap((slice) => TASKS.map((task) => ({ queue: queues[task], id: sliceJobId(doc.id, slice) })));
  ids.push({ queue: queues.document, id: doc.id });
  const states = await Promise.all(ids.map((j) => j.queue.getJobState(j.id)));
  return ids.map((j, i) => ({ ...j, state: states[i]!, owned }));
}

/**
 * Delete a run with everything it owns (see the store's `deleteRun`) and its jobs. Refused
 * ({@link RunBusyError}) while a producer holds a live lease on the run, and while any of its
 * documents has a job queued or running, unless `force`: then the waiting jobs of the documents
 * that go with the run are taken out of the queues first, and running ones are left to finish
 * (their writes to a deleted document are dropped by the store). Before anything goes, the run is
 * marked as being deleted (`markRunDeleting`, which checks the leases again in the same step): a
 * producer that comes to the run after that is refused. The failed jobs of those
 * documents go too. Documents that another run holds, and their jobs, stay. Returns null when
 * there is no such run. The one code path for `newsflow runs delete` and the viewer's
 * `POST /admin/runs/<id>/delete`.
 */
export async function deleteRun(deps: PipelineDeps, runId: string, options: { force?: boolean } = {}): Promise<RunDeletion | null> {
  const { store } = deps;
  const producerBusy = () => new RunBusyError(`a producer is still adding documents to run '${runId}': let it finish, or stop it (its lease ends 15 s later), then delete the run`);
  if (!(await store.getRun(runId))) return null;
  if ((await store.liveProducers(runId)) > 0) throw producerBusy();
  // Only a document that is not done, or that has failures, can have jobs left: completed jobs are removed.
  const jobs: JobRef[] = [];
  const page = 200;
  for (let offset = 0; ; offset += page) {
    const { documents } = await store.listRunDocuments(runId, offset, page);
    const failures = await Promise.all(documents.map((d) => (d.status === "done" ? store.getParagraphFailures(d.id) : null)));
    const left = documents.filter((d, i) => d.status !== "done" || Object.keys(failures[i] ?? {}).length > 0);
    for (const found of await Promise.all(left.map((d) => documentJobs(deps, runId, d)))) jobs.push(...found.filter((j) => j.state !== "unknown"));
    if (documents.length < page) break;
  }
  const queued = jobs.filter((j) => QUEUED.has(j.state)).length;
  const active = jobs.filter((j) => j.state === "active").length;
  if ((queued || active) && !options.force) {
    throw new RunBusyError(
      `run '${runId}' still has ${countOf(queued, "queued job")} and ${countOf(active, "active job")}: wait until it completes ('newsflow status ${runId}'), or delete it anyway with --force (its waiting jobs are removed)`,
    );
  }
  // A producer may have taken a lease since the check above: the run is marked as being deleted
  // in the same script that finds no live lease, and from then on a producer that comes to it is
  // refused (store.createRun), so none writes into the run while it goes.
  const marked = await store.markRunDeleting(runId);
  if (marked === "busy") throw producerBusy();
  if (marked === "missing") return null;
  let removedJobs = 0;
  // A job that became active since it was read is locked: remove() leaves it (0), it finishes.
  const removable = jobs.filter((j) => j.owned && j.state !== "active");
  for (let i = 0; i < removable.length; i += page) {
    for (const n of await Promise.all(removable.slice(i, i + page).map((j) => j.queue.remove(j.id)))) removedJobs += n;
  }
  const counts = await store.deleteRun(runId);
  return { run: runId, ...counts, removedJobs, activeJobs: active };
}
