import {
  checkRedis,
  closeQueues,
  createFlowProducer,
  createLogger,
  createQueues,
  createRedis,
  hashTaggedPrefix,
  type Logger,
  type QueueSet,
  type RedisClient,
  type RedisConfig,
  parseEnvWith,
  RedisEnv,
  RedisUnavailableError,
  redisConfigFromEnv,
} from "@newsflow/queue";
import { createStore, type Store } from "@newsflow/store";
import type { FlowProducer } from "bullmq";
import { UsageError } from "./errors.js";

/** Connections and services a CLI command uses. */
export interface CliContext {
  env: RedisEnv;
  config: RedisConfig;
  prefix: string;
  logger: Logger;
  redis: RedisClient;
  store: Store;
  queues: QueueSet;
  flow: FlowProducer;
  /** Release every connection. */
  close(): Promise<void>;
}

/** Open the CLI's connections after checking that Redis answers (a one-line error if not). */
export async function openContext(source: Record<string, string | undefined> = process.env): Promise<CliContext> {
  let env: RedisEnv;
  try {
    env = parseEnvWith(RedisEnv, source);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const config = redisConfigFromEnv(env);
  try {
    await checkRedis(config);
  } catch (err) {
    if (err instanceof RedisUnavailableError) throw new UsageError(err.message);
    throw err;
  }
  const prefix = hashTaggedPrefix(config.prefix);
  const logger = createLogger("newsflow", source.LOG_LEVEL ?? "warn");
  // Checked above; from here on a Redis restart is waited out rather than failing the command.
  const redis = createRedis(config, { blocking: true });
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  const store = createStore(redis, prefix);
  const queues = createQueues(redis, prefix, logger);
  const flow = createFlowProducer(redis, prefix, logger);
  return {
    env,
    config,
    prefix,
    logger,
    redis,
    store,
    queues,
    flow,
    async close() {
      await flow.close();
      await closeQueues(queues);
      await redis.quit();
    },
  };
}
