import type { CanonicalEntity, DocumentResult, ResolvedQuote } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { RunDeletingError, type Store } from "./create-store.js";
import { testStores } from "./test-stores.fixture.js";

// A real Redis; every test has deployment names of its own.
const PARTITIONS = 3;
const stores = testStores("delete-test", process.env.REDIS_URL);
const { redis } = stores;
const freshStore = (): Store => stores.freshStore(PARTITIONS);

const producer = { id: "p1", leaseMs: 60_000 };
const summary = { sentences: [], summary: [], short: "", keyPhrases: [] };
const text = "Mayor Croft told Hale the port is closed.";
const paragraphs = [
  { index: 0, start: 0, end: text.length, text },
  { index: 1, start: text.length + 2, end: 2 * text.length + 2, text },
];
const meta = (id: string) => ({ id, title: `Story ${id}`, source: `${id}.txt`, url: null, publishedAt: null, paragraphCount: 2, createdAt: 100, contentHash: id });
const entity = (id: string, name: string, aliases: string[] = []): CanonicalEntity => ({ id, name, type: "PER", aliases, mentions: [{ paragraphIndex: 0, start: 6, end: 11, text: name }] });
const CROFT = entity("per-croft", "Croft", ["Mayor Croft"]);
const HALE = entity("per-hale", "Hale");
/** Hale as the first document of a partition names him: his record there keeps the name words "hale" and "councillor". */
const COUNCILLOR_HALE = entity("per-hale", "Hale", ["Councillor Hale"]);
const quoteBy = (speakerEntityId: string): ResolvedQuote => ({
  content: { start: 17, end: 40, text: "the port is closed" },
  source: null,
  cue: null,
  kind: "indirect",
  confidence: 0.9,
  opensAcross: false,
  closesAcross: false,
  paragraphIndex: 0,
  speaker: null,
  speakerEntityId,
  resolution: "named",
});

/** Document `docId` in run `runId`, its tasks and its step done; its result names `entities` and quotes `speakers`. */
async function doneDocument(store: Store, runId: string, docId: string, entities: CanonicalEntity[], speakers: string[] = []): Promise<void> {
  await store.putDocument(runId, 1, meta(docId), paragraphs);
  await store.markEnqueued([docId], 500);
  await store.putParagraphResults(docId, "summarize", [[0, summary], [1, summary]]);
  await store.putParagraphResults(docId, "entities", [[0, { mentions: [] }], [1, { mentions: [] }]]);
  await store.putParagraphResults(docId, "quotes", [[0, { quotes: [] }], [1, { quotes: [] }]]);
  const result: DocumentResult = { docId, summary: { sentences: [], text: "" }, entities, quotes: speakers.map(quoteBy), missing: [], completedAt: 5 };
  await store.putDocumentResult(result);
}

/** Run `other`: two done documents, one of them `shared` (which run `doomed` holds too when it exists), and a rejected input. */
async function fillOther(store: Store): Promise<void> {
  await store.createRun("other", ["other-inputs"], producer, 2000);
  await doneDocument(store, "other", "shared", [CROFT]);
  await doneDocument(store, "other", "other-doc", [CROFT], ["per-croft"]);
  await store.addRejection("other", { source: "other.pdf", reason: "not a supported file type" });
  await store.finishEnqueue("other", producer.id, 3000);
}

/** Every key of a deployment (as SCAN finds them) with its value, partition tags and name written alike, times of day left out. */
async function snapshot(store: Store): Promise<Record<string, unknown>> {
  const { keys } = store;
  const rename = (key: string) => keys.partitionPrefixes.reduce((k, tag, i) => k.replaceAll(tag, `{P${i}}`), key.replaceAll(`{${keys.name}}`, "{G}"));
  const found = await scanKeys(store);
  const out: Record<string, unknown> = {};
  for (const key of found.sort()) {
    const type = await redis.type(key);
    let value: unknown;
    if (type === "hash") value = Object.fromEntries(Object.entries(await redis.hgetall(key)).filter(([f]) => f !== "lastAt" && f !== "failedAt"));
    else if (type === "zset") value = await redis.zrange(key, 0, -1, "WITHSCORES");
    else if (type === "list") value = await redis.lrange(key, 0, -1);
    else if (type === "set") value = (await redis.smembers(key)).sort();
    else value = await redis.get(key);
    out[rename(key)] = value;
  }
  return out;
}

/** Every key of a deployment, by SCAN (the global slot's and every partition's). */
async function scanKeys(store: Store): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `{${store.keys.name}*`, "COUNT", 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== "0");
  return found;
}

describe("deleting a run on a real Redis", () => {
  /** A deployment with run `doomed` (done, failed and pending documents, one shared with `other`, rejections) and run `other`. */
  async function withDoomedRun(): Promise<Store> {
    const store = freshStore();
    await store.createRun("doomed", ["doomed-inputs"], producer, 1000);
    await doneDocument(store, "doomed", "doomed-done", [COUNCILLOR_HALE, CROFT], ["per-hale", "per-croft"]);
    // In the same partition, deleted after it: the last of the partition to name Hale, without "councillor".
    await doneDocument(store, "doomed", "doomed-later", [HALE]);
    await doneDocument(store, "doomed", "shared", [CROFT]);
    // A document whose step failed for good, and one still in progress with a failed paragraph task.
    await store.putDocument("doomed", 2, meta("doomed-failed"), paragraphs);
    await store.putParagraphResults("doomed-failed", "summarize", [[0, summary]]);
    await store.putDocumentFailure("doomed-failed", "assembly exploded");
    await store.putDocument("doomed", 3, meta("doomed-pending"), paragraphs);
    await store.putParagraphFailures("doomed-pending", "quotes", [[1, { reason: "boom", attempts: 3 }]]);
    await store.addRejection("doomed", { source: "bad.bin", reason: "binary" });
    await store.finishEnqueue("doomed", producer.id, 1500);
    await fillOther(store);
    return store;
  }

  it("leaves no key of the run or of its own documents, and exactly what a deployment that never had the run holds", async () => {
    const store = await withDoomedRun();
    const ids = ["doomed-done", "doomed-later", "doomed-failed", "doomed-pending", "shared", "other-doc"];
    expect(ids.map((id) => store.keys.partitionOf(id))).toEqual([2, 2, 1, 0, 1, 1]);
    expect(await store.topEntities()).toMatchObject({ entities: [{ id: "per-croft", mentions: 3 }, { id: "per-hale", mentions: 2 }] });

    expect(await store.deleteRun("doomed")).toEqual({ documents: 5, deleted: 4, kept: 1 });

    const left = await scanKeys(store);
    expect(left.filter((key) => /doomed|per-hale/.test(key))).toEqual([]);
    expect(await store.getRun("doomed")).toBeNull();
    expect(await redis.zrange(store.keys.runs(), 0, -1)).toEqual(["other"]);
    // The corpus lists and the entity index no longer name the run's documents nor Hale, whom only they named.
    expect((await store.listDocuments()).documents.map((d) => d.id).sort()).toEqual(["other-doc", "shared"]);
    expect(await store.entityDocuments("per-croft")).toEqual({ total: 2, documents: [{ docId: "other-doc", mentions: 1 }, { docId: "shared", mentions: 1 }] });
    expect(await store.speakerDocuments("per-croft")).toEqual({ total: 1, documents: [{ docId: "other-doc", quotes: 1 }] });
    expect(await store.topEntities()).toEqual({ total: 1, entities: [{ id: "per-croft", name: "Croft", type: "PER", mentions: 2 }] });
    expect(await store.getEntity("per-hale")).toBeNull();
    expect(await store.searchEntities("hale")).toEqual([]);
    const names = await Promise.all([0, 1, 2].map((p) => redis.zrange(store.keys.entityNames(p), 0, -1)));
    expect(names.flat().filter((n) => n.endsWith("\u0000per-hale"))).toEqual([]);
    expect((await store.searchEntities("cro")).map((e) => e.id)).toEqual(["per-croft"]);

    // The other run and the document it shares are as they would be had the run never existed.
    const never = freshStore();
    await fillOther(never);
    expect(await snapshot(store)).toEqual(await snapshot(never));
  });

  it("can be called again after a deletion cut off, and then finds nothing more to do", async () => {
    const store = await withDoomedRun();
    // Cut off after its documents (as a process killed then would leave it): the run's record,
    // document list and counts are still there, and so the run in the list.
    const { keys } = store;
    const cutOff = [keys.run("doomed"), keys.runDocs("doomed"), keys.runRejected("doomed"), ...[0, 1, 2].map((p) => keys.runCounts(p, "doomed"))];
    const saved = await Promise.all(cutOff.map((key) => redis.dumpBuffer(key)));
    expect(await store.deleteRun("doomed")).toEqual({ documents: 5, deleted: 4, kept: 1 });
    for (const [i, key] of cutOff.entries()) if (saved[i]) await redis.restore(key, 0, saved[i]!);
    await redis.zadd(keys.runs(), 1000, "doomed");
    expect((await store.listRuns()).runs.map((r) => r.id)).toEqual(["other", "doomed"]);
    expect(await store.deleteRun("doomed")).toEqual({ documents: 5, deleted: 4, kept: 1 });
    expect((await scanKeys(store)).filter((key) => key.includes("doomed"))).toEqual([]);
    expect((await store.listRuns()).runs.map((r) => r.id)).toEqual(["other"]);
  });

  it("lets no late write of a job of a deleted document bring its keys back", async () => {
    const store = await withDoomedRun();
    await store.deleteRun("doomed");
    const after = await snapshot(store);
    // What a job that was active during the deletion writes when it finishes, or fails for good.
    expect(await store.putParagraphResults("doomed-pending", "quotes", [[0, { quotes: [] }]])).toBe(false);
    expect(await store.putParagraphFailures("doomed-pending", "entities", [[0, { reason: "late", attempts: 3 }]])).toBe(false);
    expect(await store.putDocumentResult({ docId: "doomed-done", summary: { sentences: [], text: "" }, entities: [HALE], quotes: [], missing: [], completedAt: 9 })).toBe(false);
    expect(await store.putDocumentFailure("doomed-failed", "late")).toBe(false);
    expect(await store.clearFailures("doomed-pending", [{ task: "quotes", index: 1 }])).toBe(0);
    expect(await snapshot(store)).toEqual(after);
  });

  it("refuses a producer that comes to a run once its deletion has begun, and begins no deletion while a producer holds a lease", async () => {
    const store = freshStore();
    const late = { id: "p2", leaseMs: 60_000 };
    await store.createRun("racing", ["x"], producer, 1000);
    await store.putDocument("racing", 1, meta("racing-doc"), paragraphs);
    await store.finishEnqueue("racing", producer.id, 1500);
    // In the order of the race: the deletion's first step, then `newsflow run --run-id racing`
    // taking its lease, then the rest of the deletion.
    expect(await store.markRunDeleting("racing")).toBe("marked");
    const before = await snapshot(store);
    const refusal = "run 'racing' is being deleted: use another run id, or wait until the deletion ends (one cut off is finished by 'newsflow runs delete racing')";
    await expect(store.createRun("racing", ["late"], late)).rejects.toThrow(new RunDeletingError(refusal));
    // Refused with nothing written: no lease, and so no producer writing into the run as it goes.
    expect(await snapshot(store)).toEqual(before);
    expect(await store.liveProducers("racing")).toBe(0);
    // A deletion cut off and run again marks the run again.
    expect(await store.markRunDeleting("racing")).toBe("marked");
    expect(await store.deleteRun("racing")).toEqual({ documents: 1, deleted: 1, kept: 0 });
    expect(await scanKeys(store)).toEqual([]);
    // Once the deletion has ended, the id is free: a new run.
    expect(await store.createRun("racing", ["again"], producer, 2000)).toBe(true);
    // The other order: a producer holding a live lease first. The deletion does not begin (the
    // run is not marked), and more producers may still join the run.
    expect(await store.markRunDeleting("racing", 2001)).toBe("busy");
    expect(await store.createRun("racing", ["late"], late, 2002)).toBe(false);
    expect(await store.liveProducers("racing", 2003)).toBe(2);
    expect(await store.markRunDeleting("no-such-run")).toBe("missing");
  });

  it("reads a run whose deletion began with the time it began (deletingAt), kept when the deletion is run again, and any other run with null", async () => {
    const store = freshStore();
    await store.createRun("cut-off", ["x"], producer, 1000);
    await store.finishEnqueue("cut-off", producer.id, 1500);
    expect(await store.getRun("cut-off")).toMatchObject({ status: "completed", deletingAt: null });
    expect(await store.markRunDeleting("cut-off", 4000)).toBe("marked");
    expect(await store.getRun("cut-off")).toMatchObject({ status: "completed", deletingAt: 4000 });
    expect(await store.markRunDeleting("cut-off", 5000)).toBe("marked");
    expect((await store.listRuns()).runs.map((r) => [r.id, r.deletingAt])).toEqual([["cut-off", 4000]]);
  });

  it("writes nothing more for a producer whose lease lapsed and whose run was then marked or deleted", async () => {
    const store = freshStore();
    const lapsed = { id: "p2", leaseMs: 1000 };
    await store.createRun("lapsed", ["x"], lapsed, 1000);
    await store.putDocument("lapsed", 1, meta("lapsed-doc"), paragraphs);
    // The producer stalls past its lease (it ends at 2000); the deletion begins at 5000.
    expect(await store.markRunDeleting("lapsed", 5000)).toBe("marked");
    const refusal = new RunDeletingError("run 'lapsed' was deleted while this producer was adding to it: it stopped and wrote nothing more (run the inputs again for a new run)");
    const rejection = { source: "bad.bin", reason: "binary" };
    // The producer wakes while the run is marked: refused, nothing written.
    const marked = await snapshot(store);
    await expect(store.addRejection("lapsed", rejection)).rejects.toThrow(refusal);
    await expect(store.finishEnqueue("lapsed", lapsed.id, 5001)).rejects.toThrow(refusal);
    expect(await snapshot(store)).toEqual(marked);
    expect(await store.deleteRun("lapsed")).toEqual({ documents: 1, deleted: 1, kept: 0 });
    // ...or once the run is gone: no key of the run or of its document comes back (a record
    // holding only enqueuedAt or rejected, a document hash holding only enqueuedAt).
    await store.markEnqueued(["lapsed-doc"], 5002);
    await expect(store.addRejection("lapsed", rejection)).rejects.toThrow(refusal);
    await expect(store.finishEnqueue("lapsed", lapsed.id, 5003)).rejects.toThrow(refusal);
    expect(await scanKeys(store)).toEqual([]);
  });

  it("refuses to renew the lease of a producer that stalled past it while its run was marked or deleted", async () => {
    const store = freshStore();
    const stalled = { id: "p2", leaseMs: 1000 };
    await store.createRun("stalled", ["x"], stalled, 1000);
    await store.renewProducer("stalled", stalled, 1500);
    expect(await store.liveProducers("stalled", 2000)).toBe(1);
    // In the order of the race: the producer stalls past its lease (it ends at 2500), the deletion
    // finds no live lease and marks the run, then the producer's renewal comes.
    expect(await store.markRunDeleting("stalled", 5000)).toBe("marked");
    const marked = await snapshot(store);
    const refusal = new RunDeletingError("run 'stalled' was deleted while this producer was adding to it: it stopped and wrote nothing more (run the inputs again for a new run)");
    await expect(store.renewProducer("stalled", stalled, 5001)).rejects.toThrow(refusal);
    // The lease is not revived: the run goes with no producer holding it.
    expect(await snapshot(store)).toEqual(marked);
    expect(await store.liveProducers("stalled", 5002)).toBe(0);
    expect(await store.deleteRun("stalled")).toEqual({ documents: 0, deleted: 0, kept: 0 });
    // Renewing after the deletion brings back no key either.
    await expect(store.renewProducer("stalled", stalled, 5003)).rejects.toThrow(refusal);
    expect(await scanKeys(store)).toEqual([]);
  });

  it("keeps a document another run took in after it, for that run alone, with its share of the index", async () => {
    const store = freshStore();
    await store.createRun("first", ["x"], producer, 1000);
    await doneDocument(store, "first", "shared", [CROFT]);
    await store.createRun("second", ["x"], producer, 2000);
    await store.putDocument("second", 1, meta("shared"), paragraphs);
    expect(await store.deleteRun("first")).toEqual({ documents: 1, deleted: 0, kept: 1 });
    expect(await store.documentRuns("shared")).toEqual(["second"]);
    expect(await redis.hget(store.keys.doc("shared"), "indexedRuns")).toBe("second");
    expect((await store.topEntities({ runId: "second" })).entities.map((e) => [e.id, e.mentions])).toEqual([["per-croft", 1]]);
    // A re-assembly later moves the share of the run that holds it, and no key of the deleted run comes back.
    await store.clearFailures("shared", []);
    await store.putDocumentResult({ docId: "shared", summary: { sentences: [], text: "" }, entities: [HALE], quotes: [], missing: [], completedAt: 6 });
    expect((await store.topEntities({ runId: "second" })).entities.map((e) => [e.id, e.mentions])).toEqual([["per-hale", 1]]);
    expect((await scanKeys(store)).filter((key) => key.includes("first"))).toEqual([]);
  });
});
