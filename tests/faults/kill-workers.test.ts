import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Managed, startWorkers, WORKER_APPS } from "@newsflow/cli/processes";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRunComplete } from "../support/check-run.js";
import { writeCorpus } from "../support/corpus.js";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

// Jobs of a killed worker are taken over once their lock expires and the stalled check runs.
// Every replacement loads its models again (the entity tagger alone takes 1.1 s of CPU), so kills
// every 200-800 ms without end starved the very workers under test on a 2-core machine: the same
// code took 30 to over 120 s. A kill every 0.5-1.5 s still hits the run at random moments all
// through it (about 9 kills in 15 s; four runs took 15.2-15.8 s), and MAX_KILLS bounds the
// replacements' cost should a run drag on.
const MAX_KILLS = 25;
const FAST_RECOVERY = { WORKER_STALLED_INTERVAL_MS: "1000", WORKER_LOCK_DURATION_MS: "2000", WORKER_CONCURRENCY: "4" };

describe("worker replicas killed with SIGKILL at random moments", () => {
  let p: TestPipeline;
  const replacements: Managed[] = [];
  beforeAll(async () => {
    p = await startPipeline({ workerEnv: FAST_RECOVERY, startWorkers: false });
    p.workers.push(...startWorkers(p.env, { replicas: { "worker-summarize": 2, "worker-entities": 2, "worker-quotes": 2, "worker-document": 2 }, logDir: p.logDir }));
  });
  afterAll(async () => {
    await Promise.all(replacements.map((w) => w.stop()));
    await p?.stop();
  });

  it("completes a 2,000-paragraph batch with every result present exactly once", async () => {
    const file = writeCorpus(mkdtempSync(join(tmpdir(), "newsflow-kill-")), 100, 20);
    const producer = createProducer(p.ctx);
    await producer.run({ runId: "kill-run", inputs: [file] });

    let kills = 0;
    let stop = false;
    const chaos = (async () => {
      // A seeded sequence, so a failure can be replayed.
      let seed = 42;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      while (!stop && kills < MAX_KILLS) {
        await new Promise((r) => setTimeout(r, 500 + random() * 1000));
        const alive = [...p.workers, ...replacements].filter((w) => w.child.exitCode === null && w.child.signalCode === null);
        const victim = alive[Math.floor(random() * alive.length)];
        if (!victim || stop) continue;
        await victim.stop("SIGKILL");
        kills++;
        const app = WORKER_APPS.find((a) => victim.name.startsWith(a))!;
        replacements.push(...startWorkers(p.env, { only: [app], logDir: p.logDir }));
      }
    })();
    const run = await watchRun(p.ctx.store, "kill-run", { quiet: true });
    stop = true;
    await chaos;
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(run.status).toBe("completed");
    await expectRunComplete(p.ctx.store, "kill-run", 100, 2000);
  });
});
