import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import type { EntityType } from "@newsflow/contracts";
import { createLogger, type Deployment, openDeployment, RedisEnv } from "@newsflow/queue";
import { STALLED_AFTER_MS } from "@newsflow/store";
import { createServer, type ServedViewer, serveViewer } from "@newsflow/viewer";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { startRedis, type TestRedis, uniquePrefix } from "../support/redis-server.js";

const chromiumPath = execFileSync(process.execPath, [join(REPO_ROOT, "scripts/ensure-chromium.mjs")], { encoding: "utf8" }).trim();
const producer = { id: "p1", leaseMs: 60_000 };
const launch = () =>
  chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });

/**
 * The dashboard as a person uses it (typing, keyboard, the back button), in real Chromium, over
 * results written straight to the store of a private Redis: no workers, so each case is quick.
 */
describe("using the dashboard in real Chromium", () => {
  let redis: TestRedis;
  let deployment: Deployment;
  let viewer: ServedViewer;
  let browser: Browser;
  let page: Page;
  let base: string;
  let consoleErrors: string[];

  /** A one-paragraph document of run `runId` whose result names `entities` (id, name, type). */
  async function documentNaming(runId: string, docId: string, entities: Array<[string, string, EntityType]>) {
    const { store } = deployment;
    const text = entities.map(([, name]) => name).join(" and ");
    await store.putDocument(runId, 1, { id: docId, title: `About ${text}`, source: `${docId}.txt`, url: null, publishedAt: null, paragraphCount: 1, createdAt: 1, contentHash: docId }, [{ index: 0, start: 0, end: text.length, text }]);
    let at = 0;
    const canonical = entities.map(([id, name, type]) => {
      const mention = { paragraphIndex: 0, start: at, end: at + name.length, text: name };
      at += name.length + 5;
      return { id, name, type, aliases: [], mentions: [mention] };
    });
    await store.putDocumentResult({ docId, summary: { sentences: [], text: "" }, entities: canonical, quotes: [], missing: [], completedAt: 5 });
  }

  /** A run `runId` whose one document `docId` names `entities`, all of it enqueued (see documentNaming). */
  async function runOfOneDocument(runId: string, docId: string, entities: Array<[string, string, EntityType]>) {
    await deployment.store.createRun(runId, ["x"], producer);
    await documentNaming(runId, docId, entities);
    await deployment.store.finishEnqueue(runId, producer.id);
  }

  beforeAll(async () => {
    redis = await startRedis();
    const env = RedisEnv.parse({ REDIS_URL: redis.url, NEWSFLOW_PREFIX: uniquePrefix("usage") });
    deployment = await openDeployment(env, createLogger("usage-test", "silent"));
    viewer = await serveViewer(createServer(deployment), "127.0.0.1", 0);
    base = `http://127.0.0.1:${viewer.port}`;
    browser = await launch();
    await deployment.store.createRun("usage-run", ["x"], producer);
    await documentNaming("usage-run", "doc-hezbollah", [["org-hezbollah", "Hezbollah", "ORG"], ["per-haider", "Haider al-Abadi", "PER"]]);
    await documentNaming("usage-run", "doc-hebron", [["loc-hebron", "Hebron", "LOC"]]);
    await deployment.store.finishEnqueue("usage-run", producer.id);
  });
  beforeEach(async () => {
    // A context of its own per case: no cache, cookies or history from the case before.
    await page?.context().close();
    page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    consoleErrors = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    await deployment?.close();
    await redis?.stop();
  });

  it("keeps every letter typed into the entity search, with pauses, and the field's focus", async () => {
    await page.goto(`${base}/entities`);
    const field = page.getByLabel("Name");
    await field.click();
    const historyBefore = await page.evaluate(() => history.length);
    // A pause after "he" (longer than the search's wait) and after "hezb", as people type.
    for (const part of ["he", "zb", "ollah"]) {
      await page.keyboard.type(part, { delay: 60 });
      await page.waitForTimeout(700);
    }
    expect(await field.inputValue()).toBe("hezbollah");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await expect.poll(() => page.locator("[data-results] table a.ent").allTextContents()).toEqual(["HezbollahORG"]);
    expect(await page.locator("[data-results] h2").textContent()).toBe("Results for “hezbollah”");
    // The address names the search (a reload or a shared link shows it), with no history entry per pause.
    expect(new URL(page.url()).searchParams.get("q")).toBe("hezbollah");
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    // The type filter narrows the results as the name does.
    await page.getByLabel("Type").selectOption("PER");
    await expect.poll(() => page.locator("[data-results]").textContent()).toContain("No entities found.");
    expect(new URL(page.url()).searchParams.get("type")).toBe("PER");
    expect(consoleErrors).toEqual([]);
  });

  it("shows a run that appears while the list is open as the list shows it after a reload", async () => {
    await page.goto(`${base}/runs`);
    await runOfOneDocument("usage-live", "doc-live", [["org-hezbollah", "Hezbollah", "ORG"]]);
    const row = page.locator('tr[data-run="usage-live"]');
    await expect.poll(() => row.locator('[data-field="status"]').textContent(), { timeout: 10_000 }).toBe("completed");
    const cells = async () => (await row.locator("td").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    const live = await cells();
    const bar = row.getByRole("progressbar");
    const liveBar = [await bar.getAttribute("aria-label"), await bar.getAttribute("aria-valuenow")];
    await page.reload();
    // Its progress bar is named after the run, as every served row's is (not only "Progress").
    expect(liveBar).toEqual([await bar.getAttribute("aria-label"), await bar.getAttribute("aria-valuenow")]);
    expect(liveBar).toEqual(["Progress of usage-live", "100"]);
    const served = await cells();
    // The rate is measured at each moment; everything else is the same, the start time included.
    expect(live.filter((_, i) => i !== 5)).toEqual(served.filter((_, i) => i !== 5));
    expect(served[0]).toMatch(/^usage-live \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  });

  it("keeps the run list's page and pager as a reload shows them when runs appear live", async () => {
    const { store } = deployment;
    // A full first page, and no second one, when the list is opened.
    for (let i = (await store.listRuns(0, 1)).total; i < 20; i++) await store.createRun(`usage-fill-${i}`, ["x"], producer);
    await page.goto(`${base}/runs`);
    const pager = page.locator("nav.pager");
    expect((await pager.textContent())?.trim()).toBe("1–20 of 20");
    const before = await page.locator("tbody tr[data-run]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-run")));
    await store.createRun("usage-new-1", ["x"], producer);
    await store.createRun("usage-new-2", ["x"], producer);
    await expect.poll(() => page.locator('tr[data-run^="usage-new-"]').count(), { timeout: 10_000 }).toBe(2);
    // Twenty rows still, the two new on top; the pager counts them and leads to the two pushed off.
    await expect.poll(async () => (await pager.textContent())?.replace(/\s+/g, " ").trim(), { timeout: 10_000 }).toBe("1–20 of 22 Next →");
    const rows = await page.locator("tbody tr[data-run]").evaluateAll((trs) => trs.map((r) => r.getAttribute("data-run")));
    expect(rows).toEqual(["usage-new-2", "usage-new-1", ...before.slice(0, 18)]);
    await pager.getByRole("link", { name: "Next →" }).click();
    await page.waitForURL(`${base}/runs?offset=20`);
    expect(await page.locator("tbody tr[data-run]").evaluateAll((trs) => trs.map((r) => r.getAttribute("data-run")))).toEqual(before.slice(18));
  });

  it("shows a run that has made no progress for a while as stalled, not with an ETA from its old rate, live too", async () => {
    const { store } = deployment;
    await store.createRun("usage-stalled", ["x"], producer, Date.now() - 10 * STALLED_AFTER_MS);
    const text = "Nothing moves.";
    await store.putDocument("usage-stalled", 1, { id: "doc-stalled", title: "Stalled", source: "stalled.txt", url: null, publishedAt: null, paragraphCount: 2, createdAt: 1, contentHash: "doc-stalled" }, [0, 1].map((index) => ({ index, start: 0, end: text.length, text })));
    await store.markEnqueued(["doc-stalled"]);
    await store.finishEnqueue("usage-stalled", producer.id);
    // Its counts (held in its one document's partition) last changed long ago.
    const backdate = () => deployment.redis.hset(store.keys.runCounts(store.keys.partitionOf("doc-stalled"), "usage-stalled"), "lastAt", String(Date.now() - 2 * STALLED_AFTER_MS));
    await store.putParagraphResults("doc-stalled", "summarize", [[0, { sentences: [], summary: [], short: "", keyPhrases: [] }]]);
    await backdate();
    await page.goto(`${base}/runs/usage-stalled`);
    const field = (name: string) => page.locator(`[data-field="${name}"]`).first().textContent();
    expect(await field("eta")).toBe("stalled");
    // A change the live stream paints (then backdated again): the ETA it paints says stalled as well.
    await store.putParagraphResults("doc-stalled", "quotes", [[0, { quotes: [] }]]);
    await backdate();
    await expect.poll(async () => [await field("quotes"), await field("eta")], { timeout: 10_000 }).toEqual(["1 / 2", "stalled"]);
  });

  it("drops a run deleted while the run list is open from its page, and keeps every page and pager as a reload shows them", async () => {
    const { store, redis } = deployment;
    // More runs than a page holds (the cases before left 20 or more), the two newest to be deleted.
    for (let i = (await store.listRuns(0, 1)).total; i < 22; i++) await store.createRun(`usage-more-${i}`, ["x"], producer);
    const now = Date.now();
    await store.createRun("usage-doomed", ["x"], producer, now + 1);
    await store.createRun("usage-doomed-too", ["x"], producer, now + 2);
    const total = (await store.listRuns(0, 1)).total;
    const first = page;
    const second = await page.context().newPage();
    await first.goto(`${base}/runs`);
    await second.goto(`${base}/runs?offset=20`);
    const rows = (tab: Page) => tab.locator("tbody tr").evaluateAll((trs) => trs.map((r) => r.getAttribute("data-run") ?? r.textContent));
    const pager = async (tab: Page) => (await tab.locator("nav.pager").textContent())?.replace(/\s+/g, " ").trim();
    expect((await rows(first)).slice(0, 2)).toEqual(["usage-doomed-too", "usage-doomed"]);
    expect(await pager(first)).toBe(`1–20 of ${total} Next →`);
    const onSecond = await rows(second);
    /** Each open page shows, without a reload, the rows and pager a reload shows now. */
    const asReloaded = async (...tabs: Page[]) => {
      const fresh = await page.context().newPage();
      try {
        for (const tab of tabs) {
          await fresh.goto(tab.url());
          const served = [await rows(fresh), await pager(fresh)];
          await expect.poll(async () => [await rows(tab), await pager(tab)], { timeout: 10_000 }).toEqual(served);
        }
      } finally {
        await fresh.close();
      }
    };
    // The run's record deleted by hand, as the run page's case below deletes one: the list's index
    // still names it, but the list counts only runs that exist, and the page keeps 20 rows.
    await redis.del(store.keys.run("usage-doomed"));
    await asReloaded(first, second);
    expect(await rows(first)).not.toContain("usage-doomed");
    expect(await rows(first)).toHaveLength(20);
    expect([await pager(first), await pager(second)]).toEqual([`1–20 of ${total - 1} Next →`, `← Previous 21–${total - 1} of ${total - 1}`]);
    expect(await redis.zscore(store.keys.runs(), "usage-doomed")).toBeNull();
    // A run deleted from the index too: the first run of the next page moves up into its place.
    await redis.del(store.keys.run("usage-doomed-too"));
    await redis.zrem(store.keys.runs(), "usage-doomed-too");
    await asReloaded(first, second);
    expect((await rows(first)).at(-1)).toBe(onSecond[1]);
    // A run of the second page deleted: its row goes there, and the first page, whose rows stay,
    // counts one run fewer in its pager too.
    const firstRows = await rows(first);
    const [, , gone] = onSecond;
    await redis.del(store.keys.run(gone!));
    await redis.zrem(store.keys.runs(), gone!);
    await asReloaded(second, first);
    expect(await rows(second)).not.toContain(gone);
    expect(await rows(first)).toEqual(firstRows);
    expect(await pager(first)).toBe(`1–20 of ${total - 3} Next →`);
    // Every run of the second page taken out of the list: it says there are none, as a reload does,
    // and the first page's pager has no next page any more.
    for (const id of await rows(second)) await redis.zrem(store.keys.runs(), id!);
    await asReloaded(second, first);
    expect(await rows(second)).toEqual(["No runs yet."]);
    expect(await pager(first)).toBe("1–20 of 20");
    expect(consoleErrors).toEqual([]);
  });

  it("says a run deleted while its page is open no longer exists, and stops listening", async () => {
    const { store } = deployment;
    await store.createRun("usage-deleted", ["x"], producer);
    await page.goto(`${base}/runs/usage-deleted`);
    await page.waitForFunction(() => document.querySelector("[data-live] .warn") !== null);
    await deployment.redis.del(store.keys.run("usage-deleted"));
    const notice = page.getByRole("status");
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toBe("This run no longer exists: it was deleted while this page was open. Live updates have stopped.");
    // Closed by the page: no reconnect to the run's stream (now a 404) replaces the line.
    await page.waitForTimeout(4000);
    expect(await notice.textContent()).toContain("This run no longer exists");
    expect(consoleErrors).toEqual([]);
  });

  it("drops a run deleted with 'newsflow runs delete' from the open run list, and its open page says it was deleted", async () => {
    await runOfOneDocument("usage-cli-deleted", "doc-cli-deleted", [["per-deleted", "Deletia Smith", "PER"]]);
    await page.goto(`${base}/runs`);
    const list = page.locator("tbody tr[data-run]");
    const total = async () => (await page.locator("nav.pager").textContent())?.replace(/\s+/g, " ").trim();
    expect(await list.evaluateAll((trs) => trs.map((r) => r.getAttribute("data-run")))).toContain("usage-cli-deleted");
    const before = await total();
    const runPage = await page.context().newPage();
    await runPage.goto(`${base}/runs/usage-cli-deleted`);
    await runPage.waitForFunction(() => document.querySelector("[data-live] .warn") !== null);
    const env = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: deployment.keys.name };
    expect(await runCli(["runs", "delete", "usage-cli-deleted"], env)).toEqual({ code: 0, stdout: "deleted run usage-cli-deleted: 1 document, 0 jobs taken out of the queues\n", stderr: "" });
    await expect.poll(() => list.evaluateAll((trs) => trs.map((r) => r.getAttribute("data-run"))), { timeout: 10_000 }).not.toContain("usage-cli-deleted");
    // Its pager counts one run fewer, as a reload shows it.
    await expect.poll(total, { timeout: 10_000 }).not.toBe(before);
    const live = await total();
    await page.reload();
    expect(await total()).toBe(live);
    await expect.poll(() => runPage.getByRole("status").textContent(), { timeout: 10_000 }).toBe("This run no longer exists: it was deleted while this page was open. Live updates have stopped.");
    // Its document and the entity only it named are gone from the dashboard too.
    expect((await runPage.goto(`${base}/documents/doc-cli-deleted`))?.status()).toBe(404);
    expect((await runPage.goto(`${base}/entities/per-deleted`))?.status()).toBe(404);
    await runPage.close();
    expect(consoleErrors).toEqual([]);
  });

  it("lets the signed-in admin delete a run from its page once its box is ticked, without JavaScript, and the run list no longer shows it", async () => {
    const { store } = deployment;
    await runOfOneDocument("usage-admin-deleted", "doc-admin-deleted", [["per-admin-deleted", "Adda Delmore", "PER"]]);
    const token = "usage-admin-token-0123456789";
    const admin = await serveViewer(createServer({ ...deployment, adminToken: token }), "127.0.0.1", 0);
    const at = `http://127.0.0.1:${admin.port}`;
    // The form is plain HTML: the page's script has no part in it.
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const tab = await context.newPage();
      // Signed in the ordinary way, with the form on /health.
      await tab.goto(`${at}/health`);
      await tab.getByLabel("Admin token").fill(token);
      await tab.getByRole("button", { name: "Sign in" }).click();
      await tab.getByText("Signed in as admin").waitFor({ timeout: 10_000 });
      // From the run list (where it is the newest) to its page.
      await tab.goto(`${at}/runs`);
      const listed = () => tab.locator("tbody tr[data-run]").evaluateAll((trs) => trs.map((r) => r.getAttribute("data-run")));
      expect((await listed())[0]).toBe("usage-admin-deleted");
      await tab.getByRole("link", { name: "usage-admin-deleted", exact: true }).click();
      await tab.waitForURL(`${at}/runs/usage-admin-deleted`);
      const submit = tab.getByRole("button", { name: "Delete run" });
      // Without the box ticked the browser does not send the form.
      await submit.click();
      await tab.waitForTimeout(500);
      expect(new URL(tab.url()).pathname).toBe("/runs/usage-admin-deleted");
      expect(await store.getRun("usage-admin-deleted")).not.toBeNull();
      await tab.getByLabel(/Yes, delete run usage-admin-deleted/).check();
      await submit.click();
      await tab.waitForURL(`${at}/runs?deleted=usage-admin-deleted`, { timeout: 10_000 });
      expect(await tab.getByRole("status").textContent()).toBe("Run usage-admin-deleted was deleted.");
      const after = await listed();
      expect(after.length).toBeGreaterThan(0);
      expect(after).not.toContain("usage-admin-deleted");
      expect(await store.getRun("usage-admin-deleted")).toBeNull();
      expect((await tab.goto(`${at}/documents/doc-admin-deleted`))?.status()).toBe(404);
    } finally {
      await context.close();
      await admin.close();
    }
  });

  it("shows on a run's page and in its row of the list, live as after a reload, that its deletion began and did not end", async () => {
    const { store } = deployment;
    await runOfOneDocument("usage-cut-off", "doc-cut-off", [["per-cut-off", "Cutty Offer", "PER"]]);
    await page.goto(`${base}/runs/usage-cut-off`);
    const list = await page.context().newPage();
    await list.goto(`${base}/runs`);
    // Both pages listen (the script has put its notice in place).
    for (const tab of [page, list]) await tab.waitForFunction(() => document.querySelector("[data-live] .warn") !== null);
    const notice = page.locator("p.deleting");
    const rowNote = (runId: string) => list.locator(`tr[data-run="${runId}"] .deleting`);
    expect([await notice.isVisible(), await rowNote("usage-cut-off").isVisible()]).toEqual([false, false]);
    // A deletion cut off after its first step (`newsflow runs delete` killed then).
    const markedAt = Date.now();
    expect(await store.markRunDeleting("usage-cut-off", markedAt)).toBe("marked");
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    const since = `${new Date(markedAt).toISOString().replace("T", " ").slice(0, 19)} UTC`;
    expect(await notice.innerText()).toBe(
      `This run is being deleted (since ${since}): its deletion was cut off, or is still going on. Finish it with newsflow runs delete usage-cut-off; until then its documents and counts may be partly gone, and no producer can add to it.`,
    );
    await expect.poll(() => rowNote("usage-cut-off").isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await rowNote("usage-cut-off").innerText()).toBe("being deleted (finish with: newsflow runs delete usage-cut-off)");
    // A run that appears in the list already marked gets a row saying so from the row template.
    await store.createRun("usage-cut-new", ["x"], producer);
    await store.finishEnqueue("usage-cut-new", producer.id);
    expect(await store.markRunDeleting("usage-cut-new")).toBe("marked");
    await expect.poll(() => rowNote("usage-cut-new").isVisible(), { timeout: 10_000 }).toBe(true);
    // What the pages show live is what a reload shows.
    const shown = async () => [await notice.innerText(), await rowNote("usage-cut-off").innerText(), await rowNote("usage-cut-new").innerText()];
    const live = await shown();
    expect(live[2]).toBe("being deleted (finish with: newsflow runs delete usage-cut-new)");
    await page.reload();
    await list.reload();
    expect(await shown()).toEqual(live);
    // The other rows say nothing of the kind.
    expect(await list.locator("tbody tr[data-run]").count()).toBeGreaterThan(2);
    expect(await list.locator("tbody tr[data-run] .deleting:visible").count()).toBe(2);
    await list.close();
    expect(consoleErrors).toEqual([]);
  });

  it("says live updates are off when the viewer has no room for another live stream, and still shows the page", async () => {
    const full = await serveViewer(createServer({ ...deployment, maxSse: 0 }), "127.0.0.1", 0);
    try {
      await page.goto(`http://127.0.0.1:${full.port}/runs/usage-run`);
      // The stream's 503 closes the EventSource (no reconnect), and the page says so.
      await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toBe("Live updates are off (the viewer refused or closed the stream): reload the page later.");
      expect(await page.locator("h1").textContent()).toBe("Run usage-run");
      expect(await page.locator('[data-field="docs"]').textContent()).toBe("2 / 2");
    } finally {
      await full.close();
    }
  });

  it("leaves the browser console without errors on every page", async () => {
    // A browser of its own: Chromium asks a host for its icon once per browser, not per page.
    const fresh = await launch();
    const errors: string[] = [];
    try {
      const tab = await fresh.newPage();
      tab.on("console", (m) => {
        if (m.type() === "error") errors.push(`${m.text()} (${tab.url()})`);
      });
      for (const path of ["/runs", "/runs/usage-run", "/documents/doc-hezbollah", "/entities", "/entities/org-hezbollah", "/health"]) {
        await tab.goto(`${base}${path}`);
        await tab.waitForLoadState("networkidle");
      }
    } finally {
      await fresh.close();
    }
    expect(errors).toEqual([]);
  });
});
