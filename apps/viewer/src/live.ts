import type { RedisClient } from "@newsflow/queue";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { answerError, HOME, messagePage } from "./html.js";
import { isRedisReady, REDIS_UNREACHABLE, withDeadline } from "./redis-guard.js";

/** What a stream's `load` returns once what it streams no longer exists (a run deleted while its page is open). */
export class Gone {
  constructor(readonly message: string) {}
}

/**
 * Server-Sent Events every second with what `load` reads, at most `maxStreams` open at once
 * (past the cap: 503 saying so, as a JSON error or a page (`answerError`); pages still work
 * without live updates). While Redis is down or
 * slow the stream stays open and sends `unavailable` events instead of `runs`, and delivers
 * `runs` again as soon as Redis answers: a browser's EventSource does not reconnect after an
 * error answer, so closing the stream would end live updates for good. When what it streams no
 * longer exists (`load` returns a {@link Gone}), it sends one `gone` event and ends: the page
 * says so and stops listening.
 */
export function createLiveStreams(options: { redis: RedisClient; maxStreams: number; timeoutMs: number; intervalMs?: number }) {
  let open = 0;
  const interval = options.intervalMs ?? 1000;
  return {
    /** How many streams are open now. */
    count: () => open,
    handler:
      <T>(event: string, load: (c: Context) => Promise<T | Gone>) =>
      async (c: Context) => {
        if (open >= options.maxStreams) {
          // Any answer but 200 closes the page's EventSource for good (no reconnect every few
          // seconds), and the page says live updates are off; opened as an address, it is a page.
          const error = `too many live connections: this viewer serves at most ${options.maxStreams} at once (VIEWER_MAX_SSE); the page works without live updates, reload it later`;
          c.header("Retry-After", "30");
          return answerError(c, 503, error, messagePage("Too many live connections", `${error}.`, HOME));
        }
        open++;
        let active = true;
        // The place is freed as soon as the client goes, not at the end of the current wait.
        const release = () => {
          if (active) open--;
          active = false;
        };
        return streamSSE(c, async (stream) => {
          stream.onAbort(release);
          try {
            while (active) {
              const data = isRedisReady(options.redis) ? await withDeadline(load(c), options.timeoutMs).catch(() => null) : null;
              if (data instanceof Gone) {
                await stream.writeSSE({ event: "gone", data: data.message });
                break;
              }
              if (data === null) await stream.writeSSE({ event: "unavailable", data: REDIS_UNREACHABLE });
              else await stream.writeSSE({ event, data: JSON.stringify(data) });
              await stream.sleep(interval);
            }
          } finally {
            release();
          }
        });
      },
  };
}
