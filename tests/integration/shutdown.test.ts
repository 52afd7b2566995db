import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

describe("graceful shutdown", () => {
  let p: TestPipeline;
  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p?.stop();
  });

  it("lets every worker finish its jobs and exit 0 on SIGTERM in the middle of a batch", async () => {
    const producer = createProducer(p.ctx);
    await producer.run({ runId: "warm-up", inputs: [join(REPO_ROOT, "seeds", "000_190e8402774f0ae3.txt")] });
    await watchRun(p.ctx.store, "warm-up", { quiet: true });
    await producer.run({ runId: "interrupted", inputs: [join(REPO_ROOT, "seeds")] });
    const codes = await Promise.all(
      p.workers.map(
        (w) =>
          new Promise<number | null>((resolve) => {
            w.child.once("exit", (code) => resolve(code));
            w.child.kill("SIGTERM");
          }),
      ),
    );
    expect(codes).toEqual(p.workers.map(() => 0));
    const counts = await Promise.all(["summarize", "entities", "quotes"].map((q) => p.ctx.queues[0]![q as "quotes"].getActiveCount()));
    expect(counts).toEqual([0, 0, 0]);
  });
});

describe("a worker started against an unreachable Redis", () => {
  it("keeps retrying instead of crashing, and exits 0 on SIGTERM", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [join(REPO_ROOT, "apps/worker-quotes/dist/main.js")], {
      env: { ...process.env, REDIS_URL: "redis://127.0.0.1:1", LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode).toBeNull();
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });
});
