import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { type CliContext, openContext } from "@newsflow/cli/context";
import { REPO_ROOT } from "@newsflow/cli/processes";
import type { CanonicalEntity, DocumentResult } from "@newsflow/contracts";
import { addPlannedJobs, documentJobs } from "@newsflow/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startCli } from "../support/cli.js";
import { startCluster, type TestCluster } from "../support/redis-cluster.js";
import { hasRedisServer, startRedis, type TestRedis, uniquePrefix } from "../support/redis-server.js";

const producer = { id: "p1", leaseMs: 60_000 };
const PARTITIONS = 3;
const summary = { sentences: [], summary: [], short: "", keyPhrases: [] };
const text = "Mayor Croft told Hale the port is closed.";
const paragraphs = [{ index: 0, start: 0, end: text.length, text }];
const meta = (id: string) => ({ id, title: `Story ${id}`, source: `${id}.txt`, url: null, publishedAt: null, paragraphCount: 1, createdAt: 1, contentHash: id });
const person = (id: string, name: string): CanonicalEntity => ({ id, name, type: "PER", aliases: [], mentions: [{ paragraphIndex: 0, start: 6, end: 11, text: name }] });

/** A done document of run `runId` naming `entities`. */
async function doneDocument(ctx: CliContext, runId: string, docId: string, entities: CanonicalEntity[]): Promise<void> {
  const { store } = ctx;
  await store.putDocument(runId, 1, meta(docId), paragraphs);
  await store.markEnqueued([docId]);
  await store.putParagraphResults(docId, "summarize", [[0, summary]]);
  await store.putParagraphResults(docId, "entities", [[0, { mentions: [] }]]);
  await store.putParagraphResults(docId, "quotes", [[0, { quotes: [] }]]);
  const result: DocumentResult = { docId, summary: { sentences: [], text: "" }, entities, quotes: [], missing: [], completedAt: 5 };
  await store.putDocumentResult(result);
}

/**
 * Run `big` (12 done documents naming Hale and Croft, one shared with `other`, a rejected input),
 * run `other` (a document of its own naming Croft), run `busy` (a document whose jobs wait).
 */
async function fill(ctx: CliContext): Promise<void> {
  const { store } = ctx;
  await store.createRun("big", ["big-inputs"], producer);
  for (let i = 0; i < 12; i++) await doneDocument(ctx, "big", `big-${i}`, [person("per-hale", "Hale"), person("per-croft", "Croft")]);
  await doneDocument(ctx, "big", "shared", [person("per-croft", "Croft")]);
  await store.addRejection("big", { source: "bad.bin", reason: "binary" });
  await store.finishEnqueue("big", producer.id);
  await store.createRun("other", ["other-inputs"], producer);
  await store.putDocument("other", 1, meta("shared"), paragraphs);
  await doneDocument(ctx, "other", "other-doc", [person("per-croft", "Croft")]);
  await store.finishEnqueue("other", producer.id);
  await store.createRun("busy", ["busy-inputs"], producer);
  await store.putDocument("busy", 1, meta("busy-doc"), paragraphs);
  await addPlannedJobs(ctx.queues, [...documentJobs(ctx.keys.partitionOf("busy-doc"), "busy-doc", paragraphs)]);
  await store.finishEnqueue("busy", producer.id);
}

/** Deleting with the real CLI on a deployment filled by `fill`; `keys()` lists every key of the deployment. */
function deletesWithTheCli(open: () => Promise<{ ctx: CliContext; env: NodeJS.ProcessEnv; keys: () => Promise<string[]>; close: () => Promise<void> }>) {
  let ctx: CliContext;
  let env: NodeJS.ProcessEnv;
  let keys: () => Promise<string[]>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, env, keys, close } = await open());
    await fill(ctx);
  });
  afterAll(async () => {
    await close?.();
  });

  it("deletes a run with all it owns, leaving the other runs and their entity index as they were", async () => {
    expect((await ctx.store.topEntities()).entities.map((e) => [e.id, e.mentions])).toEqual([
      ["per-croft", 14],
      ["per-hale", 12],
    ]);
    const { code, stdout, stderr } = await runCli(["runs", "delete", "big"], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe("deleted run big: 12 documents, 1 document kept (other runs hold it), 0 jobs taken out of the queues\n");
    expect((await keys()).filter((key) => /big|per-hale/.test(key))).toEqual([]);
    const runs = JSON.parse((await runCli(["runs", "--json"], env)).stdout) as { total: number; runs: Array<{ id: string }> };
    expect([runs.total, runs.runs.map((r) => r.id).sort()]).toEqual([2, ["busy", "other"]]);
    expect((await ctx.store.topEntities()).entities.map((e) => [e.id, e.mentions])).toEqual([["per-croft", 2]]);
    expect((await ctx.store.entityDocuments("per-croft")).documents.map((d) => d.docId).sort()).toEqual(["other-doc", "shared"]);
    expect((await ctx.store.topEntities({ runId: "other" })).entities.map((e) => [e.id, e.mentions])).toEqual([["per-croft", 2]]);
    expect(await ctx.store.getRun("other")).toMatchObject({ documents: 2, docsDone: 2 });
  });

  it("refuses in one line with exit code 1 while a run's jobs wait, and with --force removes them too (--json)", async () => {
    const refused = await runCli(["runs", "delete", "busy"], env);
    expect({ code: refused.code, stdout: refused.stdout }).toEqual({ code: 1, stdout: "" });
    expect(refused.stderr).toBe(
      "newsflow runs delete: run 'busy' still has 3 queued jobs and 0 active jobs: wait until it completes ('newsflow status busy'), or delete it anyway with --force (its waiting jobs are removed)\n",
    );
    expect(await ctx.store.getRun("busy")).not.toBeNull();
    const forced = await runCli(["runs", "delete", "busy", "--force", "--json"], env);
    expect({ code: forced.code, stderr: forced.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(forced.stdout)).toEqual({ run: "busy", documents: 1, deleted: 1, kept: 0, removedJobs: 3, activeJobs: 0 });
    expect((await keys()).filter((key) => key.includes("busy"))).toEqual([]);
  });

  it("says in one line that a run does not exist, or that no run was given, with exit code 2", async () => {
    for (const [args, message] of [
      [["runs", "delete", "big"], "no run 'big' (see 'newsflow runs')"],
      [["runs", "delete"], "give the id of the run to delete (see 'newsflow runs')"],
      [["runs", "delete", "a", "b"], "give one run id, not 2: delete runs one at a time"],
      [["runs", "delete", "other", "--yes"], "Unknown option '--yes'"],
    ] as const) {
      const { code, stdout, stderr } = await runCli([...args], env);
      expect({ code, stdout, stderr }, args.join(" ")).toEqual({ code: 2, stdout: "", stderr: `newsflow runs delete: ${message}\n` });
    }
    expect(await ctx.store.getRun("other")).not.toBeNull();
  });

  it("refuses in one line, exit code 1, a producer that comes to a run being deleted, and finishes a deletion cut off when asked again", async () => {
    const { store } = ctx;
    await store.createRun("halfway", ["x"], producer);
    await doneDocument(ctx, "halfway", "halfway-doc", [person("per-halfway", "Halfway")]);
    await store.finishEnqueue("halfway", producer.id);
    // A deletion cut off after its first step: the run is marked as being deleted.
    expect(await store.markRunDeleting("halfway")).toBe("marked");
    const refused = await runCli(["run", "--run-id", "halfway", join(REPO_ROOT, "seeds/port-strike.md")], env);
    expect(refused).toEqual({ code: 1, stdout: "", stderr: "newsflow run: run 'halfway' is being deleted: use another run id, or wait until the deletion ends (one cut off is finished by 'newsflow runs delete halfway')\n" });
    expect(await store.getRun("halfway")).toMatchObject({ documents: 1, status: "completed" });
    const deleted = await runCli(["runs", "delete", "halfway"], env);
    expect({ code: deleted.code, stderr: deleted.stderr }).toEqual({ code: 0, stderr: "" });
    expect((await keys()).filter((key) => /halfway/.test(key))).toEqual([]);
  });

  it("says in one line, exit code 1, that the run was deleted while `newsflow run` added to it, and brings back no key of the run", async () => {
    const { store } = ctx;
    const cli = startCli(["run", "--run-id", "lapsed", "-"], env);
    cli.stdin.write(`${JSON.stringify({ id: "lapsed-doc", title: "Lapsed", text: "The river rose overnight." })}\n`);
    // Once the producer has stored the document, its lease lapses (the deletion's clock is past
    // it) and the run is deleted; then the producer reaches the end of its input.
    for (let i = 0; (await store.getRun("lapsed"))?.documents !== 1; i++) {
      expect(i, "the producer stores its document").toBeLessThan(600);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await store.markRunDeleting("lapsed", Date.now() + 60_000)).toBe("marked");
    expect(await store.deleteRun("lapsed")).toEqual({ documents: 1, deleted: 1, kept: 0 });
    cli.stdin.end();
    expect(await cli.exited).toEqual({
      code: 1,
      stdout: "",
      stderr: "newsflow run: run 'lapsed' was deleted while this producer was adding to it: it stopped and wrote nothing more (run the inputs again for a new run)\n",
    });
    // The document's jobs went into the queues before the producer found out; no key of the store names the run or its document.
    expect((await keys()).filter((key) => key.includes(":store:") && key.includes("lapsed"))).toEqual([]);
    expect((await store.listRuns()).runs.map((r) => r.id)).not.toContain("lapsed");
  });

  it("stops `newsflow run --wait` watching a run deleted meanwhile: one line that it is being deleted, one that it was, exit code 1, nothing more", async () => {
    const { store } = ctx;
    const cli = startCli(["run", "--run-id", "watched", "--wait", "-"], env);
    cli.stdin.end(`${JSON.stringify({ id: "watched-doc", title: "Watched", text: "The river rose overnight." })}\n`);
    // No worker runs: once its producer is done, the run waits and `--wait` watches it. The
    // deletion starts once the watch has printed its first progress line: on a loaded machine the
    // run was running before the watch's first poll, which then saw the deletion first (a CI run
    // with both cores busy printed no progress line).
    for (let i = 0; (await store.getRun("watched"))?.status !== "running" || !/^0% {2}docs 0\/1 /m.test(cli.stderr()); i++) {
      expect(i, "the producer enqueues its document and the watch prints its progress").toBeLessThan(600);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The deletion's first step, then time for the watch's polls (every 250 ms) to see it, then
    // `runs delete --force` does it all.
    expect(await store.markRunDeleting("watched")).toBe("marked");
    await new Promise((r) => setTimeout(r, 1000));
    const deleted = await runCli(["runs", "delete", "watched", "--force"], env);
    expect({ code: deleted.code, stderr: deleted.stderr }).toEqual({ code: 0, stderr: "" });
    const goneAt = Date.now();
    const { code, stdout, stderr } = await cli.exited;
    expect(Date.now() - goneAt).toBeLessThan(3000);
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("newsflow: run watched: 1 document, 1 paragraph enqueued");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines.slice(1, -2)) expect(line).toMatch(/^0% {2}docs 0\/1 /);
    expect(lines.slice(-2)).toEqual(["newsflow: run watched is being deleted", "newsflow: run watched was deleted while it was being watched"]);
  });
}

describe(`newsflow runs delete on a real Redis, ${PARTITIONS} partitions`, () => {
  let redis: TestRedis;
  deletesWithTheCli(async () => {
    redis = await startRedis();
    const env = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: uniquePrefix("delete"), NEWSFLOW_PARTITIONS: String(PARTITIONS) };
    const ctx = await openContext(env);
    return {
      ctx,
      env,
      keys: () => ctx.redis.keys(`{${ctx.keys.name}*`),
      async close() {
        await ctx.close();
        await redis.stop();
      },
    };
  });
});

// Each partition and the global keys in slots of their own, on three masters: a command or script
// that touched two slots would fail here with CROSSSLOT.
describe.skipIf(!hasRedisServer)(`newsflow runs delete on a three-master Redis Cluster, ${PARTITIONS} partitions`, () => {
  let cluster: TestCluster;
  deletesWithTheCli(async () => {
    cluster = await startCluster();
    const env = { ...process.env, REDIS_URL: cluster.url, REDIS_CLUSTER: "1", NEWSFLOW_PREFIX: uniquePrefix("delete"), NEWSFLOW_PARTITIONS: String(PARTITIONS) };
    const ctx = await openContext(env);
    const slots = new Set([`{${ctx.keys.name}}`, ...ctx.keys.partitionPrefixes].map((tag) => Number(spawnSync("redis-cli", ["-p", String(cluster.ports[0]), "cluster", "keyslot", tag]).stdout.toString())));
    expect(slots.size).toBe(PARTITIONS + 1);
    return {
      ctx,
      env,
      keys: async () => cluster.ports.flatMap((port) => spawnSync("redis-cli", ["-p", String(port), "--scan", "--pattern", `{${ctx.keys.name}*`], { encoding: "utf8" }).stdout.split("\n").filter(Boolean)),
      async close() {
        await ctx.close();
        await cluster.stop();
      },
    };
  });
});
