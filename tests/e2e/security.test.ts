import { execFileSync } from "node:child_process";
import { createServer as createHttpServer, request, type Server } from "node:http";
import { join } from "node:path";
import { freePort, REPO_ROOT } from "@newsflow/cli/processes";
import { closeQueues, createLogger, createPartitionedQueues, createRedis, createWorker, type PartitionedQueues, type RedisClient } from "@newsflow/queue";
import { createKeys, createStore, type Store } from "@newsflow/store";
import { createServer, type ServedViewer, serveViewer } from "@newsflow/viewer";
import type { Worker } from "bullmq";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis, uniquePrefix } from "../support/redis-server.js";

const ADMIN_TOKEN = "security-admin-token-0123456789";
const chromiumPath = execFileSync(process.execPath, [join(REPO_ROOT, "scripts/ensure-chromium.mjs")], { encoding: "utf8" }).trim();

/** A POST from a given local address (another client of the viewer), with its status. */
function postFrom(localAddress: string, url: string, form: Record<string, string>): Promise<number> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", localAddress, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the viewer against a hostile browser and hostile data", () => {
  let redis: TestRedis;
  let connection: RedisClient;
  let workerConnection: RedisClient;
  let queues: PartitionedQueues;
  let store: Store;
  let worker: Worker;
  let viewer: ServedViewer;
  let attacker: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  let evil: string;

  /** A job of the summarize queue that failed for good (its payload is malformed). */
  async function failedJob(name: string): Promise<string> {
    const job = await queues[0]!.summarize.add(name, { not: "a paragraph" }, { jobId: name });
    await expect.poll(async () => (await queues[0]!.summarize.getJob(job.id!))?.isFailed(), { timeout: 10_000 }).toBe(true);
    return job.id!;
  }

  /**
   * The admin action a forged request aims at: the path the health page's Remove button posts
   * for a failed job (`/admin/jobs/<partition>/<queue>/<job>/remove`), so the refusal checked is
   * that of a route that exists, which the admin's own click carries out.
   */
  async function removeAction(id: string): Promise<string> {
    await page.goto(`${base}/health`);
    const action = await page.locator("tr", { hasText: id }).locator('form[action$="/remove"]').getAttribute("action");
    expect(action).toBe(`/admin/jobs/0/summarize/${id}/remove`);
    return action!;
  }

  beforeAll(async () => {
    redis = await startRedis();
    const keys = createKeys(uniquePrefix("security"));
    const prefix = keys.partitionPrefixes[0]!;
    connection = createRedis({ url: redis.url });
    workerConnection = createRedis({ url: redis.url }, { blocking: true });
    queues = createPartitionedQueues(connection, keys.partitionPrefixes);
    store = createStore(connection, keys);
    worker = createWorker({ queue: "summarize", connection: workerConnection, prefix, concurrency: 1, logger: createLogger("test", "silent"), process: async () => ({}) });
    void worker.run();
    viewer = await serveViewer(
      createServer({ store, queues, redis: connection, adminToken: ADMIN_TOKEN, loginThrottle: { maxFailures: 3, windowMs: 60_000 } }),
      "127.0.0.1",
      0,
    );
    base = `http://127.0.0.1:${viewer.port}`;
    // The attacker: a page on another port of the same host, where the admin's cookie is "same-site".
    const attackerPort = await freePort();
    evil = `http://127.0.0.1:${attackerPort}`;
    attacker = createHttpServer((req, res) => {
      const u = new URL(req.url ?? "/", evil);
      const action = `${base}${u.searchParams.get("action") ?? "/"}`;
      res.setHeader("content-type", "text/html");
      res.end(
        u.pathname === "/fetch"
          ? `<!doctype html><script>fetch(${JSON.stringify(action)}, { method: "POST", mode: "no-cors", credentials: "include" }).finally(() => { document.title = "sent"; });</script>`
          : `<!doctype html><form id="f" method="post" action="${action}"><input name="token" value="guess"></form><script>document.getElementById("f").submit();</script>`,
      );
    });
    await new Promise<void>((r) => attacker.listen(attackerPort, "127.0.0.1", r));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage();
    // Sign in the ordinary way: the form on /health sets the HttpOnly, SameSite=Strict cookie.
    await page.goto(`${base}/health`);
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Signed in as admin").waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (attacker ? attacker.close(r) : r(undefined)));
    await viewer?.close();
    await worker?.close();
    if (queues) await closeQueues(queues);
    connection?.disconnect();
    workerConnection?.disconnect();
    await redis?.stop();
  });

  it("refuses an admin action posted by a form on another port, although the browser sends the cookie", async () => {
    const id = await failedJob("csrf-form");
    const action = await removeAction(id);
    const answer = page.waitForResponse((r) => r.url() === `${base}${action}`);
    await page.goto(`${evil}/?action=${encodeURIComponent(action)}`);
    const response = await answer;
    expect(response.status()).toBe(403);
    expect(await response.text()).toMatch(/cross-site request refused/);
    expect(await (await queues[0]!.summarize.getJob(id))?.isFailed()).toBe(true);
  });

  it("refuses an admin action sent by fetch (no-cors, with credentials) from another port", async () => {
    const id = await failedJob("csrf-fetch");
    const action = await removeAction(id);
    const answer = page.waitForResponse((r) => r.url() === `${base}${action}`);
    await page.goto(`${evil}/fetch?action=${encodeURIComponent(action)}`);
    expect((await answer).status()).toBe(403);
    await expect.poll(() => page.title()).toBe("sent");
    expect(await (await queues[0]!.summarize.getJob(id))?.isFailed()).toBe(true);
  });

  it("refuses a sign-in posted from another port", async () => {
    const answer = page.waitForResponse((r) => r.url() === `${base}/admin/login`);
    await page.goto(`${evil}/?action=${encodeURIComponent("/admin/login")}`);
    expect((await answer).status()).toBe(403);
  });

  it("still lets the signed-in admin remove a failed job from the health page", async () => {
    const id = await failedJob("same-origin");
    await page.goto(`${base}/health`);
    const row = page.locator("tr", { hasText: id });
    await row.getByRole("button", { name: "Remove" }).click();
    await expect.poll(async () => queues[0]!.summarize.getJob(id)).toBeUndefined();
  });

  it("answers a wrong token in the sign-in form with a page of the dashboard leading back to the form", async () => {
    // A browser of no admin: a context of its own, without the cookie.
    const context = await browser.newContext();
    try {
      const visitor = await context.newPage();
      await visitor.goto(`${base}/health`);
      await visitor.getByLabel("Admin token").fill("not-the-token");
      const [answer] = await Promise.all([visitor.waitForResponse(`${base}/admin/login`), visitor.getByRole("button", { name: "Sign in" }).click()]);
      expect(answer.status()).toBe(401);
      expect(await visitor.getByRole("heading", { level: 1 }).textContent()).toBe("Not allowed");
      expect((await visitor.locator("main p").textContent())?.trim()).toBe("wrong admin token. Health");
      await visitor.getByRole("main").getByRole("link", { name: "Health" }).click();
      await visitor.getByLabel("Admin token").waitFor();
    } finally {
      await context.close();
    }
  });

  it("renders a stored javascript: URL as text, not as a link", async () => {
    await store.createRun("hostile-url", ["test"], { id: "test", leaseMs: 1 });
    const meta = { id: "hostile-url-doc", title: "Hostile link", source: "test", url: "javascript:alert(document.domain)", publishedAt: null, paragraphCount: 1, createdAt: Date.now(), contentHash: "h" };
    await store.putDocument("hostile-url", 0, meta, [{ index: 0, start: 0, end: 5, text: "Hello" }]);
    await page.goto(`${base}/documents/hostile-url-doc`);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator("article").textContent()).toContain("javascript:alert(document.domain)");
  });

  it("forbids framing bull-board's pages", async () => {
    const res = await fetch(`${base}/admin/queues`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("answers 404 for inherited properties in the static file lookup", async () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) expect((await fetch(`${base}/static/${name}`)).status).toBe(404);
    expect((await fetch(`${base}/static/app.js`)).status).toBe(200);
  });

  it("throttles failed sign-ins per client: after 3 failures even the right token waits, other clients do not", async () => {
    for (let i = 0; i < 3; i++) expect(await postFrom("127.0.0.3", `${base}/admin/login`, { token: `wrong-${i}` })).toBe(401);
    expect(await postFrom("127.0.0.3", `${base}/admin/login`, { token: ADMIN_TOKEN })).toBe(429);
    expect(await postFrom("127.0.0.4", `${base}/admin/login`, { token: ADMIN_TOKEN })).toBe(303);
  });
});
