import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/producer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRunComplete } from "../support/check-run.js";
import { writeCorpus } from "../support/corpus.js";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

describe("Redis killed and restarted in the middle of a batch", () => {
  let p: TestPipeline;
  beforeAll(async () => {
    p = await startPipeline({ aof: true, workerEnv: { WORKER_STALLED_INTERVAL_MS: "1000", WORKER_LOCK_DURATION_MS: "2000" } });
  });
  afterAll(async () => {
    await p?.stop();
  });

  it("completes the run once Redis is back, without restarting the workers or the producer", async () => {
    const file = writeCorpus(mkdtempSync(join(tmpdir(), "newsflow-restart-")), 60, 20);
    // Small batches keep the producer enqueueing while Redis goes down.
    const producer = createProducer({ store: p.ctx.store, flow: p.ctx.flow, queues: p.ctx.queues, batchJobs: 120 });
    const produced = producer.run({ runId: "restart-run", inputs: [file] });
    for (let i = 0; i < 200; i++) {
      const run = await p.ctx.store.getRun("restart-run");
      if (run && run.tasks.summarize.done > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await p.redis.kill();
    await new Promise((r) => setTimeout(r, 1500));
    await p.redis.restart();
    const counts = await produced;
    expect(counts).toMatchObject({ documents: 60, paragraphs: 1200, rejected: 0 });
    await watchRun(p.ctx.store, "restart-run", { quiet: true });
    await expectRunComplete(p.ctx.store, "restart-run", 60, 1200);
    for (const w of p.workers) expect(w.child.exitCode).toBeNull();
  });
});
