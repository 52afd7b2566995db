import { isConnectionError, type RedisClient } from "@newsflow/queue";
import type { Context, MiddlewareHandler } from "hono";
import { answerError, html, layout } from "./html.js";

/** The words every answer uses when Redis cannot be reached (pages, JSON, the live stream). */
export const REDIS_UNREACHABLE = "Redis unreachable";

/** Thrown when Redis does not answer a request's commands within the request's bound. */
export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`${REDIS_UNREACHABLE}: no answer within ${ms} ms`);
    this.name = "RedisTimeoutError";
  }
}

/** Whether the connection is up: when it is not, nothing is sent (and queued) at all. */
export const isRedisReady = (redis: RedisClient) => redis.status === "ready";

/** `work`, or a {@link RedisTimeoutError} after `ms` (the work itself is not cancelled). */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether an error means Redis is down or too slow (rather than a bug). */
export function isRedisFailure(err: unknown, redis: RedisClient): boolean {
  return err instanceof RedisTimeoutError || isConnectionError(err) || (err instanceof Error && err.name === "MaxRetriesPerRequestError") || !isRedisReady(redis);
}

/** Seconds after which a client may ask again while Redis is unreachable (`Retry-After`, and the page's own reload). */
const RETRY_SECONDS = 5;

/**
 * The 503 answer while Redis is unreachable, chosen as every error answer is (`answerError`): JSON
 * under `/api/` and to a client that asks for it (`/api/health` keeping the shape of its answer), a
 * readable page otherwise. The page reloads itself every few seconds, so it turns back into the
 * page asked for once Redis is back, and no answer is stored by the browser (its back button or a
 * cache would show the outage again).
 */
export function redisUnreachable(c: Context, reason = "the viewer cannot reach Redis") {
  c.header("Retry-After", String(RETRY_SECONDS));
  c.header("Cache-Control", "no-store");
  const error = `${REDIS_UNREACHABLE}: ${reason}`;
  if (c.req.path === "/api/health") return c.json({ redis: { ok: false, error }, queues: [] }, 503);
  return answerError(
    c,
    503,
    error,
    layout(
      REDIS_UNREACHABLE,
      c.req.path,
      html`<h1>${REDIS_UNREACHABLE}</h1>
<div class="warn" role="alert">The viewer cannot show this page: ${reason}. Results already written are safe; workers wait for Redis and go on when it is back.</div>
<p>This page reloads itself every ${RETRY_SECONDS} seconds and shows what you asked for once Redis is back. If it persists, check that redis-server is running and that <code>REDIS_URL</code> points to it.</p>`,
      html`<meta http-equiv="refresh" content="${RETRY_SECONDS}">`,
    ),
  );
}

/**
 * Bound every request that reads Redis: answered at once with 503 while the connection is down
 * (no command is queued to wait for a reconnect), and after `timeoutMs` (`healthTimeoutMs` for
 * the health pages) when Redis is up but does not answer. `skip` lists path prefixes that need
 * no Redis or bound themselves (static files, the live streams); `unbounded` those refused while
 * Redis is down but given the time they take (a run's deletion: its commands grow with the run, and
 * a 503 after 3 s would say Redis is unreachable while the deletion goes on).
 */
export function boundRedis(options: { redis: RedisClient; timeoutMs: number; healthTimeoutMs: number; skip: string[]; unbounded?: string[] }): MiddlewareHandler {
  return async (c, next) => {
    if (options.skip.some((p) => c.req.path.startsWith(p))) return next();
    if (!isRedisReady(options.redis)) return redisUnreachable(c);
    if (options.unbounded?.some((p) => c.req.path.startsWith(p))) return next();
    const ms = c.req.path === "/health" || c.req.path === "/api/health" ? options.healthTimeoutMs : options.timeoutMs;
    try {
      await withDeadline(next(), ms);
    } catch (err) {
      if (!(err instanceof RedisTimeoutError)) throw err;
      return redisUnreachable(c, `no answer within ${ms} ms`);
    }
  };
}
