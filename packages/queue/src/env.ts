import { z } from "zod";
import type { RedisConfig } from "./connection.js";

/** Environment shared by every app: where Redis is and the key prefix. */
export const RedisEnv = z.object({
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  REDIS_CLUSTER: z.enum(["0", "1", "true", "false"]).default("0"),
  NEWSFLOW_PREFIX: z.string().min(1).default("newsflow"),
});
export type RedisEnv = z.infer<typeof RedisEnv>;

/** The Redis part of the config from a parsed env. */
export function redisConfigFromEnv(env: RedisEnv): Required<RedisConfig> {
  return { url: env.REDIS_URL, cluster: env.REDIS_CLUSTER === "1" || env.REDIS_CLUSTER === "true", prefix: env.NEWSFLOW_PREFIX };
}

/** Parse an env source against a schema; throws one line listing every bad variable. */
export function parseEnvWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const r = schema.safeParse(source);
  if (!r.success) throw new Error(`bad environment: ${r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return r.data;
}
