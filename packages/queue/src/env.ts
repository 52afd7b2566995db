import { z } from "zod";
import type { RedisConfig } from "./connection.js";

/** Environment shared by every app: where Redis is, the deployment's name and its partitions. */
export const RedisEnv = z.object({
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  REDIS_CLUSTER: z.enum(["0", "1", "true", "false"]).default("0"),
  NEWSFLOW_PREFIX: z.string().regex(/^[A-Za-z0-9._~-]+$/, "only letters, digits and . _ ~ -").default("newsflow"),
  /** Partitions of the deployment: the same value for the producer, the workers and the viewer. */
  NEWSFLOW_PARTITIONS: z.coerce.number().int().min(1).max(1024).default(1),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type RedisEnv = z.infer<typeof RedisEnv>;

/** The Redis part of the config from a parsed env. */
export function redisConfigFromEnv(env: RedisEnv): Required<RedisConfig> {
  return { url: env.REDIS_URL, cluster: env.REDIS_CLUSTER === "1" || env.REDIS_CLUSTER === "true", prefix: env.NEWSFLOW_PREFIX };
}

/** Thrown for a bad environment variable; the message is one line naming each. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Parse an env source against a schema; throws one {@link EnvError} line listing every bad variable. */
export function parseEnvWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const r = schema.safeParse(source);
  if (!r.success) throw new EnvError(`bad environment: ${r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return r.data;
}
