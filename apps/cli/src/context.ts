import { checkRedis, createLogger, type Deployment, type Logger, openDeployment, RedisUnavailableError, redisConfigFromEnv } from "@newsflow/queue";
import { DeploymentMismatchError } from "@newsflow/store";
import { type CliEnv, type EnvSource, parseEnv } from "./env.js";
import { UsageError } from "./errors.js";

/** Connections and services a CLI command uses: the deployment, its env and a logger. */
export interface CliContext extends Deployment {
  env: CliEnv;
  logger: Logger;
}

/**
 * Open the CLI's handle on the deployment after checking that Redis answers; an unreachable
 * Redis, a bad variable or a partition count the deployment does not have is one line.
 */
export async function openContext(source: EnvSource): Promise<CliContext> {
  const env = parseEnv(source);
  const config = redisConfigFromEnv(env);
  try {
    await checkRedis(config);
  } catch (err) {
    if (err instanceof RedisUnavailableError) throw new UsageError(err.message);
    throw err;
  }
  const logger = createLogger("newsflow", source.LOG_LEVEL ? env.LOG_LEVEL : "warn");
  try {
    // Checked above; from here on a Redis restart is waited out rather than failing the command.
    const deployment = await openDeployment(env, logger, { blocking: true });
    return Object.assign(deployment, { env, logger });
  } catch (err) {
    if (err instanceof DeploymentMismatchError) throw new UsageError(err.message);
    throw err;
  }
}
