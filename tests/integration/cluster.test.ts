import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openContext, type CliContext } from "@newsflow/cli/context";
import { type Managed, startWorkers } from "@newsflow/cli/processes";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRunComplete } from "../support/check-run.js";
import { writeCorpus } from "../support/corpus.js";
import { startCluster, type TestCluster } from "../support/redis-cluster.js";
import { uniquePrefix } from "../support/redis-server.js";

describe("on a three-master Redis Cluster", () => {
  let cluster: TestCluster;
  let ctx: CliContext;
  let workers: Managed[];
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    cluster = await startCluster();
    env = { ...process.env, REDIS_URL: cluster.url, REDIS_CLUSTER: "1", NEWSFLOW_PREFIX: uniquePrefix("cluster"), LOG_LEVEL: "warn" };
    workers = startWorkers(env, { logDir: mkdtempSync(join(tmpdir(), "newsflow-cluster-logs-")) });
    ctx = await openContext(env);
  });
  afterAll(async () => {
    await Promise.all((workers ?? []).map((w) => w.stop()));
    await ctx?.close();
    await cluster?.stop();
  });

  it("runs the whole pipeline with every key of the deployment in one hash slot", async () => {
    const info = spawnSync("redis-cli", ["-p", String(cluster.ports[1]), "cluster", "info"], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/cluster_state:ok/);
    expect(info).toMatch(/cluster_size:3/);

    const file = writeCorpus(mkdtempSync(join(tmpdir(), "newsflow-cluster-")), 20, 10);
    const producer = createProducer(ctx);
    await producer.run({ runId: "cluster-run", inputs: [file] });
    await watchRun(ctx.store, "cluster-run", { quiet: true });
    await expectRunComplete(ctx.store, "cluster-run", 20, 200);

    // BullMQ's and the store's keys all live on the node that owns the prefix's slot.
    const perNode = cluster.ports.map((port) => Number(spawnSync("redis-cli", ["-p", String(port), "dbsize"], { encoding: "utf8" }).stdout.trim()));
    expect(perNode.filter((n) => n > 0)).toHaveLength(1);
  });
});
