import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRunComplete } from "../support/check-run.js";
import { writeCorpus } from "../support/corpus.js";
import { hookAddBulk } from "../support/in-process.js";
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
    // Redis dies while the producer's third batch is on the wire (the worst moment: a MULTI in
    // flight) and comes back 1.5 s later on the same port, with its AOF.
    // (Each batch is one addBulk per task queue: the 7th call opens the third batch.)
    let calls = 0;
    let restarted: Promise<void> = Promise.resolve();
    const queues = hookAddBulk(p.ctx.queues, (add) => {
      const added = add();
      if (++calls === 7) {
        restarted = (async () => {
          await p.redis.kill();
          await new Promise((r) => setTimeout(r, 1500));
          await p.redis.restart();
        })();
      }
      return added;
    });
    const producer = createProducer({ ...p.ctx, queues, batchJobs: 45 });
    const counts = await producer.run({ runId: "restart-run", inputs: [file] });
    await restarted;
    expect(calls).toBeGreaterThan(7);
    expect(counts).toMatchObject({ documents: 60, paragraphs: 1200, rejected: 0 });
    await watchRun(p.ctx.store, "restart-run", { quiet: true });
    await expectRunComplete(p.ctx.store, "restart-run", 60, 1200);
    for (const w of p.workers) expect(w.child.exitCode).toBeNull();
  });
});
