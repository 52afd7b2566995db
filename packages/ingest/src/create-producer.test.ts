import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { type Deployment, deleteRun } from "@newsflow/queue";
import { openTestDeployment } from "@newsflow/queue/testing";
import { RunDeletingError, type Store } from "@newsflow/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentHash, createProducer, newRunId } from "./create-producer.js";

describe("createProducer helpers", () => {
  it("generates run ids BullMQ accepts", () => {
    expect(newRunId()).toMatch(/^run-\d{8}T\d{6}-[0-9a-f]{6}$/);
  });

  it("gives changed content another hash, and the same content the same one", () => {
    const p = (text: string) => [{ index: 0, start: 0, end: text.length, text }];
    expect(contentHash("T", p("A."))).toBe(contentHash("T", p("A.")));
    expect(contentHash("T", p("A."))).not.toBe(contentHash("T", p("B.")));
    expect(contentHash("T", p("A."))).not.toBe(contentHash(null, p("A.")));
  });
});

describe("a producer meeting a document its run already holds, on a real Redis", () => {
  let deployment: Deployment;
  let dir: string;
  const a = () => join(dir, "a.txt");
  const b = () => join(dir, "sub", "b.txt");
  beforeAll(async () => {
    deployment = await openTestDeployment(process.env);
    dir = mkdtempSync(join(tmpdir(), "newsflow-producer-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(a(), "Flood warning\n\nThe river rose overnight.\n\nRoads were closed.");
    writeFileSync(b(), "Port strike\n\nDockworkers walked out on Monday.");
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await deployment?.close();
  });
  /** Jobs waiting in the summarize queue (no worker runs here). */
  const waiting = () => deployment.queues[0]!.summarize.getWaitingCount();

  it("does not count a resumed run's documents again, and says how many it met", async () => {
    const producer = createProducer(deployment);
    const first = await producer.run({ runId: "resumed", inputs: [a()] });
    expect(first).toMatchObject({ documents: 1, paragraphs: 2, repeated: 0 });
    const jobs = await waiting();

    // Again with the same id: a.txt is in the run (and given twice), b.txt is new.
    const notices: string[] = [];
    const again = await producer.run({ runId: "resumed", inputs: [a(), a(), b()], onNotice: (_, message) => notices.push(message) });
    expect(again).toMatchObject({ documents: 1, paragraphs: 1, repeated: 2, alreadyKnown: 0 });
    // The producers' counts add up to the run's, and nothing of a.txt was enqueued again.
    const run = await deployment.store.getRun("resumed");
    expect(run).toMatchObject({ documents: first.documents + again.documents, paragraphs: first.paragraphs + again.paragraphs });
    expect(await waiting()).toBe(jobs + 1);
    // A resumed run meets its documents again by design: no line each.
    expect(notices).toEqual([]);
    // Its documents keep the order of the inputs.
    expect((await deployment.store.listRunDocuments("resumed")).documents.map((d) => d.source)).toEqual([a(), b()]);
  });

  it("refuses the run ids '.' and '..' before writing anything", async () => {
    for (const runId of [".", ".."]) {
      await expect(createProducer(deployment).run({ runId, inputs: [a()] })).rejects.toThrow(`invalid run id '${runId}'`);
      expect(await deployment.store.getRun(runId)).toBeNull();
    }
  });

  it("takes a file given again inside a folder once in a new run, with one line", async () => {
    const notices: string[] = [];
    const counts = await createProducer(deployment).run({ runId: "folder-and-file", inputs: [dir, b()], onNotice: (source, message) => notices.push(`${source}: ${message}`) });
    expect(counts).toMatchObject({ documents: 2, paragraphs: 3, repeated: 1 });
    expect(notices).toEqual([expect.stringMatching(new RegExp(`^${b()}: the same document as an earlier input of this run \\(doc-[0-9a-f]+\\): taken once$`))]);
    expect(await deployment.store.getRun("folder-and-file")).toMatchObject({ documents: 2, paragraphs: 3 });
  });
});

describe("a producer whose run is deleted while it adds to it, on a real Redis", () => {
  let deployment: Deployment;
  beforeAll(async () => {
    deployment = await openTestDeployment(process.env);
  });
  afterAll(async () => {
    await deployment?.close();
  });
  /** A JSONL line of stdin: one document. */
  const line = (id: string, text: string) => `${JSON.stringify({ id, title: id, text })}\n`;
  const refusal = (runId: string) => new RunDeletingError(`run '${runId}' was deleted while this producer was adding to it: it stopped and wrote nothing more (run the inputs again for a new run)`);
  /** The store's keys (not the queues') that name `name`: a run's, or its documents'. */
  async function storeKeys(name: string): Promise<string[]> {
    const keys = await deployment.redis.keys(`{${deployment.keys.name}*`);
    return keys.filter((key) => key.includes(":store:") && key.includes(name));
  }
  /**
   * A producer of run `runId` reading JSONL from a stdin the test writes (with the clock and lease
   * of `options`), a promise that resolves once it has stored its first document, and one that
   * resolves with the first refusal of a renewal of its lease.
   */
  function startProducer(runId: string, options: { clock?: () => number; leaseMs?: number } = {}) {
    const stdin = new PassThrough();
    let stored: () => void = () => undefined;
    const firstStored = new Promise<void>((resolve) => (stored = resolve));
    let refused: (err: unknown) => void = () => undefined;
    const renewalRefused = new Promise<unknown>((resolve) => (refused = resolve));
    const store: Store = {
      ...deployment.store,
      putDocument: async (...args: Parameters<Store["putDocument"]>) => {
        const outcome = await deployment.store.putDocument(...args);
        stored();
        return outcome;
      },
      renewProducer: (...args: Parameters<Store["renewProducer"]>) =>
        deployment.store.renewProducer(...args).catch((err: unknown) => {
          refused(err);
          throw err;
        }),
    };
    const running = createProducer({ ...deployment, store, ...options }).run({ runId, inputs: ["-"], stdin });
    // Looked at by the test once it has deleted the run; a rejection before then is not unhandled.
    running.catch(() => undefined);
    return { stdin, firstStored, renewalRefused, running };
  }
  /** What `newsflow runs delete` does to the run once the producer's lease has lapsed (the deletion's clock is past it). */
  async function deleteLapsedRun(runId: string): Promise<void> {
    expect(await deployment.store.markRunDeleting(runId, Date.now() + 60_000)).toBe("marked");
    expect(await deployment.store.deleteRun(runId)).toMatchObject({ documents: 1, deleted: 1 });
  }

  it("stops with the deletion as its error when the run was deleted before it finished, and brings back no key of the run", async () => {
    const { stdin, firstStored, running } = startProducer("gone-at-end");
    stdin.write(line("gone-at-end-doc", "The river rose overnight."));
    await firstStored;
    await deleteLapsedRun("gone-at-end");
    // The producer then marks its document enqueued and finishes the run.
    stdin.end();
    await expect(running).rejects.toThrow(refusal("gone-at-end"));
    expect(await storeKeys("gone-at-end")).toEqual([]);
  });

  it("stops at a rejected input once its run was deleted, recording nothing of it", async () => {
    const { stdin, firstStored, running } = startProducer("gone-at-reject");
    stdin.write(line("gone-at-reject-doc", "The river rose overnight."));
    await firstStored;
    await deleteLapsedRun("gone-at-reject");
    stdin.end("not json\n");
    await expect(running).rejects.toThrow(refusal("gone-at-reject"));
    expect(await storeKeys("gone-at-reject")).toEqual([]);
  });

  it("renews its lease before writing once it stalled past it, and stops there, writing nothing of its next document, when its run was deleted meanwhile", async () => {
    // The producer's clock starts a minute back: its lease (15 s) has lapsed by the time of the
    // deletion, which reads the real time.
    let now = Date.now() - 60_000;
    const { stdin, firstStored, running } = startProducer("stalled", { clock: () => now });
    stdin.write(line("stalled-doc-1", "The river rose overnight."));
    await firstStored;
    // In the order of the race: the producer stalls, `newsflow runs delete` finds no live lease
    // and deletes the run, then the producer wakes and reads its next document.
    expect(await deleteRun(deployment, "stalled")).toMatchObject({ run: "stalled", documents: 1, deleted: 1 });
    now = Date.now();
    stdin.end(line("stalled-doc-2", "Roads were closed."));
    await expect(running).rejects.toThrow(refusal("stalled"));
    expect(await storeKeys("stalled")).toEqual([]);
  });

  it("stops adding documents once a renewal of its lease is refused", async () => {
    // Its clock stands still, so the producer sees its lease as fresh and leaves the renewals to
    // their timer (every 100 ms); the deletion's clock is past the lease.
    const now = Date.now();
    const { stdin, firstStored, renewalRefused, running } = startProducer("refused", { clock: () => now, leaseMs: 300 });
    stdin.write(line("refused-doc-1", "The river rose overnight."));
    await firstStored;
    expect(await deployment.store.markRunDeleting("refused", now + 1000)).toBe("marked");
    expect(await renewalRefused).toEqual(refusal("refused"));
    // A document that comes after the refusal is not written, and the deletion ends with no key of the run left.
    stdin.end(line("refused-doc-2", "Roads were closed."));
    await expect(running).rejects.toThrow(refusal("refused"));
    expect(await deployment.store.deleteRun("refused")).toMatchObject({ documents: 1, deleted: 1 });
    expect(await storeKeys("refused")).toEqual([]);
  });
});
