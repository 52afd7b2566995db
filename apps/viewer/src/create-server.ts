import type { PartitionedQueues, RedisClient } from "@newsflow/queue";
import { readDocument, readRejections, type Store, viewRun } from "@newsflow/store";
import { type Context, Hono } from "hono";
import { isAdmin, mountAdmin } from "./admin.js";
import { ALL_RUNS, ASSETS, answerError, HOME, internalError, notFound, notFoundPage } from "./html.js";
import { createLiveStreams, Gone } from "./live.js";
import { entitiesPage, entityPage } from "./pages/entities.js";
import { healthPage } from "./pages/health.js";
import { readerPage } from "./pages/reader.js";
import { runPage, runsPage } from "./pages/runs.js";
import { readHealth } from "./read-model.js";
import { boundRedis, isRedisFailure, isRedisReady, REDIS_UNREACHABLE, redisUnreachable, withDeadline } from "./redis-guard.js";
import { type LoginThrottleOptions, refuseCrossSite } from "./security.js";

// Our pages load nothing from elsewhere and run no inline script.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface ViewerDeps {
  store: Store;
  queues: PartitionedQueues;
  redis: RedisClient;
  adminToken?: string;
  /** Failed admin sign-ins allowed per client and window (default 5 per 15 minutes). */
  loginThrottle?: LoginThrottleOptions;
  /** Live streams (`/events/*`) open at once; past it a new one gets 503 (default 100). */
  maxSse?: number;
  /** How long a page may wait for Redis before answering 503 (default 3000 ms; health: at most 800 ms). */
  redisTimeoutMs?: number;
}

/** Defaults of the options above. */
export const VIEWER_DEFAULTS = { maxSse: 100, redisTimeoutMs: 3000, healthTimeoutMs: 800 } as const;

const int = (v: string | undefined, fallback: number, max = 1000, min = 0) => {
  const n = Number.parseInt(v ?? "", 10);
  return Number.isFinite(n) && n >= min ? Math.min(n, max) : fallback;
};
/** Both paths of the page of one run or document: `<list>/:id` and `<list>/` with `?id=` (see idPath). */
const byId = (list: string) => [`${list}/:id`, `${list}/`];
/** The id of such a page, from the path or, for "." and "..", the query. */
const idOf = (c: Context) => c.req.param("id") || c.req.query("id") || "";

const NO_SUCH_RUN = "no such run";
const NO_SUCH_DOCUMENT = "no such document";
const NO_SUCH_ENTITY = "no such entity";

/** A page size: at least 1 (a Redis range of 0 to -1 would be the whole list), at most `max`. */
const limitOf = (v: string | undefined, fallback: number, max: number) => int(v, fallback, max, 1);

/**
 * The viewer's HTTP app: the dashboard pages (server-rendered, live progress over Server-Sent
 * Events), a read-only JSON API over the store and the queues, and admin actions behind a
 * token. Lists are paginated (`offset`, `limit`); nothing loads the whole corpus. With Redis
 * down or not answering, every page answers 503 "Redis unreachable" at once or within its bound,
 * and live streams stay open and resume when Redis is back.
 */
export function createServer(deps: ViewerDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  const timeoutMs = deps.redisTimeoutMs ?? VIEWER_DEFAULTS.redisTimeoutMs;
  const live = createLiveStreams({ redis: deps.redis, maxStreams: deps.maxSse ?? VIEWER_DEFAULTS.maxSse, timeoutMs });

  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
    // bull-board's inspector brings its own scripts; it still may not be framed. Every other
    // page gets the strict policy.
    c.header("Content-Security-Policy", c.req.path.startsWith("/admin/queues") ? "frame-ancestors 'none'" : CSP);
  });
  app.use("*", refuseCrossSite());
  app.use("*", boundRedis({ redis: deps.redis, timeoutMs, healthTimeoutMs: Math.min(timeoutMs, VIEWER_DEFAULTS.healthTimeoutMs), skip: ["/static/", "/events/", "/favicon.ico"], unbounded: ["/admin/runs/"] }));
  app.onError((err, c) => {
    if (isRedisFailure(err, deps.redis)) return redisUnreachable(c);
    console.error(err); // Hono's default; a bug, not Redis
    return internalError(c);
  });
  // The JSON API answers an unknown path as it answers an unknown id, with a JSON error; so is an
  // unknown page answered to a client that asks for JSON.
  app.notFound((c) => answerError(c, 404, c.req.path.startsWith("/api/") ? "no such API path" : "no such page", notFoundPage("There is no page at this address.", HOME)));
  app.get("/static/:name", (c) => {
    const name = c.req.param("name") as keyof typeof ASSETS;
    // Own properties only: `constructor` or `__proto__` are not files.
    if (!Object.hasOwn(ASSETS, name)) return c.notFound();
    c.header("Content-Type", name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
    c.header("Cache-Control", "no-cache");
    return c.body(ASSETS[name]);
  });

  // Browsers ask every page's host for an icon; a 404 there was an error in every page's console.
  app.get("/favicon.ico", (c) => {
    c.header("Cache-Control", "max-age=86400");
    return c.body(null, 204);
  });
  app.get("/", (c) => c.redirect("/runs"));
  app.get("/runs", async (c) => c.html(await runsPage(store, int(c.req.query("offset"), 0, 1e9), c.req.query("deleted"))));
  // Each page of one run or document also answers at `<list>/?id=ID`, for the ids "." and ".." (see idPath).
  app.on("GET", byId("/runs"), async (c) => {
    const page = await runPage(store, idOf(c), int(c.req.query("offset"), 0, 1e9), int(c.req.query("rejected"), 0, 1e9), isAdmin(c, deps.adminToken));
    return page ? c.html(page) : notFound(c, NO_SUCH_RUN, `There is no run “${idOf(c)}”.`, ALL_RUNS);
  });
  app.on("GET", byId("/documents"), async (c) => {
    const page = await readerPage(store, idOf(c), int(c.req.query("offset"), 0, 1e9));
    return page ? c.html(page) : notFound(c, NO_SUCH_DOCUMENT, `There is no document “${idOf(c)}”.`, ALL_RUNS);
  });
  app.get("/entities", async (c) => c.html(await entitiesPage(store, (c.req.query("q") ?? "").slice(0, 100), c.req.query("type") || undefined, int(c.req.query("offset"), 0, 1e9))));
  app.get("/entities/:id", async (c) => {
    const page = await entityPage(store, c.req.param("id"), int(c.req.query("offset"), 0, 1e9), int(c.req.query("quotes"), 0, 1e9));
    return page ? c.html(page) : notFound(c, NO_SUCH_ENTITY, `There is no entity “${c.req.param("id")}”.`, { href: "/entities", label: "All entities" });
  });
  app.get("/health", async (c) => c.html(await healthPage(deps.redis, deps.queues, Boolean(deps.adminToken), isAdmin(c, deps.adminToken))));

  /**
   * Live progress: the runs of a page of the list every second, as `runs` events `{total, runs}`:
   * the page's rows follow `runs`, and its pager `total` (a run deleted from another page moves it).
   */
  app.get("/events/runs", live.handler("runs", async (c) => {
    const { total, runs } = await store.listRuns(int(c.req.query("offset"), 0, 1e9), limitOf(c.req.query("limit"), 20, 200));
    return { total, runs: runs.map((r) => viewRun(r)) };
  }));
  /** Whether Redis says there is no such run (while it does not answer, the stream opens and says that instead). */
  const isUnknownRun = async (id: string) => isRedisReady(deps.redis) && (await withDeadline(store.getRun(id), timeoutMs).catch(() => undefined)) === null;
  /**
   * Live progress of one run, as `runs` events `{runs: [run]}`; an unknown run is a 404, and a run
   * deleted while its stream is open ends the stream with a `gone` event, not a stream of empty
   * lists that never ends.
   */
  app.on("GET", byId("/events/runs"), async (c, next) => ((await isUnknownRun(idOf(c))) ? c.json({ error: NO_SUCH_RUN }, 404) : next()), live.handler("runs", async (c) => {
    const run = await store.getRun(idOf(c));
    return run ? { runs: [viewRun(run)] } : new Gone(NO_SUCH_RUN);
  }));

  mountAdmin(app, deps);

  app.get("/api/health", async (c) => {
    const health = await readHealth(deps.redis, deps.queues);
    return health.redis.ok ? c.json(health) : c.json({ ...health, redis: { ...health.redis, error: `${REDIS_UNREACHABLE}: ${health.redis.error}` } }, 503);
  });

  app.get("/api/runs", async (c) => {
    const { total, runs } = await store.listRuns(int(c.req.query("offset"), 0, 1e9), limitOf(c.req.query("limit"), 20, 200));
    return c.json({ total, runs: runs.map((r) => viewRun(r)) });
  });

  app.on("GET", byId("/api/runs"), async (c) => {
    const run = await store.getRun(idOf(c));
    if (!run) return c.json({ error: NO_SUCH_RUN }, 404);
    const offset = int(c.req.query("offset"), 0, 1e9);
    const [docs, rejected, entities] = await Promise.all([
      store.listRunDocuments(run.id, offset, limitOf(c.req.query("limit"), 50, 500)),
      readRejections(store, run),
      store.topEntities({ runId: run.id, limit: 20 }),
    ]);
    return c.json({ run: viewRun(run), documents: docs, ...rejected, topEntities: entities.entities });
  });

  app.get("/api/documents", async (c) => c.json(await store.listDocuments(int(c.req.query("offset"), 0, 1e9), limitOf(c.req.query("limit"), 50, 500))));

  app.on("GET", byId("/api/documents"), async (c) => {
    const doc = await readDocument(store, idOf(c), int(c.req.query("offset"), 0, 1e9), limitOf(c.req.query("limit"), 50, 500));
    return doc ? c.json(doc) : c.json({ error: NO_SUCH_DOCUMENT }, 404);
  });

  app.get("/api/documents/:id/quotes", async (c) => {
    const result = await store.getDocumentResult(c.req.param("id"));
    return result ? c.json({ quotes: result.quotes }) : c.json({ error: "no document result yet" }, 404);
  });

  app.get("/api/entities", async (c) => {
    const q = c.req.query("q");
    const type = c.req.query("type") || undefined;
    const limit = limitOf(c.req.query("limit"), 50, 500);
    if (q) return c.json({ entities: await store.searchEntities(q, { type, limit }) });
    return c.json(await store.topEntities({ runId: c.req.query("runId") || undefined, type, offset: int(c.req.query("offset"), 0, 1e9), limit }));
  });

  app.get("/api/entities/:id", async (c) => {
    const entity = await store.getEntity(c.req.param("id"));
    if (!entity) return c.json({ error: NO_SUCH_ENTITY }, 404);
    const offset = int(c.req.query("offset"), 0, 1e9);
    const [documents, quoted] = await Promise.all([store.entityDocuments(entity.id, offset, 20), store.speakerDocuments(entity.id, 0, 20)]);
    return c.json({ entity, documents, quotedIn: quoted });
  });

  /** A speaker's quotes across the corpus (one page of the documents that quote them). */
  app.get("/api/entities/:id/quotes", async (c) => {
    const id = c.req.param("id");
    if (!(await store.getEntity(id))) return c.json({ error: NO_SUCH_ENTITY }, 404);
    const { total, documents } = await store.speakerDocuments(id, int(c.req.query("offset"), 0, 1e9), limitOf(c.req.query("limit"), 20, 100));
    const results = await Promise.all(documents.map((d) => store.getDocumentResult(d.docId)));
    const quotes = results.flatMap((r) => (r ? r.quotes.filter((q) => q.speakerEntityId === id).map((q) => ({ docId: r.docId, ...q })) : []));
    return c.json({ total, quotes });
  });

  return app;
}
