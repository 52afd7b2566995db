import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliContext, openContext } from "@newsflow/cli/context";
import { type Managed, REPO_ROOT, startWorkers } from "@newsflow/cli/processes";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/ingest";
import { keyPatterns } from "@newsflow/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRunComplete } from "../support/check-run.js";
import { writeCorpus } from "../support/corpus.js";
import { startCluster, type TestCluster } from "../support/redis-cluster.js";
import { uniquePrefix } from "../support/redis-server.js";

const redisCli = (port: number, ...args: string[]) => spawnSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8" }).stdout;
const commandsProcessed = (port: number) => Number(/total_commands_processed:(\d+)/.exec(redisCli(port, "info", "stats"))?.[1] ?? 0);

/** A deployment on the cluster: its workers as processes and a CLI context. */
async function deploy(cluster: TestCluster, partitions: number): Promise<{ ctx: CliContext; workers: Managed[]; stop(): Promise<void> }> {
  const env = { ...process.env, REDIS_URL: cluster.url, REDIS_CLUSTER: "1", NEWSFLOW_PREFIX: uniquePrefix("cluster"), NEWSFLOW_PARTITIONS: String(partitions), LOG_LEVEL: "warn" };
  const workers = startWorkers(env, { logDir: mkdtempSync(join(tmpdir(), "newsflow-cluster-logs-")) });
  const ctx = await openContext(env);
  return {
    ctx,
    workers,
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
      await ctx.close();
    },
  };
}

describe("on a three-master Redis Cluster", () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("runs the whole pipeline with one partition, every key of a documented pattern", async () => {
    const info = redisCli(cluster.ports[1]!, "cluster", "info");
    expect(info).toMatch(/cluster_state:ok/);
    expect(info).toMatch(/cluster_size:3/);
    const d = await deploy(cluster, 1);
    try {
      const file = writeCorpus(mkdtempSync(join(tmpdir(), "newsflow-cluster-")), 20, 10);
      await createProducer(d.ctx).run({ runId: "cluster-run", inputs: [file] });
      await watchRun(d.ctx.store, "cluster-run", { quiet: true });
      await expectRunComplete(d.ctx.store, "cluster-run", 20, 200);
      // One partition: its queues and documents in one slot, runs and the index in the global one.
      const keys = cluster.ports.flatMap((port) => redisCli(port, "--scan", "--pattern", `{${d.ctx.keys.name}*`).split("\n").filter(Boolean));
      expect(keys.length).toBeGreaterThan(20);
      const patterns = keyPatterns(d.ctx.keys);
      expect(keys.filter((k) => !patterns.some((p) => p.test(k)))).toEqual([]);
      expect(new Set(keys.map((k) => /^\{[^}]+\}/.exec(k)![0])).size).toBe(2);
    } finally {
      await d.stop();
    }
  });

  it("spreads a deployment of 12 partitions over every master, each serving 20-50% of the commands, with exactly-once results", async () => {
    const d = await deploy(cluster, 12);
    try {
      const before = cluster.ports.map(commandsProcessed);
      const file = writeCorpus(mkdtempSync(join(tmpdir(), "newsflow-spread-")), 100, 20);
      const counts = await createProducer(d.ctx).run({ runId: "spread-run", inputs: [join(REPO_ROOT, "seeds"), file] });
      expect(counts.rejected).toBe(0);
      await watchRun(d.ctx.store, "spread-run", { quiet: true });
      await expectRunComplete(d.ctx.store, "spread-run", counts.documents, counts.paragraphs);
      expect(counts.paragraphs).toBeGreaterThan(2000);
      const served = cluster.ports.map((port, i) => commandsProcessed(port) - before[i]!);
      const total = served.reduce((a, b) => a + b, 0);
      const shares = served.map((n) => n / total);
      process.stderr.write(`commands per master: ${served.join(" / ")} (shares ${shares.map((s) => s.toFixed(2)).join(" / ")})\n`);
      for (const share of shares) {
        expect(share).toBeGreaterThanOrEqual(0.2);
        expect(share).toBeLessThanOrEqual(0.5);
      }
    } finally {
      await d.stop();
    }
  });
});
