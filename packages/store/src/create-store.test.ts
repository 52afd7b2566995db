import type { DocumentResult, ResolvedQuote } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { createStore, DeploymentMismatchError, type Store } from "./create-store.js";
import { createKeys, keyPatterns } from "./keys.js";
import { testStores } from "./test-stores.fixture.js";

// A real Redis; every test has a deployment name of its own.
const { redis, freshStore } = testStores("store-test", process.env.REDIS_URL);

const paragraphs = [
  { index: 0, start: 0, end: 10, text: "Para zero." },
  { index: 1, start: 12, end: 21, text: "Para one." },
];
const meta = (id: string, contentHash = "h1") => ({ id, title: "T", source: "t.txt", url: null, publishedAt: null, paragraphCount: 2, createdAt: 1, contentHash });
const entities = { mentions: [{ text: "Croft", type: "PER" as const, start: 0, end: 5, confidence: 0.9 }] };
const producer = { id: "p1", leaseMs: 60_000 };
const summary = { sentences: [], summary: [], short: "", keyPhrases: [] };

function documentResult(docId: string, entityName = "Croft"): DocumentResult {
  const id = `per-${entityName.toLowerCase()}`;
  return {
    docId,
    summary: { sentences: [], text: "" },
    entities: [{ id, name: entityName, type: "PER", aliases: [], mentions: [{ paragraphIndex: 0, start: 0, end: 5, text: entityName }] }],
    quotes: [],
    missing: [],
    completedAt: 5,
  };
}

/** A quote whose speaker the document step resolved (set speakerEntityId). */
const quote: ResolvedQuote = {
  content: { start: 12, end: 21, text: "Para one." },
  source: null,
  cue: null,
  kind: "direct",
  confidence: 0.9,
  opensAcross: false,
  closesAcross: false,
  paragraphIndex: 1,
  speaker: null,
  speakerEntityId: null,
  resolution: "unresolved",
};

/** Store every task's result for both paragraphs; returns whether the last write made the document due. */
async function finishParagraphs(store: Store, docId: string): Promise<boolean> {
  await store.putParagraphResults(docId, "summarize", [[0, summary], [1, summary]]);
  await store.putParagraphResults(docId, "entities", [[0, entities], [1, entities]]);
  return store.putParagraphResults(docId, "quotes", [[0, { quotes: [] }], [1, { quotes: [] }]]);
}

/** Run `runId` takes in document `docId`, whose tasks and document step then complete (its one entity: Croft). */
async function doneInRun(store: Store, runId: string, docId: string): Promise<void> {
  await store.createRun(runId, ["x"], producer);
  await store.putDocument(runId, 1, meta(docId), paragraphs);
  await store.markEnqueued([docId]);
  await finishParagraphs(store, docId);
  await store.putDocumentResult(documentResult(docId));
}

describe("the store on a real Redis", () => {
  it("counts a paragraph result once however often a retried job writes it", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    expect(await store.putDocument("r1", 1, meta("d1"), paragraphs)).toEqual({ known: false, repeat: false });
    for (let i = 0; i < 3; i++) await store.putParagraphResults("d1", "entities", [[0, entities]]);
    const run = await store.getRun("r1");
    expect(run!.tasks.entities).toEqual({ done: 1, failed: 0 });
    expect(await store.getParagraphResults("d1", "entities", [0, 1])).toEqual([entities, null]);
  });

  it("says the document step is due on the write that completes the document, and again when a crashed job repeats it", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    await store.putDocument("r1", 1, meta("d1"), paragraphs);
    await store.putParagraphResults("d1", "summarize", [[0, summary], [1, summary]]);
    expect(await store.putParagraphResults("d1", "entities", [[0, entities], [1, entities]])).toBe(false);
    expect(await store.putParagraphResults("d1", "quotes", [[0, { quotes: [] }], [1, { quotes: [] }]])).toBe(true);
    // The job that completed it died before enqueueing the step: its retry enqueues it.
    expect(await store.putParagraphResults("d1", "quotes", [[1, { quotes: [] }]])).toBe(true);
    await store.putDocumentResult(documentResult("d1"));
    expect(await store.putParagraphResults("d1", "quotes", [[1, { quotes: [] }]])).toBe(false);
  });

  it("completes a run when its producers have finished and every document is done, counting each once", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    await store.putDocument("r1", 1, meta("d1"), paragraphs);
    await finishParagraphs(store, "d1");
    expect((await store.getRun("r1"))!.status).toBe("enqueuing");
    expect(await store.finishEnqueue("r1", producer.id)).toBe("running");
    expect(await store.putDocumentResult(documentResult("d1"))).toBe(true);
    expect(await store.putDocumentResult(documentResult("d1"))).toBe(false);
    const run = await store.getRun("r1");
    expect(run).toMatchObject({ status: "completed", docsDone: 1, documents: 1, paragraphs: 2 });
    expect(await store.getEntity("per-croft")).toEqual({ id: "per-croft", name: "Croft", type: "PER", mentions: 1 });
    expect((await store.searchEntities("cro")).map((e) => e.id)).toEqual(["per-croft"]);
  });

  it("finds a name by the first letters of any of its words, whatever letter comes next", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    const names = ["Recep Tayyip Erdoğan", "Gdańsk", "Zoë Ødegård", "Li Keqiang 李克强", "Crofton"];
    for (const [i, name] of names.entries()) {
      await store.putDocument("r1", i + 1, meta(`d${i}`), paragraphs);
      await store.putDocumentResult({ ...documentResult(`d${i}`), entities: [{ id: `e${i}`, name, type: "PER", aliases: [], mentions: [{ paragraphIndex: 0, start: 0, end: 5, text: name }] }] });
    }
    const found = async (q: string) => (await store.searchEntities(q)).map((e) => e.name);
    // The letter after the prefix is outside Latin-1 (its UTF-8 sorts after "\xff" as a string).
    expect(await found("erdo")).toEqual(["Recep Tayyip Erdoğan"]);
    expect(await found("gda")).toEqual(["Gdańsk"]);
    expect(await found("李")).toEqual(["Li Keqiang 李克强"]);
    // As before: whole words, Latin-1 letters, several words, case.
    expect(await found("erdoğan")).toEqual(["Recep Tayyip Erdoğan"]);
    expect(await found("ØDEG")).toEqual(["Zoë Ødegård"]);
    expect(await found("li keq")).toEqual(["Li Keqiang 李克强"]);
    expect(await found("croft")).toEqual(["Crofton"]);
    expect(await found("zz")).toEqual([]);
  });

  it("keeps a run enqueuing while a second producer on it has not finished", async () => {
    const store = freshStore();
    await store.createRun("r1", ["a"], producer);
    await store.createRun("r1", ["b"], { id: "p2", leaseMs: 60_000 });
    await store.putDocument("r1", 1, meta("d1"), paragraphs);
    await finishParagraphs(store, "d1");
    await store.putDocumentResult(documentResult("d1"));
    expect(await store.finishEnqueue("r1", producer.id)).toBe("enqueuing");
    expect(await store.finishEnqueue("r1", "p2")).toBe("completed");
  });

  it("lets a run complete once a dead producer's lease has run out", async () => {
    const store = freshStore();
    await store.createRun("r1", ["a"], { id: "dead", leaseMs: 50 });
    await store.createRun("r1", ["a"], producer);
    expect(await store.finishEnqueue("r1", producer.id)).toBe("enqueuing");
    await new Promise((r) => setTimeout(r, 80));
    expect((await store.getRun("r1"))!.status).toBe("completed");
  });

  it("gives a producer that only stalled its lease back when it renews after its lease was cleared", async () => {
    const store = freshStore();
    const stalled = { id: "stalled", leaseMs: 1000 };
    await store.createRun("r1", ["a"], stalled, 1000);
    await store.createRun("r1", ["b"], producer, 1000);
    // The other producer finishes once the stalled one's lease has lapsed (at 2000): it is cleared.
    expect(await store.finishEnqueue("r1", producer.id, 5000)).toBe("completed");
    // The stalled producer comes back and renews: it holds the run again, which is enqueuing.
    await store.renewProducer("r1", stalled, 5001);
    expect(await store.liveProducers("r1", 5002)).toBe(1);
    expect(await store.finishEnqueue("r1", stalled.id, 5003)).toBe("completed");
  });

  it("attaches a document done before to a new run with its progress, without enqueueing it again", async () => {
    const store = freshStore();
    await doneInRun(store, "r1", "d1");
    await store.createRun("r2", ["x"], producer);
    expect(await store.putDocument("r2", 1, meta("d1"), paragraphs)).toEqual({ known: true, repeat: false });
    // The same document again in r2 (a second input with its content, or a resumed run).
    expect(await store.putDocument("r2", 2, meta("d1"), paragraphs)).toEqual({ known: true, repeat: true });
    expect(await store.finishEnqueue("r2", producer.id)).toBe("completed");
    expect((await store.getRun("r2"))!.tasks.entities.done).toBe(2);
  });

  it("indexes the entities of a document done before under a new run that takes it in, once, and re-indexes that run when the document is re-assembled", async () => {
    const store = freshStore();
    await doneInRun(store, "r1", "d1");
    await store.createRun("r2", ["x"], producer);
    await store.putDocument("r2", 1, meta("d1"), paragraphs);
    // A resumed run meets the document again: its entities count once.
    await store.putDocument("r2", 1, meta("d1"), paragraphs);
    const top = async (runId?: string) => (await store.topEntities({ runId })).entities.map((e) => [e.id, e.mentions]);
    expect(await top("r2")).toEqual([["per-croft", 1]]);
    expect((await store.topEntities({ runId: "r2" })).total).toBe(1);
    await store.clearFailures("d1", []);
    await store.putDocumentResult(documentResult("d1", "Abadi"));
    expect(await top("r1")).toEqual([["per-abadi", 1]]);
    expect(await top("r2")).toEqual([["per-abadi", 1]]);
    expect(await top()).toEqual([["per-abadi", 1]]);
  });

  it("says whether a run was created or joined, and whether the run already held a document", async () => {
    const store = freshStore();
    expect(await store.createRun("r1", ["a"], producer)).toBe(true);
    expect(await store.createRun("r1", ["a"], { id: "p2", leaseMs: 60_000 })).toBe(false);
    expect(await store.putDocument("r1", 1, meta("d1"), paragraphs)).toEqual({ known: false, repeat: false });
    expect(await store.putDocument("r1", 2, meta("d1"), paragraphs)).toEqual({ known: false, repeat: true });
    expect((await store.getRun("r1"))!.documents).toBe(1);
  });

  it("refuses other content under a known document id", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    await store.putDocument("r1", 1, meta("d1", "h1"), paragraphs);
    expect(await store.putDocument("r1", 2, meta("d1", "h2"), paragraphs)).toEqual({ conflict: expect.stringMatching(/already holds other content/) });
    expect((await store.getRun("r1"))!.documents).toBe(1);
  });

  it("records a paragraph failure once, not over a result, and a retry's result replaces it", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    await store.putDocument("r1", 1, meta("d1"), paragraphs);
    await store.putParagraphResults("d1", "entities", [[0, entities]]);
    await store.putParagraphFailures("d1", "quotes", [[1, { reason: "boom", attempts: 3 }]]);
    await store.putParagraphFailures("d1", "quotes", [[1, { reason: "boom", attempts: 3 }]]);
    await store.putParagraphFailures("d1", "entities", [[0, { reason: "late failure after a result", attempts: 3 }]]);
    expect((await store.getRun("r1"))!.tasks).toMatchObject({ quotes: { done: 0, failed: 1 }, entities: { done: 1, failed: 0 } });
    expect(await store.getParagraphFailures("d1")).toEqual({ "quotes:1": { reason: "boom", attempts: 3 } });
    await store.putParagraphResults("d1", "quotes", [[1, { quotes: [] }]]);
    expect((await store.getRun("r1"))!.tasks.quotes).toEqual({ done: 1, failed: 0 });
    expect(await store.getParagraphFailures("d1")).toEqual({});
  });

  it("counts a document whose step failed for good as failed, so its run completes, and a retry undoes it", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    await store.putDocument("r1", 1, meta("d1"), paragraphs);
    await finishParagraphs(store, "d1");
    await store.finishEnqueue("r1", producer.id);
    expect(await store.putDocumentFailure("d1", "assembly exploded")).toBe(true);
    expect(await store.putDocumentFailure("d1", "assembly exploded")).toBe(false);
    expect(await store.getRun("r1")).toMatchObject({ status: "completed", docsDone: 0, docsFailed: 1 });
    expect(await store.getDocument("d1")).toMatchObject({ status: "failed" });
    await store.clearFailures("d1", []);
    expect(await store.getRun("r1")).toMatchObject({ status: "running", docsFailed: 0 });
    await store.putDocumentResult(documentResult("d1"));
    expect(await store.getRun("r1")).toMatchObject({ status: "completed", docsDone: 1, docsFailed: 0 });
  });

  it("reindexes from their stored results the documents a run took in before done documents were indexed for it, once, leaving a right index as it is", async () => {
    const store = freshStore();
    await doneInRun(store, "r1", "d1");
    await store.createRun("r2", ["x"], producer);
    await store.putDocument("r2", 1, meta("d1"), paragraphs);
    // What the attach script left before it indexed a done document: no share in r2's index, r2 not in indexedRuns.
    await redis.del(store.keys.runEntities(0, "r2"));
    await redis.hset(store.keys.doc("d1"), "indexedRuns", "r1");
    // And a document completed before the index was kept per partition: no share anywhere, nothing recorded.
    await store.putDocument("r2", 2, meta("d2"), paragraphs);
    await finishParagraphs(store, "d2");
    await store.putDocumentResult({ ...documentResult("d2", "Abadi"), quotes: [{ ...quote, speakerEntityId: "per-abadi" }] });
    await redis.hdel(store.keys.doc("d2"), "indexed", "indexedRuns");
    await redis.del(store.keys.runEntities(0, "r2"), store.keys.entity(0, "per-abadi"), store.keys.entityDocs(0, "per-abadi"), store.keys.speakerDocs(0, "per-abadi"));
    await redis.zrem(store.keys.entitiesByType(0, "PER"), "per-abadi");
    await redis.zrem(store.keys.entityNames(0), "abadi\u0000per-abadi");
    // A document not done yet has nothing to index.
    await store.putDocument("r2", 3, meta("d3"), paragraphs);
    const top = async (runId?: string) => (await store.topEntities({ runId })).entities.map((e) => [e.id, e.mentions]);
    expect(await top("r2")).toEqual([]);
    expect(await top()).toEqual([["per-croft", 1]]);

    // Two documents a page: the run's three documents over two pages.
    expect(await store.reindexDocuments("r2", 2)).toEqual({ documents: 3, reindexed: 2, unchanged: 0, pending: 1 });
    expect(await top("r2")).toEqual([["per-abadi", 1], ["per-croft", 1]]);
    expect(await top("r1")).toEqual([["per-croft", 1]]);
    expect(await top()).toEqual([["per-abadi", 1], ["per-croft", 1]]);
    expect((await store.entityDocuments("per-abadi")).documents).toEqual([{ docId: "d2", mentions: 1 }]);
    expect((await store.speakerDocuments("per-abadi")).documents).toEqual([{ docId: "d2", quotes: 1 }]);
    expect((await store.searchEntities("aba")).map((e) => e.id)).toEqual(["per-abadi"]);
    // Again, over the whole corpus: nothing changes, nothing counts twice.
    expect(await store.reindexDocuments()).toEqual({ documents: 3, reindexed: 0, unchanged: 2, pending: 1 });
    expect(await top()).toEqual([["per-abadi", 1], ["per-croft", 1]]);
    // A document being retried (its completion cleared) is left to the completion that indexes it.
    await store.clearFailures("d1", []);
    expect(await store.reindexDocument("d1")).toBe("pending");
  });

  it("re-indexes a re-assembled document with what it found now, and a repeated write changes nothing", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    await store.putDocument("r1", 1, meta("d1"), paragraphs);
    await finishParagraphs(store, "d1");
    await store.putDocumentResult(documentResult("d1", "Croft"));
    await store.clearFailures("d1", []);
    await store.putDocumentResult(documentResult("d1", "Abadi"));
    await store.putDocumentResult(documentResult("d1", "Abadi"));
    expect((await store.topEntities({ runId: "r1" })).entities.map((e) => [e.id, e.mentions])).toEqual([["per-abadi", 1]]);
    expect((await store.topEntities()).entities.map((e) => e.id)).toEqual(["per-abadi"]);
    expect((await store.entityDocuments("per-abadi")).documents).toEqual([{ docId: "d1", mentions: 1 }]);
    expect((await store.entityDocuments("per-croft")).total).toBe(0);
  });

  it("stores the reconciled mentions of a document of 10,000 paragraphs", async () => {
    const store = freshStore();
    const many = Array.from({ length: 10_000 }, (_, index) => ({ index, start: 0, end: 1, text: "x" }));
    await store.createRun("r1", ["x"], producer);
    await store.putDocument("r1", 1, { ...meta("big"), paragraphCount: many.length }, many);
    await store.putDocumentResult(documentResult("big"), many.map((p) => [p.index, entities]));
    expect(await store.getEntities("big", [0, 9_999])).toEqual([entities, entities]);
  });

  it("counts a rejected input once, even when a resumed run meets it again", async () => {
    const store = freshStore();
    await store.createRun("r1", ["x"], producer);
    expect(await store.addRejection("r1", { source: "bad.bin", reason: "binary" })).toBe(true);
    expect(await store.addRejection("r1", { source: "bad.bin", reason: "binary" })).toBe(false);
    expect((await store.getRun("r1"))!.rejected).toBe(1);
    expect(await store.getRejections("r1")).toEqual([{ source: "bad.bin", reason: "binary" }]);
  });

  it("sums a run's counts over its partitions", async () => {
    const store = freshStore(4);
    await store.createRun("r1", ["x"], producer);
    const ids = ["a1", "b2", "c3", "d4", "e5", "f6"];
    for (const [i, id] of ids.entries()) await store.putDocument("r1", i, meta(id), paragraphs);
    expect(new Set(ids.map((id) => store.keys.partitionOf(id))).size).toBeGreaterThan(1);
    for (const id of ids) {
      await finishParagraphs(store, id);
      await store.putDocumentResult(documentResult(id));
    }
    expect(await store.finishEnqueue("r1", producer.id)).toBe("completed");
    expect(await store.getRun("r1")).toMatchObject({ documents: 6, paragraphs: 12, docsDone: 6, tasks: { quotes: { done: 12, failed: 0 } } });
    expect((await store.listRunDocuments("r1")).documents.map((d) => d.id)).toEqual(ids);
  });

  it("counts in listRuns only the runs that exist: an id whose record is gone leaves the index, and the page takes up the next run", async () => {
    const store = freshStore();
    for (let i = 0; i < 5; i++) await store.createRun(`r${i}`, ["x"], producer, 1000 + i);
    // Records deleted by hand (their ids still in the list's index): two on the first page, one past it.
    for (const id of ["r4", "r2", "r0"]) await redis.del(store.keys.run(id));
    const page = await store.listRuns(0, 2);
    expect([page.total, page.runs.map((r) => r.id)]).toEqual([2, ["r3", "r1"]]);
    expect(await redis.zrange(store.keys.runs(), 0, -1)).toEqual(["r1", "r3"]);
    expect(await store.listRuns(2, 2)).toEqual({ total: 2, runs: [] });
    // A run whose record is there again (resumed under its id) is listed again.
    await store.createRun("r2", ["x"], producer, 2000);
    expect((await store.listRuns(0, 20)).runs.map((r) => r.id)).toEqual(["r2", "r3", "r1"]);
  });

  it("refuses a partition count other than the deployment's", async () => {
    const store = freshStore(2);
    await store.ensureDeployment();
    await expect(createStore(redis, createKeys(store.keys.name, 3)).ensureDeployment()).rejects.toThrow(DeploymentMismatchError);
  });

  it("documents BullMQ's per-minute metrics list, which appears only when a run crosses a minute boundary", () => {
    // The cluster test found it: `{...}:entities:metrics:completed:data` matched no pattern.
    const keys = freshStore(2).keys;
    const patterns = keyPatterns(keys);
    for (const key of [`${keys.partitionPrefixes[1]}:entities:metrics:completed:data`, `${keys.partitionPrefixes[0]}:document:metrics:failed:data`]) {
      expect(patterns.some((p) => p.test(key))).toBe(true);
    }
    expect(patterns.some((p) => p.test(`${keys.partitionPrefixes[0]}:document:metrics:completed:other`))).toBe(false);
  });

  it("writes only keys of a documented pattern", async () => {
    const store = freshStore(2);
    await store.ensureDeployment();
    await store.createRun("r1", ["x"], producer);
    await store.putDocument("r1", 1, meta("d1"), paragraphs);
    await finishParagraphs(store, "d1");
    await store.putParagraphFailures("d1", "quotes", [[0, { reason: "x", attempts: 1 }]]);
    await store.addRejection("r1", { source: "s", reason: "r" });
    await store.putDocumentResult({ ...documentResult("d1"), quotes: [] }, [[0, entities]]);
    await store.finishEnqueue("r1", producer.id);
    const patterns = keyPatterns(store.keys);
    const keys = await redis.keys(`{${store.keys.name}*`);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => !patterns.some((p) => p.test(k)))).toEqual([]);
  });
});
