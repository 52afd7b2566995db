import { createRedis, hashTaggedPrefix, type RedisClient } from "@newsflow/queue";
import { createStore, type Store } from "@newsflow/store";
import type { DocumentResult } from "@newsflow/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis, uniquePrefix } from "../support/redis-server.js";

const paragraphs = [
  { index: 0, start: 0, end: 10, text: "Para zero." },
  { index: 1, start: 12, end: 21, text: "Para one." },
];
const meta = (id: string) => ({ id, title: "T", source: "t.txt", url: null, publishedAt: null, paragraphCount: 2, createdAt: 1 });
const entities = { mentions: [{ text: "Croft", type: "PER" as const, start: 0, end: 5, confidence: 0.9 }] };

function documentResult(docId: string): DocumentResult {
  return {
    docId,
    summary: { sentences: [], text: "" },
    entities: [{ id: "per-croft", name: "Croft", type: "PER", aliases: [], mentions: [{ paragraphIndex: 0, start: 0, end: 5, text: "Croft" }] }],
    quotes: [],
    missing: [],
    completedAt: 5,
  };
}

describe("the store on a real Redis", () => {
  let server: TestRedis;
  let redis: RedisClient;
  let store: Store;
  beforeAll(async () => {
    server = await startRedis();
    redis = createRedis({ url: server.url });
    store = createStore(redis, hashTaggedPrefix(uniquePrefix("store")));
  });
  afterAll(async () => {
    await redis.quit();
    await server.stop();
  });

  it("counts a paragraph result once however often a retried job writes it", async () => {
    await store.createRun("r1", ["x"]);
    expect(await store.putDocument("r1", 1, meta("d1"), paragraphs)).toBe(true);
    for (let i = 0; i < 3; i++) await store.putParagraphResult("d1", "entities", 0, entities);
    const run = await store.getRun("r1");
    expect(run!.tasks.entities).toEqual({ done: 1, failed: 0 });
    expect(await store.getParagraphResults("d1", "entities", [0, 1])).toEqual([entities, null]);
  });

  it("completes a run when its last document result is stored, and indexes entities once", async () => {
    await store.finishEnqueue("r1");
    expect((await store.getRun("r1"))!.status).toBe("running");
    expect(await store.putDocumentResult(documentResult("d1"))).toBe(true);
    expect(await store.putDocumentResult(documentResult("d1"))).toBe(false);
    const run = await store.getRun("r1");
    expect(run).toMatchObject({ status: "completed", docsDone: 1, documents: 1 });
    expect(await store.getEntity("per-croft")).toEqual({ id: "per-croft", name: "Croft", type: "PER", mentions: 1 });
    expect((await store.searchEntities("cro")).map((e) => e.id)).toEqual(["per-croft"]);
    expect(await store.searchEntities("zzz")).toEqual([]);
  });

  it("attaches a known document to a new run with its progress instead of asking to enqueue it again", async () => {
    await store.markEnqueued(["d1"]);
    await store.createRun("r2", ["x"]);
    expect(await store.putDocument("r2", 1, meta("d1"), paragraphs)).toBe(false);
    expect(await store.finishEnqueue("r2")).toBe("completed");
    expect((await store.getRun("r2"))!.tasks.entities.done).toBe(1);
  });

  it("records a failed paragraph task once and never over a result", async () => {
    await store.putParagraphFailure("d1", "quotes", 1, "boom", 3);
    await store.putParagraphFailure("d1", "quotes", 1, "boom", 3);
    await store.putParagraphFailure("d1", "entities", 0, "late failure after a result", 3);
    const run = await store.getRun("r1");
    expect(run!.tasks.quotes.failed).toBe(1);
    expect(run!.tasks.entities.failed).toBe(0);
    expect(await store.getParagraphFailures("d1")).toEqual({ "quotes:1": { reason: "boom", attempts: 3 } });
  });
});
