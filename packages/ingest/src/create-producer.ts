import { createHash, randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { type Paragraph, TASKS } from "@newsflow/contracts";
import { addPlannedJobs, documentJobs, type PipelineDeps, type PlannedJob, withRedisRetry } from "@newsflow/queue";
import { RunDeletingError, type Store } from "@newsflow/store";
import { isUsableId } from "./prepare-document.js";
import { readDocuments } from "./read-documents.js";

export interface ProducerDeps extends PipelineDeps {
  /** Enqueueing pauses while a task queue of a partition has more than this many waiting jobs. */
  highWater?: number;
  /** Flush the planned jobs once this many are waiting to be added. */
  batchJobs?: number;
  /** How long a producer's claim on a run lasts without renewal (a dead producer lets the run complete after it). */
  leaseMs?: number;
  /** The time in ms (`Date.now`): what the lease is reckoned by; a test passes its own to let a lease lapse without waiting. */
  clock?: () => number;
}

export interface RunOptions {
  runId?: string;
  inputs: string[];
  stdin?: Readable;
  onRejected?: (source: string, reason: string) => void;
  /** What a reader skipped without rejecting (a WARC's non-HTML records). */
  onNotice?: (source: string, message: string) => void;
  onProgress?: (counts: RunCounts) => void;
}

/** What a producer run did. */
export interface RunCounts {
  runId: string;
  /** Documents this producer added to the run, and their paragraphs. */
  documents: number;
  paragraphs: number;
  /** Paragraph jobs added to the queues. */
  enqueued: number;
  /** Of `documents`, those whose work was already enqueued or done (in another run): attached, not enqueued. */
  alreadyKnown: number;
  rejected: number;
  /**
   * Inputs whose document the run already held (an earlier input of this run, or of the
   * producer before on a resumed run): taken once, not counted in `documents` again.
   */
  repeated: number;
}

/** A run id: given, or generated from the time and some randomness (never contains `:`). */
export function newRunId(now = new Date()): string {
  return `run-${now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "")}-${randomBytes(3).toString("hex")}`;
}

/** The content hash of a prepared document: a document id re-submitted with another one is refused. */
export function contentHash(title: string | null, paragraphs: Paragraph[]): string {
  const h = createHash("sha256").update(title ?? "").update("\u0000");
  for (const p of paragraphs) h.update(p.text).update("\u0000");
  return h.digest("hex").slice(0, 32);
}

/**
 * A producer's lease on its run, taken by `createRun` at `takenAt`: renewed every third of its
 * length, and by {@link hold} before each write. A write that goes out on a lease older than half
 * its length (the producer stalled: its timer did not run, or Redis did not answer) could land
 * after the lease lapsed and a deletion of the run began; `hold` renews it first, and the store
 * refuses the renewal of a run deleted or being deleted (`RunDeletingError`). A refusal, met by
 * `hold` or by the timer, stops the producer: every later `hold` throws it.
 */
function holdLease(store: Store, runId: string, producer: { id: string; leaseMs: number }, clock: () => number, takenAt: number) {
  let renewedAt = takenAt;
  let refusal: RunDeletingError | null = null;
  const renew = async () => {
    const at = clock();
    try {
      await store.renewProducer(runId, producer, at);
    } catch (err) {
      if (err instanceof RunDeletingError) refusal ??= err;
      throw err;
    }
    renewedAt = Math.max(renewedAt, at);
  };
  const timer = setInterval(() => {
    // A failed renewal (Redis unreachable) is left to the next one, or to `hold`.
    renew().catch(() => undefined);
  }, producer.leaseMs / 3);
  timer.unref();
  return {
    /** Before a write: throws the refusal of a renewal, and renews first a lease that may be lapsing. */
    async hold(): Promise<void> {
      if (refusal) throw refusal;
      if (clock() - renewedAt >= producer.leaseMs / 2) await renew();
    },
    /** No more renewals: before the producer finishes, so a late one does not take the lease again. */
    stop(): void {
      clearInterval(timer);
    },
  };
}

/**
 * The producer: reads inputs, stores each document with its paragraphs, and adds its paragraph
 * jobs (slices of paragraphs, one job per slice in each task queue of the document's partition)
 * in bounded batches, so one huge document costs no more memory than its text. A document is
 * marked enqueued once all its jobs are in; re-running with the same run id resumes (documents
 * already enqueued or done are attached to the run, not enqueued again, and job ids are
 * deterministic). Several producers may add to one run: it completes when all have finished.
 */
export function createProducer(deps: ProducerDeps) {
  const batchJobs = deps.batchJobs ?? 3000;
  const highWater = deps.highWater ?? 60_000;
  const leaseMs = deps.leaseMs ?? 15_000;
  const clock = deps.clock ?? Date.now;

  /**
   * Wait until the queues of `partitions` have room. The lease is renewed by its timer meanwhile;
   * after each pause `hold` is asked, so a refusal ends the wait (the caller holds the lease once
   * more before it writes).
   */
  async function waitForRoom(partitions: Set<number>, hold: () => Promise<void>): Promise<void> {
    for (;;) {
      const waiting = await withRedisRetry(() => Promise.all([...partitions].flatMap((p) => TASKS.map((t) => deps.queues[p]![t].getWaitingCount()))));
      if (Math.max(0, ...waiting) < highWater) return;
      await new Promise((r) => setTimeout(r, 200));
      await withRedisRetry(hold);
    }
  }

  return {
    async run(options: RunOptions): Promise<RunCounts> {
      const runId = options.runId ?? newRunId();
      if (!isUsableId(runId)) throw new Error(`invalid run id '${runId}': use 1-200 letters, digits and . _ ~ - (not all digits, not . or ..)`);
      const producer = { id: `${process.pid}-${randomBytes(4).toString("hex")}`, leaseMs };
      const counts: RunCounts = { runId, documents: 0, paragraphs: 0, enqueued: 0, alreadyKnown: 0, rejected: 0, repeated: 0 };
      // Every write below is idempotent, so a Redis restart mid-run is waited out and retried.
      // A run this producer created holds only its inputs (and those of producers that join it):
      // a document it already holds is a repeat of an earlier input, named in a line. A joined run
      // (a resumed one) holds what an earlier producer added, and its documents are met again by
      // design: no line each, only the count.
      const takenAt = clock();
      const created = await withRedisRetry(() => deps.store.createRun(runId, options.inputs, producer, takenAt));
      // Every write to the run or its documents holds the lease first (see holdLease): a producer
      // whose run was deleted while it stalled stops there with the RunDeletingError, writing
      // nothing more.
      const lease = holdLease(deps.store, runId, producer, clock, takenAt);
      const holding = <T>(write: () => Promise<T>) =>
        withRedisRetry(async () => {
          await lease.hold();
          return write();
        });
      let planned: PlannedJob[] = [];
      // Documents planned in this run and not yet marked enqueued (a repeat among them is not planned twice).
      const plannedIds = new Set<string>();
      // Documents whose last job is planned: marked enqueued once the batch holding it is in.
      let completeDocs: string[] = [];
      const flush = async () => {
        if (planned.length === 0 && completeDocs.length === 0) return;
        const jobs = planned;
        const docs = completeDocs;
        planned = [];
        completeDocs = [];
        await waitForRoom(new Set(jobs.map((j) => j.partition)), lease.hold);
        await withRedisRetry(lease.hold);
        await addPlannedJobs(deps.queues, jobs);
        await holding(() => deps.store.markEnqueued(docs));
        // Marked enqueued: a repeat of these documents is "known" from now on, so the set only
        // holds the documents still being added (it does not grow with the run).
        for (const id of docs) plannedIds.delete(id);
        counts.enqueued += jobs.length;
        options.onProgress?.({ ...counts });
      };
      const reject = async (item: { source: string; reason: string }) => {
        counts.rejected++;
        options.onRejected?.(item.source, item.reason);
        await holding(() => deps.store.addRejection(runId, { source: item.source, reason: item.reason }));
      };
      try {
        for await (const item of readDocuments(options.inputs, options.stdin, { onNotice: options.onNotice })) {
          if (item.kind === "rejected") {
            await reject(item);
            continue;
          }
          const meta = {
            id: item.id,
            title: item.title,
            source: item.source,
            url: item.url,
            publishedAt: item.publishedAt,
            byline: item.byline,
            paragraphCount: item.paragraphs.length,
            createdAt: Date.now(),
            contentHash: contentHash(item.title, item.paragraphs),
          };
          // Its place in the run is its place among the inputs, so a resumed run keeps the first one's order.
          const order = counts.documents + counts.repeated + 1;
          const outcome = await holding(() => deps.store.putDocument(runId, order, meta, item.paragraphs));
          if ("conflict" in outcome) {
            await reject({ source: item.source, reason: outcome.conflict });
            continue;
          }
          if (outcome.repeat) {
            // Already counted in the run (the store counts a document once per run): not again here.
            counts.repeated++;
            if (created) options.onNotice?.(item.source, `the same document as an earlier input of this run (${item.id}): taken once`);
          } else {
            counts.documents++;
            counts.paragraphs += item.paragraphs.length;
            if (outcome.known) counts.alreadyKnown++;
          }
          // A repeat may still lack its jobs: the producer before crashed after attaching it.
          if (outcome.known || plannedIds.has(item.id)) continue;
          plannedIds.add(item.id);
          const partition = deps.store.keys.partitionOf(item.id);
          for (const job of documentJobs(partition, item.id, item.paragraphs)) {
            planned.push(job);
            if (planned.length >= batchJobs) await flush();
          }
          completeDocs.push(item.id);
          if (planned.length >= batchJobs) await flush();
        }
        await flush();
        // finishEnqueue takes the lease out; the store refuses it, too, for a run deleted meanwhile.
        lease.stop();
        await withRedisRetry(() => deps.store.finishEnqueue(runId, producer.id, clock()));
      } finally {
        lease.stop();
      }
      options.onProgress?.({ ...counts });
      return counts;
    },
  };
}

/** The producer API. */
export type Producer = ReturnType<typeof createProducer>;
