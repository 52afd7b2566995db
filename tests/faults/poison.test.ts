import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/ingest";
import { extractQuotes, summarizeParagraph } from "@newsflow/nlp";
import { loadEntityTagger, loadQuoteModel, loadSummaryWeights } from "@newsflow/nlp/node";
import { retryRun } from "@newsflow/queue";
import { createDocumentProcessor } from "@newsflow/worker-document";
import { createEntitiesProcessor } from "@newsflow/worker-entities";
import { createQuotesProcessor } from "@newsflow/worker-quotes";
import { createSummarizeProcessor } from "@newsflow/worker-summarize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InProcessWorkers, inProcessWorkers } from "../support/in-process.js";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

describe("a poison paragraph", () => {
  let p: TestPipeline;
  let workers: InProcessWorkers;
  let poisoned = true;

  beforeAll(async () => {
    p = await startPipeline({ startWorkers: false });
    const real = loadEntityTagger();
    const quoteModel = loadQuoteModel();
    const tagger = {
      tag(text: string) {
        if (poisoned && text.includes("POISON")) throw new Error("tagger cannot handle this paragraph");
        return real.tag(text);
      },
    };
    workers = inProcessWorkers(p.ctx, p.redis.url);
    workers.start("summarize", createSummarizeProcessor(p.ctx, summarizeParagraph));
    workers.start("entities", createEntitiesProcessor(p.ctx, tagger));
    workers.start("quotes", createQuotesProcessor(p.ctx, (text) => extractQuotes(text, quoteModel)));
    workers.start("document", createDocumentProcessor(p.ctx.store, { weights: loadSummaryWeights() }));
  });
  afterAll(async () => {
    await workers?.stop();
    await p?.stop();
  });

  it("fails after its retries with the reason recorded while the rest of its document completes, and 'retry' finishes it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-poison-"));
    const file = join(dir, "poison.txt");
    writeFileSync(file, "Croft said the border is closed.\n\nThis paragraph holds a POISON marker.\n\nHezbollah is fighting alongside government forces.");
    const producer = createProducer(p.ctx);
    const { runId } = await producer.run({ runId: "poison-run", inputs: [file] });
    const run = await watchRun(p.ctx.store, runId, { quiet: true });
    expect(run.tasks).toEqual({ summarize: { done: 3, failed: 0 }, entities: { done: 2, failed: 1 }, quotes: { done: 3, failed: 0 } });
    expect(run.docsDone).toBe(1);

    const { documents } = await p.ctx.store.listRunDocuments(runId);
    const docId = documents[0]!.id;
    const result = await p.ctx.store.getDocumentResult(docId);
    expect(result!.missing).toEqual([{ paragraphIndex: 1, task: "entities", reason: "tagger cannot handle this paragraph" }]);
    expect(result!.summary.sentences.length).toBeGreaterThan(0);
    const failedJob = await p.ctx.queues[0]!.entities.getJob(`${docId}-0-3`);
    expect(failedJob!.attemptsMade).toBe(3);
    expect(failedJob!.failedReason).toMatch(/tagger cannot handle this paragraph/);

    poisoned = false;
    expect(await retryRun(p.ctx, runId)).toEqual({ documents: 1, paragraphTasks: 1, documentSteps: 0 });
    const again = await watchRun(p.ctx.store, runId, { quiet: true });
    expect(again.tasks.entities).toEqual({ done: 3, failed: 0 });
    expect(again.docsDone).toBe(1);
    const fixed = await p.ctx.store.getDocumentResult(docId);
    expect(fixed!.missing).toEqual([]);
  });
});
