import { RunDeletingError, type Store } from "@newsflow/store";
import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis, type RedisClient } from "./connection.js";
import { deleteRun } from "./delete-run.js";
import type { Deployment } from "./deployment.js";
import { RunBusyError } from "./errors.js";
import { addPlannedJobs, documentJobs } from "./pipeline.js";
import { openTestDeployment } from "./testing.js";

const producer = { id: "p1", leaseMs: 60_000 };
const texts = ["Croft said the port is closed.", "The council met on Monday."];
const paragraphs = texts.map((text, index) => ({ index, start: index * 40, end: index * 40 + text.length, text }));
const meta = (id: string) => ({ id, title: null, source: `${id}.txt`, url: null, publishedAt: null, paragraphCount: paragraphs.length, createdAt: 1, contentHash: id });

// A real Redis (REDIS_URL, else the local one); each test a deployment of its own, with two partitions.
describe("deleting a run with its jobs", () => {
  let d: Deployment;
  let blocking: RedisClient;
  const workers: Worker[] = [];

  beforeAll(() => {
    blocking = createRedis({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" }, { blocking: true });
  });
  afterAll(async () => {
    for (const w of workers) await w.close(true);
    await d?.close();
    blocking.disconnect();
  });

  /** Store a document in a run and queue its paragraph jobs (no worker takes them). */
  async function queuedDocument(runId: string, docId: string): Promise<void> {
    await d.store.putDocument(runId, 1, meta(docId), paragraphs);
    await addPlannedJobs(d.queues, [...documentJobs(d.keys.partitionOf(docId), docId, paragraphs)]);
    await d.store.markEnqueued([docId]);
  }

  /** Take the next job of a queue of a document's partition as a worker does (active, locked by `token`). */
  async function takeJob(queue: "summarize" | "document", docId: string, token: string) {
    const worker = new Worker(queue, null, { connection: blocking, prefix: d.keys.partitionPrefixes[d.keys.partitionOf(docId)] });
    workers.push(worker);
    const job = await worker.getNextJob(token, { block: false });
    expect(job?.data).toMatchObject({ docId });
    return job!;
  }

  /** Every key of the deployment, BullMQ's included. */
  const allKeys = async () => d.redis.keys(`{${d.keys.name}*`);

  it("refuses while a producer adds to the run or its jobs are queued or running, in one line, and changes nothing", async () => {
    d = await openTestDeployment(process.env, 2);
    await d.store.createRun("busy", ["x"], producer);
    await expect(deleteRun(d, "busy", { force: true })).rejects.toThrow(
      new RunBusyError("a producer is still adding documents to run 'busy': let it finish, or stop it (its lease ends 15 s later), then delete the run"),
    );
    await queuedDocument("busy", "busy-doc");
    await d.store.finishEnqueue("busy", producer.id);
    const running = await takeJob("summarize", "busy-doc", "token-1");
    const before = (await allKeys()).sort();
    await expect(deleteRun(d, "busy")).rejects.toThrow(
      new RunBusyError("run 'busy' still has 2 queued jobs and 1 active job: wait until it completes ('newsflow status busy'), or delete it anyway with --force (its waiting jobs are removed)"),
    );
    expect((await allKeys()).sort()).toEqual(before);
    expect(await running.getState()).toBe("active");
    expect(await deleteRun(d, "no-such-run")).toBeNull();
    await d.close();
  });

  describe("while a producer comes to the run (`newsflow run --run-id RUN`)", () => {
    const late = { id: "p2", leaseMs: 60_000 };
    /** Run `runId` with a document whose work is done, and no producer. */
    async function finishedRun(runId: string): Promise<void> {
      await d.store.createRun(runId, ["x"], producer);
      await d.store.putDocument(runId, 1, meta(`${runId}-doc`), paragraphs);
      await d.store.finishEnqueue(runId, producer.id);
    }

    it("is refused when the producer takes its lease right after the deletion's check for leases, and the producer's work stays", async () => {
      d = await openTestDeployment(process.env, 2);
      await finishedRun("joined");
      // The producer joins and adds a document between that check and the rest of the deletion.
      const store: Store = {
        ...d.store,
        liveProducers: async (runId: string, now?: number) => {
          const live = await d.store.liveProducers(runId, now);
          await d.store.createRun(runId, ["late"], late);
          await d.store.putDocument(runId, 2, meta("joined-late"), paragraphs);
          return live;
        },
      };
      await expect(deleteRun({ ...d, store }, "joined")).rejects.toThrow(
        new RunBusyError("a producer is still adding documents to run 'joined': let it finish, or stop it (its lease ends 15 s later), then delete the run"),
      );
      expect(await d.store.getRun("joined")).toMatchObject({ status: "enqueuing", documents: 2 });
      expect(await d.store.documentRuns("joined-late")).toEqual(["joined"]);
      // The deletion left no mark: the producer finishes as ever, and the run can be deleted then.
      await d.store.finishEnqueue("joined", late.id);
      expect(await deleteRun(d, "joined")).toMatchObject({ run: "joined", documents: 2, deleted: 2 });
      await d.close();
    });

    it("refuses the producer once the deletion has begun, so nothing of it outlives the run", async () => {
      d = await openTestDeployment(process.env, 2);
      await finishedRun("racing");
      // The producer comes while the store deletes the run, as the producer does: it joins the run
      // and adds a document, then (once the deletion is over) marks it enqueued and finishes.
      let refused: unknown = null;
      let joined = false;
      const store: Store = {
        ...d.store,
        deleteRun: async (runId: string) => {
          try {
            await d.store.createRun(runId, ["late"], late);
            await d.store.putDocument(runId, 2, meta("racing-late"), paragraphs);
            joined = true;
          } catch (err) {
            refused = err;
          }
          return d.store.deleteRun(runId);
        },
      };
      const deleted = await deleteRun({ ...d, store }, "racing");
      if (joined) {
        await d.store.markEnqueued(["racing-late"]);
        await d.store.finishEnqueue("racing", late.id);
      }
      expect(refused).toEqual(new RunDeletingError("run 'racing' is being deleted: use another run id, or wait until the deletion ends (one cut off is finished by 'newsflow runs delete racing')"));
      expect(deleted).toEqual({ run: "racing", documents: 1, deleted: 1, kept: 0, removedJobs: 0, activeJobs: 0 });
      expect((await allKeys()).filter((key) => key.includes("racing"))).toEqual([]);
      expect((await d.store.listRuns()).runs).toEqual([]);
      await d.close();
    });
  });

  it("with --force takes the run's waiting and failed jobs out of the queues and leaves no key of the run; another run and its jobs stay", async () => {
    d = await openTestDeployment(process.env, 2);
    const { store, queues, keys } = d;
    // Run 'gone': a document whose jobs wait, one whose document step failed for good, and one it shares with 'kept'.
    await store.createRun("gone", ["x"], producer);
    await queuedDocument("gone", "gone-waiting");
    await store.putDocument("gone", 2, meta("gone-failed"), paragraphs);
    const steps = queues[keys.partitionOf("gone-failed")]!.document;
    await steps.add("document", { docId: "gone-failed" }, { jobId: "gone-failed" });
    await (await takeJob("document", "gone-failed", "token-2")).moveToFailed(new Error("assembly exploded"), "token-2");
    await store.putDocumentFailure("gone-failed", "assembly exploded");
    await queuedDocument("gone", "both");
    await store.finishEnqueue("gone", producer.id);
    await store.createRun("kept", ["y"], producer);
    await queuedDocument("kept", "kept-doc");
    await store.putDocument("kept", 2, meta("both"), paragraphs);
    await store.finishEnqueue("kept", producer.id);
    expect(new Set(["gone-waiting", "gone-failed", "both", "kept-doc"].map((id) => keys.partitionOf(id))).size).toBe(2);
    const keptJobs = ["kept-doc-0-2", "both-0-2"].map((id) => [queues[keys.partitionOf(id.slice(0, -4))]!.summarize, id] as const);

    expect(await deleteRun(d, "gone", { force: true })).toEqual({ run: "gone", documents: 3, deleted: 2, kept: 1, removedJobs: 4, activeJobs: 0 });
    expect((await allKeys()).filter((key) => key.includes("gone"))).toEqual([]);
    expect(await store.getRun("gone")).toBeNull();
    // The other run, the document it shares and their jobs are as they were.
    expect(await Promise.all(keptJobs.map(([queue, id]) => queue.getJobState(id)))).toEqual(["waiting", "waiting"]);
    expect(await store.getRun("kept")).toMatchObject({ documents: 2, paragraphs: 4 });
    expect((await store.listRunDocuments("kept")).documents.map((doc) => doc.id)).toEqual(["kept-doc", "both"]);
    expect(await store.documentRuns("both")).toEqual(["kept"]);
  });
});
