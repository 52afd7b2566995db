import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finalReport, watchRun } from "@newsflow/cli/watch-run";
import type { QueueName } from "@newsflow/contracts";
import { createProducer } from "@newsflow/ingest";
import { extractQuotes, summarizeParagraph } from "@newsflow/nlp";
import { loadEntityTagger, loadQuoteModel, loadSummaryWeights } from "@newsflow/nlp/node";
import { retryRun, type WorkerSetup } from "@newsflow/queue";
import { createServer } from "@newsflow/viewer";
import { createDocumentProcessor } from "@newsflow/worker-document";
import { createEntitiesProcessor } from "@newsflow/worker-entities";
import { createQuotesProcessor } from "@newsflow/worker-quotes";
import { createSummarizeProcessor } from "@newsflow/worker-summarize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InProcessWorkers, inProcessWorkers } from "../support/in-process.js";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

const ADMIN_TOKEN = "reliability-admin-token-0123456789";

/**
 * Issue 12, items 1-6: runs that never finished or finished wrong. In-process workers whose
 * analyses a test can break (and mend) at will, on a private Redis.
 */
describe("runs that finish, and finish right", () => {
  let p: TestPipeline;
  let workers: InProcessWorkers;
  const broken = { document: false, entities: false };
  let dir: string;

  const guard = <Q extends QueueName>(setup: WorkerSetup<Q>, broke: () => boolean, what: string): WorkerSetup<Q> => ({
    ...setup,
    process: async (payload, job, log) => {
      if (broke()) throw new Error(`${what} is broken`);
      return setup.process(payload, job, log);
    },
  });

  beforeAll(async () => {
    p = await startPipeline({ startWorkers: false });
    dir = mkdtempSync(join(tmpdir(), "newsflow-reliability-"));
    const real = loadEntityTagger();
    const quoteModel = loadQuoteModel();
    const tagger = {
      tag(text: string) {
        if (broken.entities && text.includes("Hezbollah")) throw new Error("tagger is broken");
        return real.tag(text);
      },
    };
    workers = inProcessWorkers(p.ctx, p.redis.url);
    workers.start("summarize", createSummarizeProcessor(p.ctx, summarizeParagraph));
    workers.start("entities", createEntitiesProcessor(p.ctx, tagger));
    workers.start("quotes", createQuotesProcessor(p.ctx, (text) => extractQuotes(text, quoteModel)));
    workers.start("document", guard(createDocumentProcessor(p.ctx.store, { weights: loadSummaryWeights() }), () => broken.document, "the document step"));
  });
  afterAll(async () => {
    await workers?.stop();
    await p?.stop();
  });

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("counts a document whose step fails for good as failed, completes its run, and 'retry' redoes the step", async () => {
    broken.document = true;
    const input = file("doc-step.txt", "Croft said the border is closed.\n\nThe council met on Monday.");
    await createProducer(p.ctx).run({ runId: "doc-step-fails", inputs: [input] });
    const run = await watchRun(p.ctx.store, "doc-step-fails", { quiet: true });
    expect(run).toMatchObject({ status: "completed", docsDone: 0, docsFailed: 1 });
    const { documents } = await p.ctx.store.listRunDocuments("doc-step-fails");
    expect(documents[0]!.status).toBe("failed");
    expect(await p.ctx.store.getDocumentFailure(documents[0]!.id)).toMatch(/the document step is broken/);
    // The report ('run --wait', 'start', 'status') says so; it said "documents 0/1 done" and nothing more.
    expect(finalReport(run).lines).toContain(
      "  failed      1 document (the document step): the reason is on each document's page in the viewer and in 'newsflow export doc-step-fails'; retry with 'newsflow retry doc-step-fails'",
    );

    broken.document = false;
    expect(await retryRun(p.ctx, "doc-step-fails")).toEqual({ documents: 1, paragraphTasks: 0, documentSteps: 1 });
    const again = await watchRun(p.ctx.store, "doc-step-fails", { quiet: true });
    expect(again).toMatchObject({ status: "completed", docsDone: 1, docsFailed: 0 });
    expect(await p.ctx.store.getDocumentResult(documents[0]!.id)).not.toBeNull();
  });

  it("re-assembles a document and indexes its entities after the admin retries a failed paragraph job", async () => {
    broken.entities = true;
    const input = file("admin-retry.txt", "Croft said the border is closed.\n\nHezbollah is fighting alongside government forces.");
    await createProducer(p.ctx).run({ runId: "admin-retry", inputs: [input] });
    const run = await watchRun(p.ctx.store, "admin-retry", { quiet: true });
    expect(run.tasks.entities).toEqual({ done: 1, failed: 1 });
    const { documents } = await p.ctx.store.listRunDocuments("admin-retry");
    const docId = documents[0]!.id;
    expect((await p.ctx.store.getDocumentResult(docId))!.missing).toEqual([{ paragraphIndex: 1, task: "entities", reason: "tagger is broken" }]);
    expect((await p.ctx.store.topEntities({ runId: "admin-retry" })).entities.map((e) => e.name)).not.toContain("Hezbollah");

    broken.entities = false;
    const app = createServer({ ...p.ctx, adminToken: ADMIN_TOKEN });
    const [failed] = await p.ctx.queues[p.ctx.keys.partitionOf(docId)]!.entities.getFailed(0, 10);
    const res = await app.request(`/admin/jobs/${p.ctx.keys.partitionOf(docId)}/entities/${failed!.id}/retry`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: "application/json" },
    });
    expect(res.status).toBe(200);
    let result = await p.ctx.store.getDocumentResult(docId);
    for (let i = 0; i < 200 && result!.missing.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      result = await p.ctx.store.getDocumentResult(docId);
    }
    expect(result!.missing).toEqual([]);
    const after = await watchRun(p.ctx.store, "admin-retry", { quiet: true });
    expect(after).toMatchObject({ status: "completed", docsDone: 1, tasks: { entities: { done: 2, failed: 0 } } });
    expect((await p.ctx.store.topEntities({ runId: "admin-retry" })).entities.map((e) => e.name)).toContain("Hezbollah");
    expect((await p.ctx.store.searchEntities("hezbollah")).map((e) => e.name)).toContain("Hezbollah");
  });

  it("completes a run only when every producer attached to it has finished", async () => {
    const small = file("small.txt", "A short note about the port.");
    const big = join(dir, "big.jsonl");
    writeFileSync(big, Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `big-${i}`, text: `Item ${i} says the harbour reopened.` })).join("\n"));
    const slow = createProducer({ ...p.ctx, batchJobs: 3 });
    const second = slow.run({ runId: "two-producers", inputs: [big] });
    const first = await createProducer(p.ctx).run({ runId: "two-producers", inputs: [small] });
    expect(first.documents).toBe(1);
    // The first producer is done and its document will be too, but the second is still adding.
    await new Promise((r) => setTimeout(r, 300));
    expect((await p.ctx.store.getRun("two-producers"))!.status).not.toBe("completed");
    await second;
    const run = await watchRun(p.ctx.store, "two-producers", { quiet: true });
    expect(run).toMatchObject({ status: "completed", documents: 301, docsDone: 301 });
  });

  it("rejects a changed document under a known id with one line, and counts the rejection once when the run resumes", async () => {
    const v1 = file("v1.jsonl", JSON.stringify({ id: "story-7", text: "The bridge opened today." }));
    await createProducer(p.ctx).run({ runId: "version-1", inputs: [v1] });
    await watchRun(p.ctx.store, "version-1", { quiet: true });
    const v2 = file("v2.jsonl", JSON.stringify({ id: "story-7", text: "The bridge stayed closed today." }));
    const rejected: string[] = [];
    for (let i = 0; i < 2; i++) {
      const counts = await createProducer(p.ctx).run({ runId: "version-2", inputs: [v2], onRejected: (s, r) => rejected.push(`${s}: ${r}`) });
      expect(counts).toMatchObject({ documents: 0, paragraphs: 0, rejected: 1 });
    }
    expect(rejected[0]).toMatch(/v2\.jsonl:1: document id 'story-7' already holds other content/);
    const run = await watchRun(p.ctx.store, "version-2", { quiet: true });
    expect(run).toMatchObject({ status: "completed", documents: 0, paragraphs: 0, rejected: 1 });
    expect(await p.ctx.store.getRejections("version-2")).toHaveLength(1);
  });
});
