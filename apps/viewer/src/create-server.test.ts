import { randomUUID } from "node:crypto";
import type { ResolvedQuote } from "@newsflow/contracts";
import { addPlannedJobs, createLogger, createRedis, createWorker, type Deployment, documentJobs, openDeployment, RedisEnv } from "@newsflow/queue";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer } from "./create-server.js";

// A real Redis (REDIS_URL, else the local one) under a deployment name of this file's own.
const prefix = `viewer-test-${randomUUID().slice(0, 8)}`;
const producer = { id: "p1", leaseMs: 60_000 };
const summary = { sentences: [], summary: [], short: "", keyPhrases: [] };
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => ({ index: i, start: i * 20, end: i * 20 + 12, text: `Paragraph ${i + 1}.` }));
const meta = (id: string, paragraphCount: number, title: string | null = "A title") => ({ id, title, source: `${id}.txt`, url: null, publishedAt: null, paragraphCount, createdAt: 1, contentHash: id });

/** The visible text of a page's main element. */
const text = (page: string) =>
  (/<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? "")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** That `res` is the JSON error answer: `status`, a JSON body `{error}`. */
async function expectJsonError(res: Response, status: number, error: string, label?: string): Promise<void> {
  expect(res.status, label).toBe(status);
  expect(res.headers.get("content-type"), label).toMatch(/^application\/json/);
  expect(await res.json(), label).toEqual({ error });
}

/** That `res` is the error answer to a browser: `status`, a page of the dashboard (its navigation) whose main text is `words`; returns the page. */
async function expectErrorPage(res: Response, status: number, words: string, label?: string): Promise<string> {
  const body = await res.text();
  expect(res.status, label).toBe(status);
  expect(res.headers.get("content-type"), label).toMatch(/^text\/html/);
  expect(body, label).toContain('<nav aria-label="Main">');
  expect(text(body), label).toBe(words);
  return body;
}

/** The main element of a page, for its links. */
const mainOf = (body: string) => /<main[^>]*>[\s\S]*<\/main>/.exec(body)?.[0];

describe("the viewer's pages on a real Redis", () => {
  let deployment: Deployment;
  let app: Hono;
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: await res.text() };
  };

  beforeAll(async () => {
    const env = RedisEnv.parse({ REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", NEWSFLOW_PREFIX: prefix });
    deployment = await openDeployment(env, createLogger("viewer-test", "silent"));
    app = createServer(deployment);
  });
  afterAll(async () => {
    const keys = await deployment.redis.keys(`{${prefix}*`);
    if (keys.length) await deployment.redis.del(...keys);
    await deployment.close();
  });

  it("says why a document failed instead of promising its summary", async () => {
    const { store } = deployment;
    await store.createRun("failed-run", ["x"], producer);
    await store.putDocument("failed-run", 1, meta("doc-failed", 2), paragraphs(2));
    await store.markEnqueued(["doc-failed"]);
    await store.putParagraphResults("doc-failed", "summarize", [[0, summary], [1, summary]]);
    await store.putParagraphResults("doc-failed", "quotes", [[0, { quotes: [] }], [1, { quotes: [] }]]);
    await store.putParagraphResults("doc-failed", "entities", [[0, { mentions: [] }]]);
    await store.putParagraphFailures("doc-failed", "entities", [[1, { reason: "tagger cannot handle <this>", attempts: 3 }]]);
    await store.putDocumentFailure("doc-failed", "the document step broke");
    await store.finishEnqueue("failed-run", producer.id);

    const page = await get("/documents/doc-failed");
    expect(page.status).toBe(200);
    const shown = text(page.body);
    expect(shown).toContain("failed");
    expect(shown).not.toContain("The document summary appears when every paragraph is done");
    expect(shown).toContain("The document step failed: the document step broke");
    expect(shown).toContain("paragraph 2 entities (tagger cannot handle &lt;this&gt;)");
    // The run list and the run's page count the failed document, as they count failed tasks.
    expect(text((await get("/runs")).body)).toContain("0 / 1 (1 failed)");
    expect(text((await get("/runs/failed-run")).body)).toContain("0 / 1 (1 failed)");
  });

  it("does not count past the end of a list when the offset is beyond it", async () => {
    const { store } = deployment;
    await store.createRun("paged-run", ["x"], producer);
    await store.putDocument("paged-run", 1, meta("doc-paged", 3), paragraphs(3));
    await store.finishEnqueue("paged-run", producer.id);

    const beyond = await get("/documents/doc-paged?offset=600");
    expect(beyond.status).toBe(200);
    expect(text(beyond.body)).not.toContain("601–3 of 3");
    expect(text(beyond.body)).toContain("past the last of 3");
    // "Previous" leads to the last page that has paragraphs, not to another empty one.
    expect(beyond.body).toContain('href="/documents/doc-paged?offset=0"');
    expect(beyond.body).not.toContain("offset=550");
    const runs = await get("/runs?offset=1000");
    expect(text(runs.body)).not.toMatch(/1,001–\d+ of/);
    expect(runs.body).toContain('href="/runs?offset=0"');
    // Inside the list, as before.
    expect(text((await get("/documents/doc-paged")).body)).toContain("1–3 of 3");
  });

  it("answers limit=0 with a page of the default size, not the whole list", async () => {
    const { store } = deployment;
    for (let i = 0; i < 25; i++) await store.createRun(`many-${i}`, ["x"], producer);
    await store.putDocument("many-0", 1, meta("doc-long", 60), paragraphs(60));

    const runs = (await (await app.request("/api/runs?limit=0")).json()) as { total: number; runs: unknown[] };
    expect(runs.total).toBeGreaterThanOrEqual(25);
    expect(runs.runs).toHaveLength(20);
    const doc = (await (await app.request("/api/documents/doc-long?limit=0")).json()) as { limit: number; paragraphs: unknown[] };
    expect(doc.paragraphs).toHaveLength(50);
    expect(doc.limit).toBe(50);
    expect(((await (await app.request("/api/runs?limit=1")).json()) as { runs: unknown[] }).runs).toHaveLength(1);
  });

  it("links runs and documents whose id is '.' or '..' to pages that show them", async () => {
    const { store } = deployment;
    await store.createRun("..", ["x"], producer);
    await store.putDocument("..", 1, meta(".", 1, "Dot document"), paragraphs(1));
    await store.putDocument("..", 2, meta("..", 1, "Dot-dot document"), paragraphs(1));
    await store.finishEnqueue("..", producer.id);
    // A browser resolves a link as the WHATWG URL parser does ("/runs/.." is "/"); so does the server.
    const follow = (href: string) => {
      const url = new URL(href, "http://viewer.test");
      return get(url.pathname + url.search);
    };
    const hrefs = (page: string, prefix: string) => [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")).filter((h) => h.startsWith(prefix));

    const runLinks = hrefs((await get("/runs?offset=0")).body, "/runs/");
    const runPages = await Promise.all(runLinks.map(follow));
    const dotRun = runPages.find((p) => p.body.includes("<h1>Run ..</h1>"));
    expect(dotRun?.status).toBe(200);
    const docPages = await Promise.all(hrefs(dotRun!.body, "/documents/").map(follow));
    expect(docPages.map((p) => p.status)).toEqual([200, 200]);
    expect(docPages.map((p) => /<h1>([^<]*)<\/h1>/.exec(p.body)?.[1])).toEqual(["Dot document", "Dot-dot document"]);
    // The run page's live stream and the JSON API reach them too.
    const live = /data-live="([^"]+)"/.exec(dotRun!.body)![1]!;
    expect(new URL(live, "http://viewer.test").pathname).not.toBe("/events/");
    const api = (await (await app.request("/api/runs/?id=..")).json()) as { run: { id: string }; documents: { documents: Array<{ id: string }> } };
    expect(api.run.id).toBe("..");
    expect(api.documents.documents.map((d) => d.id)).toEqual([".", ".."]);
    expect((await app.request("/api/documents/?id=.")).status).toBe(200);
    expect((await app.request("/api/documents/?id=nope")).status).toBe(404);
    expect((await get("/runs/")).status).toBe(404);
  });

  it("pages through every document that mentions an entity", async () => {
    const { store } = deployment;
    await store.createRun("entity-run", ["x"], producer);
    for (let i = 0; i < 25; i++) {
      const docId = `doc-croft-${String(i).padStart(2, "0")}`;
      await store.putDocument("entity-run", i + 1, meta(docId, 1, `Croft story ${i}`), paragraphs(1));
      await store.markEnqueued([docId]);
      await store.putParagraphResults(docId, "summarize", [[0, summary]]);
      await store.putParagraphResults(docId, "quotes", [[0, { quotes: [] }]]);
      await store.putParagraphResults(docId, "entities", [[0, { mentions: [] }]]);
      const mention = { paragraphIndex: 0, start: 0, end: 5, text: "Croft" };
      await store.putDocumentResult({ docId, summary: { sentences: [], text: "" }, entities: [{ id: "per-croft", name: "Croft", type: "PER", aliases: [], mentions: [mention] }], quotes: [], missing: [], completedAt: 5 });
    }
    await store.finishEnqueue("entity-run", producer.id);

    const first = await get("/entities/per-croft");
    expect(text(first.body)).toContain("25 mentions in 25 documents");
    expect(first.body.match(/href="\/documents\/doc-croft-\d+"/g)).toHaveLength(20);
    expect(text(first.body)).toContain("1–20 of 25");
    expect(first.body).toContain('href="/entities/per-croft?offset=20"');
    const rest = await get("/entities/per-croft?offset=20");
    expect(rest.body.match(/href="\/documents\/doc-croft-\d+"/g)).toHaveLength(5);
    expect(text(rest.body)).toContain("21–25 of 25");
  });

  it("writes a count of one in the singular: a paragraph, a mention, a document, a waiting job", async () => {
    const { store } = deployment;
    await store.createRun("single-run", ["x"], producer);
    await store.putDocument("single-run", 1, meta("doc-single", 1, "Single story"), paragraphs(1));
    await store.markEnqueued(["doc-single"]);
    const mention = { paragraphIndex: 0, start: 0, end: 9, text: "Paragraph" };
    await store.putDocumentResult({ docId: "doc-single", summary: { sentences: [], text: "" }, entities: [{ id: "org-single", name: "Paragraph", type: "ORG", aliases: [], mentions: [mention] }], quotes: [], missing: [], completedAt: 5 });
    await store.finishEnqueue("single-run", producer.id);
    // A queue holding one job and no worker (this deployment has none).
    await deployment.queues[0]!.summarize.add("summarize", { docId: "doc-single", first: 0, count: 1 }, { jobId: "doc-single-0-1" });

    expect(text((await get("/documents/doc-single")).body)).toContain("doc-single.txt · 1 paragraph · done");
    const entity = text((await get("/entities/org-single")).body);
    expect(entity).toContain("1 mention in 1 document.");
    expect(entity).toContain("Single story 1 mention");
    expect(text((await get("/health")).body)).toContain("1 job waiting and no worker is running for");
  });

  it("counts on the health page the jobs finished in the last minute, as BullMQ has not closed that minute yet", async () => {
    const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const connection = createRedis({ url }, { blocking: true });
    const worker = createWorker({ queue: "quotes", connection, prefix: deployment.keys.partitionPrefixes[0]!, concurrency: 1, logger: createLogger("viewer-test", "silent"), process: async () => ({ quotes: [] }) });
    try {
      void worker.run();
      const jobs = await Promise.all([0, 1, 2].map((i) => deployment.queues[0]!.quotes.add("quotes", { docId: "doc-metrics", first: i, count: 1 }, { jobId: `doc-metrics-${i}-1` })));
      await expect.poll(async () => (await Promise.all(jobs.map((j) => j.isCompleted()))).every(Boolean), { timeout: 10_000 }).toBe(true);
    } finally {
      await worker.close();
      connection.disconnect();
    }
    const row = /<tr><th scope="row">quotes<\/th>[\s\S]*?<\/tr>/.exec((await get("/health")).body)?.[0] ?? "";
    expect(text(`<main>${row}</main>`)).toContain("3 done (3 all time)");
  });

  it("shows a mention's whole paragraph without an ellipsis on the entity's page", async () => {
    const { store } = deployment;
    await store.createRun("snippet-run", ["x"], producer);
    await store.putDocument("snippet-run", 1, meta("doc-snippet", 1, "Snippet story"), paragraphs(1));
    const mention = { paragraphIndex: 0, start: 0, end: 9, text: "Paragraph" };
    await store.putDocumentResult({ docId: "doc-snippet", summary: { sentences: [], text: "" }, entities: [{ id: "org-snippet", name: "Paragraph", type: "ORG", aliases: [], mentions: [mention] }], quotes: [], missing: [], completedAt: 5 });

    expect((await get("/entities/org-snippet")).body).toContain('<p class="small"><mark class="ctx">Paragraph</mark> 1. <a href="/documents/doc-snippet#p-1">¶ 1</a></p>');
  });

  it("links an entity's quote and mentions to their paragraph, past the reader's first page too", async () => {
    const { store } = deployment;
    await store.createRun("deep-run", ["x"], producer);
    await store.putDocument("deep-run", 1, meta("doc-deep", 60, "Deep story"), paragraphs(60));
    const mention = { paragraphIndex: 54, start: 0, end: 9, text: "Paragraph" };
    const quote: ResolvedQuote = { paragraphIndex: 54, content: { start: 0, end: 9, text: "Paragraph" }, source: null, cue: { start: 10, end: 12, text: "55" }, kind: "direct", confidence: 0.9, opensAcross: false, closesAcross: false, speaker: "Paragraph", speakerEntityId: "per-deep", resolution: "named" };
    await store.putDocumentResult({ docId: "doc-deep", summary: { sentences: [], text: "" }, entities: [{ id: "per-deep", name: "Paragraph", type: "PER", aliases: [], mentions: [mention] }], quotes: [quote], missing: [], completedAt: 5 });
    await store.finishEnqueue("deep-run", producer.id);

    const page = (await get("/entities/per-deep")).body;
    const links = [...page.matchAll(/href="(\/documents\/doc-deep[^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    // The title links the document; the quote and the mention link paragraph 55, on the reader's second page.
    expect(links).toEqual(["/documents/doc-deep?offset=50#p-55", "/documents/doc-deep", "/documents/doc-deep?offset=50#p-55"]);
    const reader = await get("/documents/doc-deep?offset=50");
    expect(reader.body).toContain('<section class="para-block" id="p-55" aria-label="Paragraph 55">');
  });

  it("pages through the whole entity index, not only its first hundred", async () => {
    const { store } = deployment;
    await store.createRun("index-run", ["x"], producer);
    await store.putDocument("index-run", 1, meta("doc-index", 1, "Many names"), paragraphs(1));
    const mention = { paragraphIndex: 0, start: 0, end: 9, text: "Paragraph" };
    const entities = Array.from({ length: 110 }, (_, i) => ({ id: `misc-name-${i}`, name: `Name ${i}`, type: "MISC" as const, aliases: [], mentions: [mention] }));
    await store.putDocumentResult({ docId: "doc-index", summary: { sentences: [], text: "" }, entities, quotes: [], missing: [], completedAt: 5 });
    await store.finishEnqueue("index-run", producer.id);

    const names = (body: string) => [...body.matchAll(/href="\/entities\/misc-name-\d+"/g)].length;
    const first = await get("/entities?type=MISC");
    expect(names(first.body)).toBe(100);
    expect(text(first.body)).toContain("1–100 of 110");
    expect(first.body).toContain('href="/entities?type=MISC&amp;offset=100"');
    const rest = await get("/entities?type=MISC&offset=100");
    expect(names(rest.body)).toBe(10);
    expect(text(rest.body)).toContain("101–110 of 110");
    // All types: the index is longer than a page here too.
    expect((await get("/entities")).body).toContain('href="/entities?offset=100"');
  });

  it("shows who wrote a document and when it was published in the reader", async () => {
    const { store } = deployment;
    await store.createRun("byline-run", ["x"], producer);
    await store.putDocument("byline-run", 1, { ...meta("doc-byline", 1, "Wire story"), byline: "Jane <Doe>", publishedAt: "2026-03-10T14:05:00Z" }, paragraphs(1));
    await store.putDocument("byline-run", 2, { ...meta("doc-dated", 1, "Dated story"), publishedAt: "2026-03-10" }, paragraphs(1));
    await store.putDocument("byline-run", 3, { ...meta("doc-odd-date", 1, "Odd story"), publishedAt: "spring <2026>" }, paragraphs(1));

    expect(text((await get("/documents/doc-byline")).body)).toContain("By Jane &lt;Doe&gt; · 2026-03-10 14:05:00 UTC · doc-byline.txt · 1 paragraph");
    expect((await get("/documents/doc-byline")).body).toContain('<time datetime="2026-03-10T14:05:00.000Z">');
    // A date alone is not given a time of day; a value that is no date is shown as written.
    expect(text((await get("/documents/doc-dated")).body)).toContain("Dated story 2026-03-10 · doc-dated.txt");
    expect(text((await get("/documents/doc-odd-date")).body)).toContain("Odd story spring &lt;2026&gt; · doc-odd-date.txt");
    // Without either, the line is as before.
    expect(text((await get("/documents/doc-paged")).body)).toContain("A title doc-paged.txt · 3 paragraphs");
  });

  it("shows a quote's source words beside the person they name, and a pronoun's beside whom it stands for", async () => {
    const { store } = deployment;
    await store.createRun("source-run", ["x"], producer);
    await store.putDocument("source-run", 1, meta("doc-source", 1, "Flood story"), paragraphs(1));
    const base = { paragraphIndex: 0, content: { start: 0, end: 9, text: "Paragraph" }, cue: null, kind: "direct" as const, confidence: 0.9, opensAcross: false, closesAcross: false, speakerEntityId: "per-smith" };
    const named: ResolvedQuote = { ...base, source: { start: 0, end: 9, text: "Katharine Smith, the agency's flood duty manager" }, speaker: "Katharine Smith", resolution: "named" };
    const plain: ResolvedQuote = { ...base, source: { start: 0, end: 9, text: "Katharine Smith" }, speaker: "Katharine Smith", resolution: "named" };
    const pronoun: ResolvedQuote = { ...base, source: { start: 0, end: 3, text: "she" }, speaker: "Katharine Smith", resolution: "pronoun" };
    // Words that add nothing to the name ("The", a possessive) are not repeated beside it.
    const article: ResolvedQuote = { ...base, source: { start: 0, end: 14, text: "The Met Office" }, speaker: "Met Office", resolution: "named" };
    await store.putDocumentResult({ docId: "doc-source", summary: { sentences: [], text: "" }, entities: [], quotes: [named, plain, pronoun, article], missing: [], completedAt: 5 });
    const footers = [...(await get("/documents/doc-source")).body.matchAll(/<footer>(.*?)<\/footer>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim());
    expect(footers.map((f) => f.split(" · ")[0])).toEqual(["— Katharine Smith (“Katharine Smith, the agency&#39;s flood duty manager”)", "— Katharine Smith", "— Katharine Smith (from “she”)", "— Met Office"]);
  });

  it("pages through an entity's quotes when more than 20 documents quote it", async () => {
    const { store } = deployment;
    await store.createRun("talker-run", ["x"], producer);
    for (let i = 0; i < 25; i++) {
      const docId = `doc-talker-${String(i).padStart(2, "0")}`;
      await store.putDocument("talker-run", i + 1, meta(docId, 1, `Talk ${i}`), paragraphs(1));
      const mention = { paragraphIndex: 0, start: 0, end: 9, text: "Paragraph" };
      const quote: ResolvedQuote = { paragraphIndex: 0, content: { start: 0, end: 9, text: `Quote number ${i}` }, source: null, cue: null, kind: "direct", confidence: 0.9, opensAcross: false, closesAcross: false, speaker: "Talker", speakerEntityId: "per-talker", resolution: "named" };
      await store.putDocumentResult({ docId, summary: { sentences: [], text: "" }, entities: [{ id: "per-talker", name: "Talker", type: "PER", aliases: [], mentions: [mention] }], quotes: [quote], missing: [], completedAt: 5 });
    }
    await store.finishEnqueue("talker-run", producer.id);

    const quotesOn = (body: string) => [...body.matchAll(/Quote number (\d+)/g)].length;
    const first = await get("/entities/per-talker");
    expect(quotesOn(first.body)).toBe(20);
    expect(text(first.body)).toContain("Quoted in 25 documents");
    expect(first.body).toContain('href="/entities/per-talker?quotes=20"');
    const rest = await get("/entities/per-talker?quotes=20");
    expect(quotesOn(rest.body)).toBe(5);
    // The mentions' pager keeps the quotes' page, and the quotes' pager the mentions'.
    expect(rest.body).toContain('href="/entities/per-talker?quotes=20&amp;offset=20"');
    expect((await get("/entities/per-talker?offset=20")).body).toContain('href="/entities/per-talker?offset=20&amp;quotes=20"');
  });

  it("answers an unknown API path, and an unknown entity's quotes, with a JSON error, as it answers an unknown id", async () => {
    await expectJsonError(await app.request("/api/nope"), 404, "no such API path");
    // An unknown entity's quotes are a 404 too, as the entity itself is (they were an empty list).
    const quotes = await app.request("/api/entities/no-such-entity/quotes");
    expect(quotes.status).toBe(404);
    expect(await quotes.json()).toEqual({ error: "no such entity" });
    expect((await get("/no-such-page")).status).toBe(404);
  });

  it("answers an admin action on an unknown queue, job or action with a JSON error to a JSON client and a dashboard page to a form", async () => {
    const admin = createServer({ ...deployment, adminToken: "admin-secret" });
    const post = (path: string, accept: string) => admin.request(path, { method: "POST", headers: { authorization: "Bearer admin-secret", accept } });
    const cases = [
      ["/admin/jobs/0/no-queue/job-1/retry", "no such queue", "There is no queue “no-queue” in partition “0”."],
      ["/admin/jobs/7/summarize/job-1/retry", "no such queue", "There is no queue “summarize” in partition “7”."],
      ["/admin/jobs/0/summarize/no-such-job/remove", "no such failed job", "There is no failed job “no-such-job” in the summarize queue."],
      ["/admin/jobs/0/summarize/job-1/explode", "unknown action", "There is no action “explode”: a failed job can be retried or removed."],
    ] as const;
    for (const [path, error, sentence] of cases) {
      await expectJsonError(await post(path, "application/json"), 404, error, path);
      // A browser's form (the health page's Retry and Remove) gets a page of the dashboard leading back to Health.
      const body = await expectErrorPage(await post(path, "text/html,application/xhtml+xml"), 404, `Not found ${sentence} Health`, path);
      expect(mainOf(body), path).toContain('<a href="/health">');
    }
  });

  /** Adds `jobs` to a queue of partition 0 and runs a worker whose processor throws until each has failed for good (one attempt). */
  async function failJobs(queue: "summarize" | "document", jobs: Array<[id: string, data: object]>) {
    const connection = createRedis({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" }, { blocking: true });
    const worker = createWorker({ queue, connection, prefix: deployment.keys.partitionPrefixes[0]!, concurrency: 1, logger: createLogger("viewer-test", "silent"), process: () => Promise.reject(new Error("broken")) });
    try {
      void worker.run();
      const added = await Promise.all(jobs.map(([jobId, data]) => deployment.queues[0]![queue].add(queue, data, { jobId })));
      await expect.poll(async () => (await Promise.all(added.map((j) => j.isFailed()))).every(Boolean), { timeout: 10_000 }).toBe(true);
    } finally {
      await worker.close();
      connection.disconnect();
    }
  }

  it("answers the retry of a failed job whose payload is invalid with a 409 saying so, not ok, and leaves the job as it was", async () => {
    const admin = createServer({ ...deployment, adminToken: "admin-secret" });
    // Invalid payloads fail for good at once (InvalidPayloadError): a retry would fail again.
    await failJobs("summarize", [["no-doc-id", { first: 0, count: 1 }], ["bad-slice", { docId: "doc-bad-slice", first: -1, count: 1 }]]);
    await failJobs("document", [["empty-doc-id", { docId: "" }]]);
    const error = "this job's payload is invalid, so a retry would fail again: remove the job instead";
    const post = (path: string, accept: string) => admin.request(path, { method: "POST", headers: { authorization: "Bearer admin-secret", accept } });
    for (const [queue, id] of [["summarize", "no-doc-id"], ["summarize", "bad-slice"], ["document", "empty-doc-id"]] as const) {
      const path = `/admin/jobs/0/${queue}/${id}/retry`;
      await expectJsonError(await post(path, "application/json"), 409, error, path);
      // The health page's Retry button gets a page of the dashboard leading back to Health.
      const body = await expectErrorPage(await post(path, "text/html,application/xhtml+xml"), 409, `Not retried ${error.replaceAll("'", "&#39;")}. Health`, path);
      expect(mainOf(body), path).toContain('<a href="/health">');
      expect(await deployment.queues[0]![queue].getJobState(id), path).toBe("failed");
    }
    // Removing such a job is what the answer offers, and it is done.
    const removed = await post("/admin/jobs/0/summarize/no-doc-id/remove", "application/json");
    expect([removed.status, await removed.json()]).toEqual([200, { ok: true, action: "remove" }]);
    expect(await deployment.queues[0]!.summarize.getJob("no-doc-id")).toBeUndefined();
  });

  it("answers the second of two clicks on a failed job's Retry or Remove (a double submit) with 404, not a second ok for nothing", async () => {
    const admin = createServer({ ...deployment, adminToken: "admin-secret" });
    await failJobs("summarize", [["doc-twice-0-1", { docId: "doc-twice", first: 0, count: 1 }], ["doc-twice-1-1", { docId: "doc-twice", first: 1, count: 1 }]]);
    const post = (path: string) => admin.request(path, { method: "POST", headers: { authorization: "Bearer admin-secret", accept: "application/json" } });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const [id, action] of [["doc-twice-0-1", "remove"], ["doc-twice-1-1", "retry"]] as const) {
        const answers = await Promise.all([post(`/admin/jobs/0/summarize/${id}/${action}`), post(`/admin/jobs/0/summarize/${id}/${action}`)]);
        const bodies = await Promise.all(answers.map((a) => a.json()));
        expect(answers.map((a) => a.status), action).toEqual([200, 404]);
        expect(bodies, action).toEqual([{ ok: true, action }, { error: "no such failed job" }]);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect(await deployment.queues[0]!.summarize.getJob("doc-twice-0-1")).toBeUndefined();
    expect(await deployment.queues[0]!.summarize.getJobState("doc-twice-1-1")).toBe("waiting");
  });

  it("answers the admin's refusals (403, 401, 429, a cross-site post) with a JSON error to a JSON client and a dashboard page to a browser", async () => {
    const off = createServer(deployment);
    const on = createServer({ ...deployment, adminToken: "admin-secret" });
    // One failed sign-in is enough to be throttled (every app.request is the same "unknown" client).
    const throttled = createServer({ ...deployment, adminToken: "admin-secret", loginThrottle: { maxFailures: 1, windowMs: 60_000 } });
    const login = (token: string) => ({ method: "POST", body: new URLSearchParams({ token }) });
    expect((await throttled.request("/admin/login", login("wrong"))).status).toBe(401);
    const disabled = "admin actions are disabled: start the viewer with VIEWER_ADMIN_TOKEN";
    const crossSite = "cross-site request refused: admin actions must come from the viewer's own pages";
    const cases = [
      [off, "/admin/jobs/0/summarize/job-1/retry", { method: "POST" }, 403, disabled],
      [off, "/admin/login", login("admin-secret"), 403, disabled],
      [on, "/admin/jobs/0/summarize/job-1/retry", { method: "POST" }, 401, "admin token required"],
      [on, "/admin/queues", { method: "GET" }, 401, "admin token required"],
      [on, "/admin/login", login("wrong"), 401, "wrong admin token"],
      [on, "/admin/jobs/0/summarize/job-1/remove", { method: "POST", headers: { authorization: "Bearer admin-secret", "sec-fetch-site": "same-site" } }, 403, crossSite],
      [throttled, "/admin/login", login("admin-secret"), 429, "too many failed sign-ins from this address: try again in 60 s"],
      [throttled, "/admin/jobs/0/summarize/job-1/retry", { method: "POST", headers: { authorization: "Bearer admin-secret" } }, 429, "too many failed sign-ins from this address: try again in 60 s"],
      // A run's deletion, refused as the job actions are.
      [off, "/admin/runs/failed-run/delete", { method: "POST" }, 403, disabled],
      [on, "/admin/runs/failed-run/delete", { method: "POST" }, 401, "admin token required"],
      [on, "/admin/runs/failed-run/delete", { method: "POST", headers: { authorization: "Bearer wrong" } }, 401, "admin token required"],
      [on, "/admin/runs/failed-run/delete", { method: "POST", headers: { authorization: "Bearer admin-secret", origin: "http://evil.test" } }, 403, crossSite],
      [throttled, "/admin/runs/failed-run/delete", { method: "POST", headers: { authorization: "Bearer admin-secret" } }, 429, "too many failed sign-ins from this address: try again in 60 s"],
    ] as const;
    for (const [app, path, init, status, error] of cases) {
      const ask = (accept: string) => app.request(path, { ...init, body: "body" in init ? new URLSearchParams(init.body) : undefined, headers: { ...("headers" in init ? init.headers : {}), accept } });
      const json = await ask("application/json");
      await expectJsonError(json, status, error, path);
      // A browser (the health page's forms, the inspector's address) gets the same words on a page of the dashboard leading back to Health.
      const page = await ask("text/html,application/xhtml+xml");
      const body = await expectErrorPage(page, status, `Not allowed ${error.replaceAll("'", "&#39;")}. Health`, path);
      expect(mainOf(body), path).toContain('<a href="/health">');
      if (status === 429) expect([json.headers.get("retry-after"), page.headers.get("retry-after")], path).toEqual(["60", "60"]);
    }
    // Not one of them deleted the run.
    expect(await deployment.store.getRun("failed-run")).not.toBeNull();
  });

  it("answers a bug's 500 as every other error: a JSON error to a JSON client and under /api/, else a page of the dashboard", async () => {
    // A store that fails as a bug does (not as Redis does): the viewer's own error answer.
    const broken = createServer({ ...deployment, store: { ...deployment.store, listRuns: () => Promise.reject(new TypeError("a bug")) } });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const [path, accept] of [["/api/runs", "*/*"], ["/api/runs", "application/json"], ["/runs", "application/json"]] as const) {
        await expectJsonError(await broken.request(path, { headers: { accept } }), 500, "internal error", `${path} ${accept}`);
      }
      const page = await broken.request("/runs", { headers: { accept: "text/html,application/xhtml+xml" } });
      await expectErrorPage(page, 500, "Internal error internal error: the viewer could not answer this request (the reason is in its log). Dashboard home");
      // The error itself still goes to the log, once per request.
      expect(logged).toHaveBeenCalledTimes(4);
    } finally {
      logged.mockRestore();
    }
  });

  it("answers a live stream past VIEWER_MAX_SSE with a 503 as every other error, Retry-After kept", async () => {
    const full = createServer({ ...deployment, maxSse: 0 });
    const error = "too many live connections: this viewer serves at most 0 at once (VIEWER_MAX_SSE); the page works without live updates, reload it later";
    for (const path of ["/events/runs", "/events/runs/failed-run"]) {
      const json = await full.request(path, { headers: { accept: "application/json" } });
      expect(json.headers.get("retry-after"), path).toBe("30");
      await expectJsonError(json, 503, error, path);
      // The page's EventSource (Accept: text/event-stream) gets no stream: a 503 closes it, and the
      // page says live updates are off. Opened in a browser, the address shows a page of the dashboard.
      const page = await full.request(path, { headers: { accept: "text/event-stream" } });
      expect(page.headers.get("retry-after"), path).toBe("30");
      await expectErrorPage(page, 503, `Too many live connections ${error}. Dashboard home`, path);
    }
  });

  it("says how many rejected inputs a run has past the 50 its page lists", async () => {
    const { store } = deployment;
    for (const [runId, count] of [["rejecting-run", 52], ["rejecting-one-more", 51], ["rejecting-few", 3]] as const) {
      await store.createRun(runId, ["x"], producer);
      for (let i = 0; i < count; i++) await store.addRejection(runId, { source: `bad-${i}.pdf`, reason: "not a supported file type" });
      await store.finishEnqueue(runId, producer.id);
    }
    const page = text((await get("/runs/rejecting-run")).body);
    expect(page).toContain("Rejected inputs (52)");
    expect(page.match(/bad-\d+\.pdf/g)).toHaveLength(50);
    expect(page).toContain("bad-49.pdf : not a supported file type and 2 more inputs");
    expect(text((await get("/runs/rejecting-one-more")).body)).toContain("bad-49.pdf : not a supported file type and 1 more input 1–50 of 51 Next → Documents");
    // All of them listed: nothing more to say, and no pager.
    expect(text((await get("/runs/rejecting-few")).body)).toContain("bad-2.pdf : not a supported file type Documents");
  });

  it("pages through a run's rejected inputs past the 50 its page lists, apart from its documents", async () => {
    const { store } = deployment;
    await store.createRun("rejecting-many", ["x"], producer);
    for (let i = 0; i < 120; i++) await store.addRejection("rejecting-many", { source: `bad-${i}.pdf`, reason: "not a supported file type" });
    await store.putDocument("rejecting-many", 1, meta("doc-rejecting-many", 1), paragraphs(1));
    await store.finishEnqueue("rejecting-many", producer.id);
    const first = await get("/runs/rejecting-many");
    // "and 70 more inputs" leads to the next page of them, as the pager's "Next" does.
    expect(first.body).toContain('<a href="/runs/rejecting-many?rejected=50">and 70 more inputs</a>');
    expect(text(first.body)).toContain("and 70 more inputs 1–50 of 120 Next →");
    const second = await get("/runs/rejecting-many?rejected=50");
    expect(second.status).toBe(200);
    const shown = text(second.body);
    expect(shown.match(/bad-\d+\.pdf/g)).toEqual(Array.from({ length: 50 }, (_, i) => `bad-${50 + i}.pdf`));
    expect(shown).toContain("bad-99.pdf : not a supported file type and 20 more inputs ← Previous 51–100 of 120 Next →");
    expect(second.body).toContain('href="/runs/rejecting-many?rejected=100"');
    expect(second.body).toContain('href="/runs/rejecting-many?rejected=0"');
    // The last page; the documents' pager keeps the rejected inputs' page, and theirs the documents' page.
    const last = (await get("/runs/rejecting-many?offset=50&rejected=100")).body;
    expect(text(last).match(/bad-\d+\.pdf/g)).toHaveLength(20);
    expect(text(last)).toContain("bad-119.pdf : not a supported file type ← Previous 101–120 of 120 Documents");
    expect(last).toContain('href="/runs/rejecting-many?offset=50&amp;rejected=50"');
    expect(last).toContain('href="/runs/rejecting-many?rejected=100&amp;offset=0"');
  });

  it("gives in /api/runs/:id the count of all rejected inputs beside the first 100 it lists", async () => {
    const { store } = deployment;
    await store.createRun("rejecting-api", ["x"], producer);
    for (let i = 0; i < 120; i++) await store.addRejection("rejecting-api", { source: `bad-${i}.pdf`, reason: "not a supported file type" });
    await store.finishEnqueue("rejecting-api", producer.id);
    type RunJson = { run: { rejected: number }; rejected: Array<{ source: string }>; rejectedTotal: number };
    const api = (await (await app.request("/api/runs/rejecting-api")).json()) as RunJson;
    // The keys there were stay as they were.
    expect(Object.keys(api)).toEqual(["run", "documents", "rejected", "rejectedTotal", "topEntities"]);
    expect(api.rejected).toHaveLength(100);
    expect(api.rejected.at(-1)?.source).toBe("bad-99.pdf");
    expect([api.run.rejected, api.rejectedTotal]).toEqual([120, 120]);
    const few = (await (await app.request("/api/runs/rejecting-few")).json()) as RunJson;
    expect([few.rejected.length, few.rejectedTotal]).toEqual([3, 3]);
  });

  it("shows a run whose deletion began and did not end as being deleted: deletingAt in the API and the stream, a notice on its page and in its row", async () => {
    const { store } = deployment;
    for (const runId of ["cut-off", "intact"]) {
      await store.createRun(runId, ["x"], producer);
      await store.finishEnqueue(runId, producer.id);
    }
    // A deletion cut off after its first step.
    const markedAt = Date.UTC(2026, 11, 7, 2, 30, 0);
    expect(await store.markRunDeleting("cut-off", markedAt)).toBe("marked");
    type RunJson = { run: { id: string; status: string; deletingAt: number | null } };
    const api = (await (await app.request("/api/runs/cut-off")).json()) as RunJson;
    // The keys there were stay as they were; the run has one more, its status stays.
    expect(Object.keys(api)).toEqual(["run", "documents", "rejected", "rejectedTotal", "topEntities"]);
    expect(api.run).toMatchObject({ id: "cut-off", status: "completed", deletingAt: markedAt });
    expect(((await (await app.request("/api/runs/intact")).json()) as RunJson).run.deletingAt).toBeNull();
    const listed = (await (await app.request("/api/runs?limit=200")).json()) as { runs: RunJson["run"][] };
    expect(listed.runs.filter((r) => r.deletingAt !== null).map((r) => [r.id, r.deletingAt])).toEqual([["cut-off", markedAt]]);
    // The run's page: the notice is shown (not hidden), with when the deletion began and how to finish it.
    const notice = (body: string) => /<p class="deleting" data-deleting ?(hidden)?>([\s\S]*?)<\/p>/.exec(body);
    const page = notice((await get("/runs/cut-off")).body);
    expect(page?.[1]).toBeUndefined();
    expect(page?.[2]?.replace(/<[^>]*>/g, "")).toBe(
      "This run is being deleted (since 2026-12-07 02:30:00 UTC): its deletion was cut off, or is still going on. Finish it with newsflow runs delete cut-off; until then its documents and counts may be partly gone, and no producer can add to it.",
    );
    expect(notice((await get("/runs/intact")).body)?.[1]).toBe("hidden");
    // Its row in the run list, as the live updates show and hide it too.
    const rows = (await get("/runs")).body;
    const row = (runId: string) => /<div class="small deleting" data-deleting ?(hidden)?>([\s\S]*?)<\/div>/.exec(new RegExp(`<tr data-run="${runId}">[\\s\\S]*?</tr>`).exec(rows)?.[0] ?? "");
    expect(row("cut-off")?.slice(1)).toEqual([undefined, "being deleted (finish with: <code>newsflow runs delete cut-off</code>)"]);
    expect(row("intact")?.[1]).toBe("hidden");
    // The live stream carries it, for the page's script to paint.
    const stream = await app.request("/events/runs/cut-off");
    const reader = stream.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(first).toContain(`"deletingAt":${markedAt}`);
  });

  it("answers the live stream of an unknown run with 404 instead of streaming nothing forever", async () => {
    const { store } = deployment;
    await store.createRun("streamed-run", ["x"], producer);
    const unknown = await app.request("/events/runs/no-such-run");
    if (unknown.status !== 404) await unknown.body?.cancel(); // a stream: it would never end
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "no such run" });
    // A run that exists streams its progress.
    const known = await app.request("/events/runs/streamed-run");
    expect(known.status).toBe(200);
    const reader = known.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(first).toContain("event: runs");
    expect(first).toContain('"id":"streamed-run"');
  });

  it("ends the live stream of a run deleted while it is open with a 'gone' event instead of streaming empty lists", async () => {
    const { store } = deployment;
    await store.createRun("deleted-run", ["x"], producer);
    const res = await app.request("/events/runs/deleted-run");
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toContain('"id":"deleted-run"');
    await deployment.redis.del(store.keys.run("deleted-run"));
    // What the stream sends until it ends, or for 5 s (the stream sends once a second).
    let rest = "";
    const deadline = Date.now() + 5000;
    for (;;) {
      const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now())))]);
      if (next === null || next.done) {
        if (next === null) await reader.cancel();
        expect(next, "the stream did not end").not.toBeNull();
        break;
      }
      rest += decoder.decode(next.value);
    }
    expect(rest).toContain("event: gone\ndata: no such run");
    expect(rest).not.toContain("data: []");
  });

  it("answers an unknown page, run, document or entity with a page of the dashboard: one line and a link back", async () => {
    const cases = [
      ["/no-such-page", "There is no page at this address. Dashboard home", "/runs"],
      ["/runs/no-such-run", "There is no run “no-such-run”. All runs", "/runs"],
      ["/runs/?id=.", "There is no run “.”. All runs", "/runs"],
      ["/documents/no-such-doc", "There is no document “no-such-doc”. All runs", "/runs"],
      ["/entities/no-such-entity", "There is no entity “no-such-entity”. All entities", "/entities"],
    ] as const;
    for (const [path, message, back] of cases) {
      // In the layout: the navigation and the main landmark, as every other page.
      const body = await expectErrorPage(await app.request(path), 404, `Not found ${message}`, path);
      expect(mainOf(body), path).toContain(`<a href="${back}">`);
    }
  });

  it("answers an unknown run, document or entity as every other error: the JSON API's error to a JSON client, else a page of the dashboard", async () => {
    const cases = [
      ["/runs/no-such-run", "no such run", "There is no run “no-such-run”. All runs", "/api/runs/no-such-run"],
      ["/runs/?id=.", "no such run", "There is no run “.”. All runs", "/api/runs/?id=."],
      ["/documents/no-such-doc", "no such document", "There is no document “no-such-doc”. All runs", "/api/documents/no-such-doc"],
      ["/entities/no-such-entity", "no such entity", "There is no entity “no-such-entity”. All entities", "/api/entities/no-such-entity"],
    ] as const;
    for (const [path, error, message, api] of cases) {
      // The same status and words as the JSON API gives for the same id.
      await expectJsonError(await app.request(api), 404, error, api);
      await expectJsonError(await app.request(path, { headers: { accept: "application/json" } }), 404, error, path);
      await expectErrorPage(await app.request(path, { headers: { accept: "text/html,application/xhtml+xml" } }), 404, `Not found ${message}`, path);
    }
  });

  it("answers an unknown address as every other error: a JSON error to a JSON client and under /api/, else a page of the dashboard", async () => {
    for (const [path, accept, error] of [["/no-such-page", "application/json", "no such page"], ["/api/nope", "*/*", "no such API path"], ["/api/nope", "text/html", "no such API path"]] as const) {
      await expectJsonError(await app.request(path, { headers: { accept } }), 404, error, `${path} ${accept}`);
    }
    const page = await app.request("/no-such-page", { headers: { accept: "text/html,application/xhtml+xml" } });
    await expectErrorPage(page, 404, "Not found There is no page at this address. Dashboard home");
  });

  it("answers 'Redis unreachable' as every other error: a JSON error to a JSON client and under /api/, else the page that reloads itself; never cached", async () => {
    // A real client whose connection is closed: the viewer answers at once, sending nothing.
    const closed = createRedis({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });
    closed.disconnect();
    const down = createServer({ ...deployment, redis: closed });
    const error = "Redis unreachable: the viewer cannot reach Redis";
    const headers = (res: Response) => [res.status, res.headers.get("retry-after"), res.headers.get("cache-control")];
    for (const [path, accept] of [["/runs", "application/json"], ["/health", "application/json"], ["/api/runs", "*/*"], ["/api/runs", "text/html"]] as const) {
      const res = await down.request(path, { headers: { accept } });
      expect(headers(res), `${path} ${accept}`).toEqual([503, "5", "no-store"]);
      await expectJsonError(res, 503, error, `${path} ${accept}`);
    }
    // /api/health keeps the shape of its answer, with Redis's error in it.
    const health = await down.request("/api/health", { headers: { accept: "application/json" } });
    expect(headers(health)).toEqual([503, "5", "no-store"]);
    expect(await health.json()).toEqual({ redis: { ok: false, error }, queues: [] });
    const page = await down.request("/runs", { headers: { accept: "text/html,application/xhtml+xml" } });
    const body = await page.text();
    expect(headers(page)).toEqual([503, "5", "no-store"]);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(body).toMatch(/<head>[\s\S]*<meta http-equiv="refresh" content="5">[\s\S]*<\/head>/);
    expect(text(body)).toContain("Redis unreachable The viewer cannot show this page: the viewer cannot reach Redis.");
  });

  describe("deleting a run from the dashboard", () => {
    const bearer = { authorization: "Bearer admin-secret" };
    const browser = { ...bearer, accept: "text/html,application/xhtml+xml" };
    const json = { ...bearer, accept: "application/json" };
    let admin: Hono;
    beforeAll(() => {
      admin = createServer({ ...deployment, adminToken: "admin-secret" });
    });
    /** Run `runId` holding one-paragraph documents `docIds`, its producer finished; with `queued`, their paragraph jobs wait in the queues. */
    async function seedRun(runId: string, docIds: string[], queued = false) {
      const { store } = deployment;
      await store.createRun(runId, ["x"], producer);
      for (const [i, docId] of docIds.entries()) {
        await store.putDocument(runId, i + 1, meta(docId, 2), paragraphs(2));
        if (queued) await addPlannedJobs(deployment.queues, [...documentJobs(0, docId, paragraphs(2))]);
        if (queued) await store.markEnqueued([docId]);
      }
      await store.finishEnqueue(runId, producer.id);
    }

    it("shows the signed-in admin a form on the run's page that deletes it once its box is ticked, and no one else", async () => {
      await seedRun("doomed-shown", ["doc-doomed-shown"]);
      const form = /<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/;
      const own = form.exec(await (await admin.request("/runs/doomed-shown", { headers: bearer })).text());
      expect(own?.[1]).toBe("/admin/runs/doomed-shown/delete");
      expect(own?.[2]).toContain('<input type="checkbox" name="confirm" value="1" required>');
      expect(own?.[2]).toContain('<input type="checkbox" name="force" value="1">');
      // A run whose id a path cannot hold posts to an address that can.
      expect(form.exec(await (await admin.request("/runs/?id=..", { headers: bearer })).text())?.[1]).toBe("/admin/runs/delete?id=..");
      for (const [server, headers] of [[admin, {}], [admin, { authorization: "Bearer wrong" }], [app, bearer]] as const) {
        expect(await (await server.request("/runs/doomed-shown", { headers })).text()).not.toContain("/admin/runs/");
      }
    });

    it("sends a form to the run list, which says the run was deleted; the second submit is the dashboard's 404", async () => {
      const { store } = deployment;
      await seedRun("doomed-form", ["doc-doomed-form"]);
      for (const [path, runId] of [["/admin/runs/doomed-form/delete", "doomed-form"], ["/admin/runs/delete?id=..", ".."]] as const) {
        const submit = () => admin.request(path, { method: "POST", headers: browser, body: new URLSearchParams({ confirm: "1" }) });
        const res = await submit();
        expect([res.status, res.headers.get("location")], path).toEqual([303, `/runs?deleted=${runId}`]);
        expect(text(await (await app.request(res.headers.get("location")!)).text()), path).toContain(`Batch runs Run ${runId} was deleted.`);
        expect(await store.getRun(runId), path).toBeNull();
        await expectErrorPage(await submit(), 404, `Not found There is no run “${runId}”. All runs`, path);
      }
      expect(await store.getDocument("doc-doomed-form")).toBeNull();
      expect(await store.getDocument("..")).toBeNull();
      // The list says so only of a run that is not there.
      expect(text(await (await app.request("/runs?deleted=failed-run")).text())).not.toContain("was deleted");
    });

    it("answers a JSON client with what went, and the second of two submits at once with a 404, not a 500", async () => {
      const { store } = deployment;
      await seedRun("doomed-json", ["doc-doomed-json", "doc-shared-json"]);
      await seedRun("keeper-json", ["doc-shared-json"]);
      const post = () => admin.request("/admin/runs/doomed-json/delete", { method: "POST", headers: json });
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const answers = await Promise.all([post(), post()]);
        expect(answers.map((a) => a.status)).toEqual([200, 404]);
        expect(await answers[0]!.json()).toEqual({ deleted: { run: "doomed-json", documents: 2, deleted: 1, kept: 1, removedJobs: 0, activeJobs: 0 } });
        await expectJsonError(answers[1]!, 404, "no such run");
        await expectJsonError(await post(), 404, "no such run");
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
      expect(await store.getRun("doomed-json")).toBeNull();
      expect(await store.documentRuns("doc-shared-json")).toEqual(["keeper-json"]);
    });

    it("refuses a busy run with 409 and the reason, and deletes it with force, taking its waiting jobs out of the queues", async () => {
      const { store } = deployment;
      // A producer still adding to the run.
      await store.createRun("busy-lease", ["x"], producer);
      const leased = "a producer is still adding documents to run 'busy-lease': let it finish, or stop it (its lease ends 15 s later), then delete the run";
      const lease = "/admin/runs/busy-lease/delete";
      await expectJsonError(await admin.request(lease, { method: "POST", headers: { ...json, "content-type": "application/json" }, body: JSON.stringify({ force: true }) }), 409, leased);
      const page = await expectErrorPage(await admin.request(lease, { method: "POST", headers: browser, body: new URLSearchParams({ confirm: "1", force: "1" }) }), 409, `Not deleted ${leased.replaceAll("'", "&#39;")}. Run busy-lease`);
      expect(mainOf(page)).toContain('<a href="/runs/busy-lease">');
      await store.finishEnqueue("busy-lease", producer.id);
      // Jobs waiting: refused without force, deleted with it (a form's box, a JSON body).
      for (const [runId, forced] of [["busy-form", { method: "POST", headers: browser, body: new URLSearchParams({ confirm: "1", force: "1" }) }], ["busy-json", { method: "POST", headers: { ...json, "content-type": "application/json" }, body: JSON.stringify({ force: true }) }]] as const) {
        const docId = `doc-${runId}`;
        await seedRun(runId, [docId], true);
        const path = `/admin/runs/${runId}/delete`;
        const busy = `run '${runId}' still has 3 queued jobs and 0 active jobs: wait until it completes ('newsflow status ${runId}'), or delete it anyway with --force (its waiting jobs are removed)`;
        await expectJsonError(await admin.request(path, { method: "POST", headers: json }), 409, busy, runId);
        await expectErrorPage(await admin.request(path, { method: "POST", headers: browser, body: new URLSearchParams({ confirm: "1" }) }), 409, `Not deleted ${busy.replaceAll("'", "&#39;")}. Run ${runId}`, runId);
        expect(await deployment.queues[0]!.quotes.getJobState(`${docId}-0-2`), runId).toBe("waiting");
        const res = await admin.request(path, forced);
        if (runId === "busy-form") expect([res.status, res.headers.get("location")]).toEqual([303, "/runs?deleted=busy-form"]);
        else expect([res.status, await res.json()]).toEqual([200, { deleted: { run: runId, documents: 1, deleted: 1, kept: 0, removedJobs: 3, activeJobs: 0 } }]);
        expect(await store.getRun(runId), runId).toBeNull();
        expect(await deployment.queues[0]!.quotes.getJob(`${docId}-0-2`), runId).toBeUndefined();
      }
    });

    it("lets a deletion take longer than the bound on a page's wait for Redis, instead of answering 'Redis unreachable' while it goes on", async () => {
      await seedRun("doomed-slow", ["doc-doomed-slow"]);
      const { store } = deployment;
      // A deletion that takes 300 ms, against a bound of 50 ms.
      const deleteRun = async (runId: string) => {
        await new Promise((r) => setTimeout(r, 300));
        return store.deleteRun(runId);
      };
      const slow = createServer({ ...deployment, adminToken: "admin-secret", redisTimeoutMs: 50, store: { ...store, deleteRun } });
      const res = await slow.request("/admin/runs/doomed-slow/delete", { method: "POST", headers: json });
      expect([res.status, await res.json()]).toEqual([200, { deleted: { run: "doomed-slow", documents: 1, deleted: 1, kept: 0, removedJobs: 0, activeJobs: 0 } }]);
    });
  });
});
