import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { refuse } from "./html.js";

const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;

/**
 * Refuse (403) a state-changing request (any method but GET/HEAD/OPTIONS) that a browser sent
 * from another origin, as the admin routes refuse (`refuse`: a JSON error or a page).
 * `SameSite=Strict` is not enough: a page on another port of the same host is "same-site" and
 * gets the admin cookie. A browser says where a request comes from in `Sec-Fetch-Site` (only
 * `same-origin` passes) or, in older browsers, `Origin` (must be this host and port). A request
 * with neither header does not come from a page (curl, scripts): it carries no ambient cookie of
 * the admin's browser, and still needs the token.
 *
 * Written here rather than `hono/csrf`, which checks only form-like content types and refuses
 * header-less clients.
 */
export function refuseCrossSite(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.test(c.req.method) && !fromThisOrigin(c)) {
      return refuse(c, 403, "cross-site request refused: admin actions must come from the viewer's own pages");
    }
    await next();
  };
}

function fromThisOrigin(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined) return site === "same-origin" || site === "none";
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  try {
    // Host and port only: behind a TLS-terminating proxy the scheme we see is not the browser's.
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false; // "null" (sandboxed frames, some redirects) and anything unparsable
  }
}

/** How many failed sign-ins a client may make per window. */
export interface LoginThrottleOptions {
  maxFailures: number;
  windowMs: number;
}

/** Failed sign-ins per client (by socket address: X-Forwarded-For is not trusted). */
export interface LoginThrottle {
  /** Seconds the client must wait, or 0 when it may try. */
  retryAfter(c: Context, now?: number): number;
  fail(c: Context, now?: number): void;
  succeed(c: Context): void;
}

/** The client's address as the socket sees it ("unknown" outside a Node server, e.g. app.request). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * Throttle failed admin sign-ins: after `maxFailures` failures within `windowMs` (counted from
 * the first), a client is refused until the window ends, even with the right token.
 */
export function createLoginThrottle({ maxFailures, windowMs }: LoginThrottleOptions): LoginThrottle {
  const failures = new Map<string, { count: number; until: number }>();
  const sweep = (now: number) => {
    if (failures.size < 10_000) return;
    for (const [key, f] of failures) if (f.until <= now) failures.delete(key);
  };
  return {
    retryAfter(c, now = Date.now()) {
      const f = failures.get(clientAddress(c));
      return f && f.until > now && f.count >= maxFailures ? Math.ceil((f.until - now) / 1000) : 0;
    },
    fail(c, now = Date.now()) {
      sweep(now);
      const key = clientAddress(c);
      const f = failures.get(key);
      if (!f || f.until <= now) failures.set(key, { count: 1, until: now + windowMs });
      else f.count++;
    },
    succeed(c) {
      failures.delete(clientAddress(c));
    },
  };
}
