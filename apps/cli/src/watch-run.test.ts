import { type Deployment, deleteRun } from "@newsflow/queue";
import { openTestDeployment } from "@newsflow/queue/testing";
import { type RunRecord, STALLED_AFTER_MS } from "@newsflow/store";
import { afterEach, describe, expect, it } from "vitest";
import { RunDeletedError } from "./errors.js";
import { finalReport, progressLine, watchRun } from "./watch-run.js";

/** A completed run of one document and one paragraph, with `changes` on top. */
const run = (changes: Partial<RunRecord> = {}): RunRecord => ({
  id: "r1",
  status: "completed",
  createdAt: 0,
  enqueuedAt: 1,
  finishedAt: 2000,
  lastChangeAt: 2000,
  deletingAt: null,
  inputs: ["a.txt"],
  documents: 1,
  paragraphs: 1,
  rejected: 0,
  docsDone: 1,
  docsFailed: 0,
  tasks: { summarize: { done: 1, failed: 0 }, entities: { done: 1, failed: 0 }, quotes: { done: 1, failed: 0 } },
  ...changes,
});

describe("finalReport", () => {
  it("writes one rejected input and one failed paragraph in the singular", () => {
    const { ok, lines } = finalReport(run({ rejected: 1, tasks: { summarize: { done: 1, failed: 0 }, entities: { done: 0, failed: 1 }, quotes: { done: 1, failed: 0 } } }));
    expect(ok).toBe(false);
    expect(lines).toContain("  documents   1/1 done, 1 input rejected");
    expect(lines).toContain("  failed      entities 1 paragraph: see 'newsflow status r1', retry with 'newsflow retry r1'");
  });

  it("counts each task's failed paragraphs with its own noun", () => {
    const { lines } = finalReport(run({ documents: 3, paragraphs: 3, rejected: 2, tasks: { summarize: { done: 2, failed: 1 }, entities: { done: 1, failed: 2 }, quotes: { done: 3, failed: 0 } } }));
    expect(lines).toContain("  documents   1/3 done, 2 inputs rejected");
    expect(lines.find((l) => l.startsWith("  failed"))).toBe("  failed      summarize 1 paragraph, entities 2 paragraphs: see 'newsflow status r1', retry with 'newsflow retry r1'");
  });
});

describe("progressLine", () => {
  /** A running run of two paragraphs, one done by every task, whose counts last changed at 50 s. */
  const running = run({ status: "running", finishedAt: null, lastChangeAt: 50_000, documents: 1, docsDone: 0, paragraphs: 2 });

  it("ends with the time left while the run's counts keep changing", () => {
    expect(progressLine(running, 0, 50_000 + 1000)).toMatch(/ eta \d+s$/);
  });

  it("says stalled, not 'eta --', once the run's counts have not changed for STALLED_AFTER_MS (as the dashboard does)", () => {
    const line = progressLine(running, 0, 50_000 + STALLED_AFTER_MS + 1000);
    expect(line).toMatch(/ par\/s {2}stalled$/);
    expect(line).not.toContain("eta");
  });

  it("shows no ETA and no stall for a completed run", () => {
    expect(progressLine(run(), 0, 10 * STALLED_AFTER_MS)).toMatch(/ eta --$/);
  });
});

// A real Redis (REDIS_URL, else the local one); each test a deployment of its own, with two partitions.
describe("watchRun, when the run is deleted while it is watched", () => {
  const producer = { id: "p1", leaseMs: 60_000 };
  const text = "Croft said the port is closed.";
  let d: Deployment | undefined;
  afterEach(async () => {
    await d?.close();
    d = undefined;
  });

  /** Run "watched" of one document whose work is not done (no worker), its producer finished. */
  async function runningRun(): Promise<Deployment> {
    d = await openTestDeployment(process.env, 2);
    await d.store.createRun("watched", ["x"], producer);
    const meta = { id: "doc-1", title: null, source: "a.txt", url: null, publishedAt: null, paragraphCount: 1, createdAt: 1, contentHash: "doc-1" };
    await d.store.putDocument("watched", 1, meta, [{ index: 0, start: 0, end: text.length, text }]);
    await d.store.finishEnqueue("watched", producer.id);
    return d;
  }

  /** What the watch writes, chunk by chunk, as a terminal (`tty`) or a pipe would receive it. */
  function output(tty: boolean): { out: NodeJS.WriteStream; chunks: string[] } {
    const chunks: string[] = [];
    const out = { isTTY: tty, write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
    return { out, chunks };
  }

  /** Wait until `ready()` holds, polling every 10 ms for at most 3 s. */
  async function until(ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; !(await ready()); i++) {
      expect(i, what).toBeLessThan(300);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it("stops within a poll with a RunDeletedError, ending its progress line on a terminal and writing nothing more", async () => {
    const { store } = await runningRun();
    const { out, chunks } = output(true);
    const watching = watchRun(store, "watched", { out, intervalMs: 20 });
    const outcome = watching.then(
      () => "resolved",
      (err: unknown) => err,
    );
    await until(() => chunks.length > 0, "the watch draws its progress");
    const deletedAt = Date.now();
    expect(await deleteRun(d!, "watched", { force: true })).toMatchObject({ run: "watched", deleted: 1 });
    const err = await outcome;
    expect(Date.now() - deletedAt).toBeLessThan(1000);
    expect(err).toBeInstanceOf(RunDeletedError);
    expect((err as Error).message).toBe("run watched was deleted while it was being watched");
    // Redrawn progress, then a newline so the error's line starts on its own; the deletion may
    // have been seen half done, which is said once.
    expect(chunks.join("")).toMatch(/^(\r\x1b\[2K\[-+\] 0% {2}docs 0\/1 [^\n]*)+\n(newsflow: run watched is being deleted\n)?$/);
  });

  it("says once that the run is being deleted, shows no progress meanwhile nor reports it completed when its counts have gone, and stops once it is gone", async () => {
    const { store, keys, redis } = await runningRun();
    const { out, chunks } = output(false);
    let settled = false;
    const outcome = watchRun(store, "watched", { out, intervalMs: 20 }).then(
      () => "resolved",
      (err: unknown) => err,
    );
    void outcome.then(() => (settled = true));
    await until(() => chunks.length > 0, "the watch prints its progress");
    expect(chunks).toEqual([expect.stringMatching(/^0% {2}docs 0\/1 /)]);
    expect(await store.markRunDeleting("watched")).toBe("marked");
    await until(() => chunks.length > 1, "the watch says the run is being deleted");
    // A deletion that got as far as the run's counts (or was cut off there): the record is left,
    // and the run now reads as completed, with nothing in it.
    await redis.del(...Array.from({ length: keys.partitions }, (_, p) => keys.runCounts(p, "watched")));
    expect(await store.getRun("watched")).toMatchObject({ status: "completed", documents: 0 });
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);
    expect(chunks.slice(1)).toEqual(["newsflow: run watched is being deleted\n"]);
    await store.deleteRun("watched");
    expect(await outcome).toEqual(new RunDeletedError("watched"));
    expect(chunks.slice(1)).toEqual(["newsflow: run watched is being deleted\n"]);
  });

  it("says it even when quiet, and takes a run created anew under the id for the watched run deleted", async () => {
    const { store, keys, redis } = await runningRun();
    const { out, chunks } = output(false);
    const outcome = watchRun(store, "watched", { out, intervalMs: 20, quiet: true }).then(
      () => "resolved",
      (err: unknown) => err,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await store.markRunDeleting("watched")).toBe("marked");
    await until(() => chunks.length > 0, "the watch says the run is being deleted");
    // Deleted and created again between two polls: the record, in one step, is another run's.
    const created = Number(await redis.hget(keys.run("watched"), "createdAt"));
    await redis.multi().hset(keys.run("watched"), "createdAt", String(created + 1)).hdel(keys.run("watched"), "deletingAt").exec();
    expect(await outcome).toEqual(new RunDeletedError("watched"));
    expect(chunks).toEqual(["newsflow: run watched is being deleted\n"]);
  });
});
