import type { DocumentResult } from "@newsflow/contracts";
import type { Deployment } from "@newsflow/queue";
import { openTestDeployment } from "@newsflow/queue/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const producer = { id: "p1", leaseMs: 60_000 };
const summary = { sentences: [], summary: [], short: "", keyPhrases: [] };
const text = "Mayor Croft said the bridge is closed.";

/** A document of one paragraph, done in run `runId`, whose result names Croft. */
async function doneDocument(deployment: Deployment, runId: string, docId: string): Promise<void> {
  const { store } = deployment;
  await store.putDocument(runId, 1, { id: docId, title: "Bridge", source: `${docId}.txt`, url: null, publishedAt: null, paragraphCount: 1, createdAt: 1, contentHash: docId }, [{ index: 0, start: 0, end: text.length, text }]);
  await store.markEnqueued([docId]);
  await store.putParagraphResults(docId, "summarize", [[0, summary]]);
  await store.putParagraphResults(docId, "entities", [[0, { mentions: [] }]]);
  await store.putParagraphResults(docId, "quotes", [[0, { quotes: [] }]]);
  const result: DocumentResult = {
    docId,
    summary: { sentences: [], text: "" },
    entities: [{ id: "per-croft", name: "Croft", type: "PER", aliases: [], mentions: [{ paragraphIndex: 0, start: 6, end: 11, text: "Croft" }] }],
    quotes: [],
    missing: [],
    completedAt: 5,
  };
  await store.putDocumentResult(result);
}

describe("newsflow reindex on a real Redis", () => {
  let deployment: Deployment;
  let env: NodeJS.ProcessEnv;
  const runEntities = async (runId: string) => (await deployment.store.topEntities({ runId })).entities.map((e) => [e.name, e.mentions]);

  beforeAll(async () => {
    deployment = await openTestDeployment(process.env);
    env = { ...process.env, NEWSFLOW_PREFIX: deployment.store.keys.name };
    const { store, redis } = deployment;
    await store.createRun("first", ["x"], producer);
    await doneDocument(deployment, "first", "doc-bridge");
    await store.finishEnqueue("first", producer.id);
    // A second run over the same input, attached as the store did before it indexed a done
    // document for the run taking it in: counted done, no entities, the run not in indexedRuns.
    await store.createRun("second", ["x"], producer);
    await store.putDocument("second", 1, { id: "doc-bridge", title: "Bridge", source: "doc-bridge.txt", url: null, publishedAt: null, paragraphCount: 1, createdAt: 1, contentHash: "doc-bridge" }, [{ index: 0, start: 0, end: text.length, text }]);
    await store.finishEnqueue("second", producer.id);
    await redis.del(store.keys.runEntities(store.keys.partitionOf("doc-bridge"), "second"));
    await redis.hset(store.keys.doc("doc-bridge"), "indexedRuns", "first");
  });
  afterAll(async () => {
    await deployment?.close();
  });

  it("gives a run that took in a done document before the store fix its entities, once, and says what it did", async () => {
    expect(await runEntities("second")).toEqual([]);
    const { code, stdout, stderr } = await runCli(["reindex", "second"], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe("reindexed 1 of 1 document of run second (0 already indexed)\n");
    expect(await runEntities("second")).toEqual([["Croft", 1]]);
    expect(await runEntities("first")).toEqual([["Croft", 1]]);
    expect((await deployment.store.topEntities()).entities.map((e) => [e.name, e.mentions])).toEqual([["Croft", 1]]);
    // Again, over the corpus and in JSON: nothing left to do, nothing counted twice.
    const again = await runCli(["reindex", "--json"], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ run: null, documents: 1, reindexed: 0, unchanged: 1, pending: 0 });
    expect(await runEntities("second")).toEqual([["Croft", 1]]);
  });

  it("says in one line that a run does not exist, with exit code 2", async () => {
    const { code, stdout, stderr } = await runCli(["reindex", "no-such-run"], env);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe("newsflow reindex: no run 'no-such-run' (see 'newsflow runs')\n");
  });
});
