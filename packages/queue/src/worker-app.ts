import type { QueueName } from "@newsflow/contracts";
import type { Job, Worker } from "bullmq";
import { z } from "zod";
import { createRedis, hashTaggedPrefix, type RedisClient, reportRedisErrors } from "./connection.js";
import { createWorker, type Processor } from "./create-worker.js";
import { parseEnvWith, RedisEnv, redisConfigFromEnv } from "./env.js";
import { createLogger } from "./logger.js";
import { closeOnSignals } from "./shutdown.js";

/** Environment of every worker app. */
export const WorkerEnv = RedisEnv.extend({
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(100).default(30_000),
  /** How long SIGTERM waits for active jobs before exiting anyway (keep below stop_grace_period). */
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(25_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

/** What a worker app builds once it has a connection. */
export interface WorkerSetup<Q extends QueueName> {
  process: Processor<Q>;
  onFinalFailure?: (payload: Parameters<Processor<Q>>[0] | undefined, job: Job, err: Error) => Promise<void>;
}

/**
 * The whole `main` of a worker app: parse env, connect (retrying forever, so a Redis restart is
 * survived), run the queue's worker, and close everything on SIGINT/SIGTERM.
 */
export async function startWorkerApp<Q extends QueueName>(
  queue: Q,
  setup: (redis: RedisClient, prefix: string) => WorkerSetup<Q> | Promise<WorkerSetup<Q>>,
  source: Record<string, string | undefined> = process.env,
): Promise<void> {
  const env = parseEnvWith(WorkerEnv, source);
  const logger = createLogger(`worker-${queue}`, env.LOG_LEVEL);
  const cfg = redisConfigFromEnv(env);
  const prefix = hashTaggedPrefix(cfg.prefix);
  const redis = createRedis(cfg, { blocking: true });
  reportRedisErrors(redis, logger, cfg.url);
  // Signals are handled from the start: a SIGTERM while the model loads still exits cleanly.
  let worker: Worker | undefined;
  // Without Redis nothing active can be finished or released: close at once instead of waiting.
  const closeWorker = async () => {
    if (worker) await (redis.status === "ready" ? worker.close() : worker.close(true));
  };
  const closeRedis = async () => {
    if (redis.status === "ready") await redis.quit();
    else redis.disconnect();
  };
  closeOnSignals([closeWorker, closeRedis], logger, env.WORKER_SHUTDOWN_TIMEOUT_MS);
  // The worker opens connections of its own: start it once ours has been accepted, so a wrong
  // password is reported once, by the listener above, and not by each of them.
  if (redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
  const { process: processJob, onFinalFailure } = await setup(redis, prefix);
  worker = createWorker({
    queue,
    connection: redis,
    prefix,
    concurrency: env.WORKER_CONCURRENCY,
    logger,
    process: processJob,
    onFinalFailure,
    stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
    lockDuration: env.WORKER_LOCK_DURATION_MS,
  });
  logger.info({ queue, concurrency: env.WORKER_CONCURRENCY, prefix }, "worker started");
  await worker.run();
}
