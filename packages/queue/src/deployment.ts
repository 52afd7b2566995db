import { createKeys, createStore, type Keys, type Store } from "@newsflow/store";
import { createRedis, type RedisClient } from "./connection.js";
import { type RedisEnv, redisConfigFromEnv } from "./env.js";
import type { Logger } from "./logger.js";
import { enqueueDocumentStep, type PipelineDeps } from "./pipeline.js";
import { closeQueues, createPartitionedQueues, type PartitionedQueues } from "./queues.js";

/** A process's handle on a deployment: its Redis connection, key layout, store and queues. */
export interface Deployment extends PipelineDeps {
  redis: RedisClient;
  keys: Keys;
  store: Store;
  queues: PartitionedQueues;
  /** Enqueue a document's step (see `enqueueDocumentStep`). */
  enqueueDocumentStep(docId: string): Promise<void>;
  /** Close the queues and the connection. */
  close(): Promise<void>;
}

/**
 * Connect to a deployment: one Redis connection (retrying forever when `blocking`, as workers
 * and long CLI commands want), the key layout of `NEWSFLOW_PREFIX` with `NEWSFLOW_PARTITIONS`,
 * the store and every partition's queues. Refuses (DeploymentMismatchError) a partition count
 * other than the deployment's.
 */
export async function openDeployment(env: RedisEnv, logger: Logger, options: { blocking?: boolean; redis?: RedisClient } = {}): Promise<Deployment> {
  const config = redisConfigFromEnv(env);
  const redis = options.redis ?? createRedis(config, { blocking: options.blocking });
  if (!options.redis) redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  const keys = createKeys(config.prefix, env.NEWSFLOW_PARTITIONS);
  const store = createStore(redis, keys);
  try {
    await store.ensureDeployment();
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const queues = createPartitionedQueues(redis, keys.partitionPrefixes, logger);
  const deployment: Deployment = {
    redis,
    keys,
    store,
    queues,
    enqueueDocumentStep: (docId) => enqueueDocumentStep(deployment, docId),
    async close() {
      await closeQueues(queues);
      if (redis.status === "ready") await redis.quit();
      else redis.disconnect();
    },
  };
  return deployment;
}
