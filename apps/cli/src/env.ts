import { parseEnvWith, RedisEnv } from "@newsflow/queue";
import { UsageError } from "./errors.js";

/** The environment a command reads: the apps' shared Redis settings (see .env.example). */
export type CliEnv = RedisEnv;

/** An environment as given to a process. */
export type EnvSource = Record<string, string | undefined>;

/** Parse the CLI's environment; a bad variable is a one-line usage error. */
export function parseEnv(source: EnvSource): CliEnv {
  try {
    return parseEnvWith(RedisEnv, source);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
