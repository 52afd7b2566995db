import { Cluster, Redis, type RedisOptions } from "ioredis";
import { RedisUnavailableError } from "./errors.js";
import type { Logger } from "./logger.js";

/** A connection to a single Redis server or to a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** Where Redis is and how keys are namespaced. */
export interface RedisConfig {
  /** `redis://[:password@]host:port[/db]` or `rediss://...`; for a cluster, any seed node. */
  url: string;
  /** Treat `url` as a seed node of a Redis Cluster. */
  cluster?: boolean;
  /** The deployment's name, the stem of every key (see the store's keys.ts). */
  prefix?: string;
}

/** The URL (or any text holding URLs) with every password masked, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/\s]*)@/g, (_m, auth: string) => `//${auth.includes(":") ? `${auth.split(":")[0]}:***` : "***"}@`);
}

/**
 * Whether Redis refused our credentials (WRONGPASS, NOAUTH): a permanent failure, unlike a
 * refused or dropped connection, so retrying is pointless.
 */
export function isAuthError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /\b(NOAUTH|WRONGPASS)\b|invalid password/i.test(message);
}

/**
 * Log a connection's errors: a refused or dropped connection is a warning (ioredis reconnects,
 * so a Redis restart is survived); refused credentials will not get better, so they are one
 * fatal line and the process exits with 1. No error carries the password into the log.
 */
export function reportRedisErrors(redis: RedisClient, logger: Logger, url: string): void {
  redis.on("error", (err: Error) => {
    if (!isAuthError(err)) return logger.warn({ err: err.message }, "redis connection error");
    logger.fatal({ redis: redactUrl(url), reason: err.message }, "Redis refused authentication: check the password in REDIS_URL");
    process.exit(1);
  });
}

/**
 * Open a connection. `blocking` connections (BullMQ workers) retry forever so a Redis restart
 * is survived without restarting the process; others fail fast.
 */
export function createRedis(config: RedisConfig, options: { blocking?: boolean } = {}): RedisClient {
  const common: RedisOptions = {
    maxRetriesPerRequest: options.blocking ? null : 3,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 5), 5000),
    connectTimeout: 5000,
  };
  if (config.cluster) {
    const u = new URL(config.url);
    return new Cluster([{ host: u.hostname, port: Number(u.port || 6379) }], {
      redisOptions: { ...common, password: u.password ? decodeURIComponent(u.password) : undefined, tls: u.protocol === "rediss:" ? {} : undefined },
      clusterRetryStrategy: common.retryStrategy,
      enableOfflineQueue: true,
    });
  }
  return new Redis(config.url, common);
}

/**
 * Check that Redis answers within `timeoutMs`, or throw a one-line {@link RedisUnavailableError}
 * naming the address and the reason (refused, timed out, authentication).
 */
export async function checkRedis(config: RedisConfig, timeoutMs = 3000): Promise<void> {
  const where = redactUrl(config.url);
  const probe = config.cluster
    ? createRedis(config)
    : new Redis(config.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false });
  let lastError: Error | undefined;
  probe.on("error", (err: Error) => {
    lastError = err;
  });
  try {
    const ping = (async () => {
      if (probe instanceof Redis) await probe.connect();
      return probe.ping();
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([ping, timeout]).finally(() => clearTimeout(timer));
  } catch (err) {
    // ioredis reports "Connection is closed." for a refused connection; the error event has why.
    const msg = [lastError?.message, err instanceof Error ? err.message : String(err)].filter(Boolean).join(" / ");
    const reason = isAuthError(msg)
      ? "Redis refused authentication: check the password in REDIS_URL"
      : /ECONNREFUSED/.test(msg)
        ? "connection refused: is redis-server running?"
        : msg.split("\n")[0]!.split(" / ")[0]!;
    throw new RedisUnavailableError(`cannot use Redis at ${where}: ${reason}`, { cause: err });
  } finally {
    probe.disconnect();
  }
}
