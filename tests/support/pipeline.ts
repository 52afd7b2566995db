import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliContext, openContext } from "@newsflow/cli/context";
import { type Managed, startWorkers } from "@newsflow/cli/processes";
import { startRedis, type TestRedis, uniquePrefix } from "./redis-server.js";

/** A private Redis, a CLI context on it, and the four worker apps as real processes. */
export interface TestPipeline {
  redis: TestRedis;
  env: NodeJS.ProcessEnv;
  ctx: CliContext;
  workers: Managed[];
  logDir: string;
  stop(): Promise<void>;
}

/** Start the pipeline for a test file; extra env goes to the workers (e.g. stall interval). */
export async function startPipeline(options: { workerEnv?: NodeJS.ProcessEnv; startWorkers?: boolean; aof?: boolean } = {}): Promise<TestPipeline> {
  const redis = await startRedis({ aof: options.aof });
  const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: uniquePrefix(), LOG_LEVEL: "warn", ...options.workerEnv };
  const logDir = mkdtempSync(join(tmpdir(), "newsflow-logs-"));
  const workers = options.startWorkers === false ? [] : startWorkers(env, { logDir });
  const ctx = await openContext(env);
  return {
    redis,
    env,
    ctx,
    workers,
    logDir,
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
      await ctx.close();
      await redis.stop();
    },
  };
}
