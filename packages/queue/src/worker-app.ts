import type { QueueName } from "@newsflow/contracts";
import type { Worker } from "bullmq";
import { z } from "zod";
import { createRedis, reportRedisErrors } from "./connection.js";
import { createWorker, type FinalFailureHandler, type Processor } from "./create-worker.js";
import { type Deployment, openDeployment } from "./deployment.js";
import { RedisEnv, redisConfigFromEnv } from "./env.js";
import { createLogger, type Logger } from "./logger.js";
import { closeOnSignals } from "./shutdown.js";

/** Environment of every worker app. */
export const WorkerEnv = RedisEnv.extend({
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(100).default(30_000),
  /** How long SIGTERM waits for active jobs before exiting anyway (keep below stop_grace_period). */
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(25_000),
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

/** What a worker app builds once it has its deployment. */
export interface WorkerSetup<Q extends QueueName> {
  process: Processor<Q>;
  onFinalFailure?: FinalFailureHandler<Q>;
}

/**
 * The whole `main` of a worker app, given its parsed env: connect (retrying forever, so a Redis
 * restart is survived), run one BullMQ worker for the app's queue in every partition, and close
 * everything on SIGINT/SIGTERM.
 */
export async function startWorkerApp<Q extends QueueName>(
  queue: Q,
  env: WorkerEnv,
  setup: (deployment: Deployment, logger: Logger) => WorkerSetup<Q> | Promise<WorkerSetup<Q>>,
): Promise<void> {
  const logger = createLogger(`worker-${queue}`, env.LOG_LEVEL);
  const config = redisConfigFromEnv(env);
  const redis = createRedis(config, { blocking: true });
  reportRedisErrors(redis, logger, config.url);
  // Signals are handled from the start: a SIGTERM while the model loads still exits cleanly.
  let workers: Worker[] = [];
  let deployment: Deployment | undefined;
  // Without Redis nothing active can be finished or released: close at once instead of waiting.
  const closeWorkers = async () => {
    await Promise.all(workers.map((w) => (redis.status === "ready" ? w.close() : w.close(true))));
  };
  const closeRedis = async () => {
    if (deployment) await deployment.close();
    else redis.disconnect();
  };
  closeOnSignals([closeWorkers, closeRedis], logger, env.WORKER_SHUTDOWN_TIMEOUT_MS);
  // The workers open connections of their own: start them once ours has been accepted, so a wrong
  // password is reported once, by the listener above, and not by each of them.
  if (redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
  deployment = await openDeployment(env, logger, { redis });
  const { process: processJob, onFinalFailure } = await setup(deployment, logger);
  workers = deployment.keys.partitionPrefixes.map((prefix) =>
    createWorker({
      queue,
      connection: redis,
      prefix,
      concurrency: env.WORKER_CONCURRENCY,
      logger,
      process: processJob,
      onFinalFailure,
      stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
      lockDuration: env.WORKER_LOCK_DURATION_MS,
    }),
  );
  logger.info({ queue, concurrency: env.WORKER_CONCURRENCY, partitions: workers.length, prefix: env.NEWSFLOW_PREFIX }, "worker started");
  await Promise.all(workers.map((w) => w.run()));
}
