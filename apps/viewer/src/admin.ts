import { timingSafeEqual } from "node:crypto";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { QUEUE_NAMES, type QueueName } from "@newsflow/contracts";
import { deleteRun, type PartitionedQueues, RunBusyError, retryFailedJob } from "@newsflow/queue";
import type { Store } from "@newsflow/store";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { ALL_RUNS, answerError, HEALTH, idPath, messagePage, notFound, notFoundPage, refuse, wantsJson } from "./html.js";
import { createLoginThrottle, type LoginThrottle, type LoginThrottleOptions } from "./security.js";

const COOKIE = "nf_admin";
const DISABLED = "admin actions are disabled: start the viewer with VIEWER_ADMIN_TOKEN";

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a request carries the admin token (Bearer header or the sign-in cookie). */
export function isAdmin(c: Context, token: string | undefined): boolean {
  if (!token) return false;
  const bearer = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  const cookie = getCookie(c, COOKIE);
  return (bearer !== undefined && same(bearer, token)) || (cookie !== undefined && same(cookie, token));
}

/** The answer to a client that failed to sign in too often. */
function tooManyFailures(c: Context, seconds: number) {
  c.header("Retry-After", String(seconds));
  return refuse(c, 429, `too many failed sign-ins from this address: try again in ${seconds} s`);
}

/**
 * Admin routes refuse without a configured token (403) or without the right one (401), as JSON
 * errors or a page (`refuse`). A wrong token presented (header or cookie) counts as a failed
 * sign-in of the client.
 */
export function requireAdmin(token: string | undefined, throttle?: LoginThrottle): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return refuse(c, 403, DISABLED);
    const wait = throttle?.retryAfter(c) ?? 0;
    if (wait) return tooManyFailures(c, wait);
    if (!isAdmin(c, token)) {
      if (c.req.header("authorization") !== undefined || getCookie(c, COOKIE) !== undefined) throttle?.fail(c);
      return refuse(c, 401, "admin token required");
    }
    await next();
  };
}

/**
 * The 404 of an admin action, answered as its success is: `{"error": ...}` to a client that asks
 * for JSON (as every API error), else the dashboard's not-found page leading back to Health,
 * whose forms post these actions.
 */
const actionNotFound = (c: Context, error: string, sentence: string) => answerError(c, 404, error, notFoundPage(sentence, HEALTH));

/** Why the retry of a failed job whose payload does not match the catalog is refused (409). */
const NOT_RETRIABLE = "this job's payload is invalid, so a retry would fail again: remove the job instead";

/**
 * Runs the admin actions on one job one after another. Two clicks on a job's Retry or Remove (a
 * double submit, two tabs) both found the job failed: the second then removed nothing and still
 * said ok, or retried a job no longer failed (a 500). In turn, the second finds no failed job and
 * says so (404). Within this viewer only: another process acting on the job at once still races.
 */
function createActionLock() {
  const tails = new Map<string, Promise<void>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const result = (tails.get(key) ?? Promise.resolve()).then(work);
    const tail = result.then(
      () => {},
      () => {},
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}

/** The `force` field of a run's deletion: the form's checkbox (`force=1`) or a JSON body's `{"force": true}`. */
async function forceOf(c: Context): Promise<boolean> {
  const body: unknown = c.req.header("content-type")?.includes("application/json") ? await c.req.json().catch(() => null) : await c.req.parseBody();
  const force = body && typeof body === "object" ? (body as Record<string, unknown>).force : undefined;
  return force === true || force === "1" || force === "on" || force === "true";
}

/** By default a client may fail to sign in 5 times per 15 minutes. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000 };

/**
 * Admin: sign-in (sets an HttpOnly, SameSite=Strict cookie; failures throttled per client), retry
 * or remove a failed job, delete a run, and bull-board's raw queue inspector at /admin/queues, all
 * behind the same token. Cross-site requests are refused before they get here (`refuseCrossSite`).
 */
export function mountAdmin(app: Hono, deps: { store: Store; queues: PartitionedQueues; adminToken?: string; loginThrottle?: LoginThrottleOptions }): void {
  const token = deps.adminToken;
  const throttle = createLoginThrottle(deps.loginThrottle ?? DEFAULT_LOGIN_THROTTLE);
  app.post("/admin/login", async (c) => {
    if (!token) return refuse(c, 403, DISABLED);
    const wait = throttle.retryAfter(c);
    if (wait) return tooManyFailures(c, wait);
    const body = await c.req.parseBody();
    if (typeof body.token !== "string" || !same(body.token, token)) {
      throttle.fail(c);
      return refuse(c, 401, "wrong admin token");
    }
    throttle.succeed(c);
    setCookie(c, COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/", secure: new URL(c.req.url).protocol === "https:" });
    return c.redirect("/health", 303);
  });
  const admin = requireAdmin(token, throttle);
  app.use("/admin/jobs/*", admin);
  app.use("/admin/runs/*", admin);
  app.use("/admin/queues/*", admin);
  app.use("/admin/queues", admin);

  const oneAtATime = createActionLock();
  app.post("/admin/jobs/:partition/:queue/:id/:action", async (c) => {
    const queue = c.req.param("queue") as QueueName;
    const partition = Number(c.req.param("partition"));
    const id = c.req.param("id");
    const action = c.req.param("action");
    if (action !== "retry" && action !== "remove") return actionNotFound(c, "unknown action", `There is no action “${action}”: a failed job can be retried or removed.`);
    if (!QUEUE_NAMES.includes(queue) || !deps.queues[partition]) return actionNotFound(c, "no such queue", `There is no queue “${c.req.param("queue")}” in partition “${c.req.param("partition")}”.`);
    const noSuchJob = () => actionNotFound(c, "no such failed job", `There is no failed job “${id}” in the ${queue} queue.`);
    return oneAtATime(`${partition}/${queue}/${id}`, async () => {
      if (action === "remove") {
        const job = await deps.queues[partition]![queue].getJob(id);
        if (!job || !(await job.isFailed())) return noSuchJob();
        await job.remove();
      } else {
        // The same retry as `newsflow retry`: failures cleared, the job redone, the document re-assembled.
        const retry = await retryFailedJob(deps, partition, queue, id);
        if ("refused" in retry) return retry.refused === "invalid payload" ? answerError(c, 409, NOT_RETRIABLE, messagePage("Not retried", `${NOT_RETRIABLE}.`, HEALTH)) : noSuchJob();
      }
      return wantsJson(c) ? c.json({ ok: true, action }) : c.redirect("/health", 303);
    });
  });

  /**
   * Delete a run with all it owns, as `newsflow runs delete` does (`deleteRun`): a form (the run
   * page's, with `force` ticked or not) is sent to the run list, which says the run was deleted;
   * a JSON client gets `{deleted}`. A run that is not there (gone already: the second of two
   * submits) is a 404, a run still busy a 409 saying why. At `/admin/runs/delete?id=` for the ids
   * "." and ".." (see idPath).
   */
  app.on("POST", ["/admin/runs/:id/delete", "/admin/runs/delete"], async (c) => {
    const id = c.req.param("id") || c.req.query("id") || "";
    const force = await forceOf(c);
    return oneAtATime(`run/${id}`, async () => {
      let deleted: Awaited<ReturnType<typeof deleteRun>>;
      try {
        deleted = await deleteRun(deps, id, { force });
      } catch (err) {
        if (!(err instanceof RunBusyError)) throw err;
        return answerError(c, 409, err.message, messagePage("Not deleted", `${err.message}.`, { href: idPath("/runs", id), label: `Run ${id}` }));
      }
      if (!deleted) return notFound(c, "no such run", `There is no run “${id}”.`, ALL_RUNS);
      return wantsJson(c) ? c.json({ deleted }) : c.redirect(`/runs?deleted=${encodeURIComponent(id)}`, 303);
    });
  });

  const board = new HonoAdapter(serveStatic);
  createBullBoard({ queues: deps.queues.flatMap((set) => QUEUE_NAMES.map((q) => new BullMQAdapter(set[q], { readOnlyMode: false }))), serverAdapter: board });
  board.setBasePath("/admin/queues");
  app.route("/admin/queues", board.registerPlugin());
}
