import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/ingest";
import { createServer, type ServedViewer, serveViewer } from "@newsflow/viewer";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

const SHOTS = join(REPO_ROOT, "tests", "artifacts", "screenshots");
const ADMIN_TOKEN = "e2e-admin-token-0123456789";
const chromiumPath = execFileSync(process.execPath, [join(REPO_ROOT, "scripts/ensure-chromium.mjs")], { encoding: "utf8" }).trim();

describe("the dashboard in real Chromium", () => {
  let p: TestPipeline;
  let viewer: ServedViewer;
  let openViewer: ServedViewer;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    p = await startPipeline();
    viewer = await serveViewer(createServer({ ...p.ctx, adminToken: ADMIN_TOKEN }), "127.0.0.1", 0);
    openViewer = await serveViewer(createServer(p.ctx), "127.0.0.1", 0);
    base = `http://127.0.0.1:${viewer.port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    await openViewer?.close();
    await p?.stop();
  });

  it("shows the seed run appear and reach 100% live, without reloading the page", async () => {
    await page.goto(`${base}/runs`);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    const producer = createProducer(p.ctx);
    await producer.run({ runId: "seed-live", inputs: [join(REPO_ROOT, "seeds")] });
    const row = page.locator('tr[data-run="seed-live"]');
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(() => row.locator('[data-field="percent"]').textContent(), { timeout: 30_000 }).toBe("100%");
    expect(await row.locator('[data-field="status"]').textContent()).toBe("completed");
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.screenshot({ path: join(SHOTS, "runs.png"), fullPage: true });
  });

  it("shows Haider al-Abadi as a person and the quote with its speaker in the reader", async () => {
    await page.goto(`${base}/runs/seed-live`);
    await page.screenshot({ path: join(SHOTS, "run.png"), fullPage: true });
    await page.getByRole("link", { name: "Drone Shows Islamic State Fighters Flee Al-Qaim City" }).click();
    const person = page.locator("a.ent-PER", { hasText: "Haider al-Abadi" }).first();
    await expect.poll(() => person.textContent()).toBe("Haider al-AbadiPER");
    expect(await person.getAttribute("title")).toMatch(/^person \(\d{2}%\)$/);
    // The tagger is least sure of "Hezbollah" (about 0.53: right about half the time at that level).
    const unsureName = page.locator("a.ent-ORG.uncertain", { hasText: "Hezbollah" }).first();
    expect(await unsureName.getAttribute("title")).toMatch(/^organisation, uncertain \(\d{2}%\)$/);
    const quote = page.locator("blockquote.quote", { hasText: "Albu Kamal is liberated" });
    expect(await quote.locator("footer").textContent()).toContain("Syrian state television");
    expect(await quote.getAttribute("class")).toBe("quote");
    expect(await quote.locator('[data-field="confidence"]').textContent()).toMatch(/^\d{2}%$/);
    // A quotation no cue introduces is right about one time in five on unseen articles: the reader says so.
    const unsure = page.locator("blockquote.quote.uncertain", { hasText: "Our movements are carried out" });
    expect(await unsure.locator(".badge.uncertain").textContent()).toBe("uncertain");
    expect(await unsure.locator('[data-field="confidence"]').textContent()).toBe("20%");
    expect(await unsure.locator("footer").textContent()).toContain("Croft (from paragraph 11)");
    await page.screenshot({ path: join(SHOTS, "reader.png"), fullPage: true });
    await person.click();
    await expect.poll(() => page.locator("h1").textContent()).toContain("Haider al-Abadi");
  });

  it("finds Hezbollah in the entity search", async () => {
    await page.goto(`${base}/entities`);
    await page.getByLabel("Name").fill("Hezbollah");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator("table a.ent").allTextContents()).toContainEqual(expect.stringContaining("Hezbollah"));
    await page.screenshot({ path: join(SHOTS, "entities.png"), fullPage: true });
  });

  it("renders a document's markup as text, running none of it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-xss-"));
    writeFileSync(join(dir, "xss.txt"), 'Hostile markup\n\nThe council said <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2"> today.\n');
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const producer = createProducer(p.ctx);
    await producer.run({ runId: "xss-run", inputs: [dir] });
    await watchRun(p.ctx.store, "xss-run", { quiet: true });
    const { documents } = await p.ctx.store.listRunDocuments("xss-run");
    await page.goto(`${base}/documents/${documents[0]!.id}`);
    expect(await page.locator("p.para").first().textContent()).toContain("<script>window.pwned = 1</script>");
    expect(await page.locator("article img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it("refuses admin actions without the token and carries them out with it", async () => {
    const { store, queues, keys } = p.ctx;
    // A document step that failed for good: its document was not in the store when it ran.
    const docId = "doc-admin-retry";
    const partition = keys.partitionOf(docId);
    const steps = queues[partition]!.document;
    await steps.add("document", { docId }, { jobId: docId, attempts: 1 });
    await expect.poll(async () => (await steps.getJob(docId))?.isFailed(), { timeout: 20_000 }).toBe(true);
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    // Where the health page's Retry button of that job posts.
    const retry = `/admin/jobs/${partition}/document/${docId}/retry`;
    expect(await (await fetch(`${base}/health`, { headers: admin })).text()).toContain(`action="${retry}"`);
    const post = async (url: string, headers: Record<string, string> = {}) => {
      const res = await fetch(url, { method: "POST", headers: { accept: "application/json", ...headers } });
      return [res.status, await res.json()];
    };
    expect(await post(`${base}${retry}`)).toEqual([401, { error: "admin token required" }]);
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    expect(await post(`${base}${retry}`, { authorization: "Bearer wrong" })).toEqual([401, { error: "admin token required" }]);
    expect(await post(`http://127.0.0.1:${openViewer.port}${retry}`, admin)).toEqual([403, { error: "admin actions are disabled: start the viewer with VIEWER_ADMIN_TOKEN" }]);
    // Refused, the job was left as it was: failed, and the document without a result.
    expect(await (await steps.getJob(docId))?.isFailed()).toBe(true);
    // With the document in the store now, the admin's retry runs the step again and it completes.
    const text = "The council met on Monday.";
    await store.createRun("admin-retry", ["x"], { id: "e2e", leaseMs: 60_000 });
    await store.putDocument("admin-retry", 1, { id: docId, title: "Council", source: "council.txt", url: null, publishedAt: null, paragraphCount: 1, createdAt: 1, contentHash: docId }, [{ index: 0, start: 0, end: text.length, text }]);
    await store.putParagraphResults(docId, "summarize", [[0, { sentences: [], summary: [], short: "", keyPhrases: [] }]]);
    await store.putParagraphResults(docId, "entities", [[0, { mentions: [] }]]);
    await store.putParagraphResults(docId, "quotes", [[0, { quotes: [] }]]);
    await store.finishEnqueue("admin-retry", "e2e");
    expect(await store.getDocumentResult(docId)).toBeNull();
    expect(await post(`${base}${retry}`, admin)).toEqual([200, { ok: true, action: "retry" }]);
    await expect.poll(async () => (await store.getDocumentResult(docId))?.docId, { timeout: 20_000 }).toBe(docId);
    expect(await store.getRun("admin-retry")).toMatchObject({ status: "completed", docsDone: 1, docsFailed: 0 });
    // Retried, it is no failed job any more: the action's own 404 (not that of an unknown address).
    expect(await post(`${base}${retry}`, admin)).toEqual([404, { error: "no such failed job" }]);

    await page.goto(`${base}/health`);
    await page.screenshot({ path: join(SHOTS, "health.png"), fullPage: true });
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Signed in as admin");
    const board = await page.goto(`${base}/admin/queues`);
    expect(board?.status()).toBe(200);
  });
});
