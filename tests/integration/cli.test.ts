import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, REPO_ROOT } from "@newsflow/cli/processes";
import { watchRun } from "@newsflow/cli/watch-run";
import { createProducer } from "@newsflow/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRunComplete } from "../support/check-run.js";
import { runCli } from "../support/cli.js";
import { writeCorpus } from "../support/corpus.js";
import { hookAddBulk } from "../support/in-process.js";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";
import { waitUntilUp } from "../support/redis-server.js";

describe("newsflow when Redis cannot be used", () => {
  it("says so in one line and exits non-zero when nothing listens on the port", async () => {
    const port = await freePort();
    const started = Date.now();
    const { code, stderr } = await runCli(["run", join(REPO_ROOT, "seeds")], { ...process.env, REDIS_URL: `redis://127.0.0.1:${port}` }, 20_000);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([`newsflow run: cannot use Redis at redis://127.0.0.1:${port}: connection refused: is redis-server running?`]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("says so in one line, without the password, when Redis refuses the credentials", async () => {
    const port = await freePort();
    const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--requirepass", "right-secret"], { stdio: "ignore" });
    try {
      await waitUntilUp(`redis://:right-secret@127.0.0.1:${port}`);
      const { code, stderr } = await runCli(["runs"], { ...process.env, REDIS_URL: `redis://:wrong-secret@127.0.0.1:${port}` }, 20_000);
      expect(code).toBe(2);
      expect(stderr.trim().split("\n")).toEqual([`newsflow runs: cannot use Redis at redis://:***@127.0.0.1:${port}: Redis refused authentication: check the password in REDIS_URL`]);
    } finally {
      server.kill("SIGKILL");
    }
  });
});

describe("resuming a run after the producer crashed", () => {
  let p: TestPipeline;
  beforeAll(async () => {
    p = await startPipeline();
  });
  afterAll(async () => {
    await p?.stop();
  });

  it("enqueues nothing twice and skips nothing when run again with the same --run-id", async () => {
    const file = writeCorpus(mkdtempSync(join(tmpdir(), "newsflow-resume-")), 40, 10);
    // The crash comes at the worst moment: a batch is in the queues but not yet marked enqueued.
    // (A batch is one addBulk per task queue: the second call leaves the batch half added.)
    let calls = 0;
    const crashing = hookAddBulk(p.ctx.queues, async (add) => {
      const added = await add();
      if (++calls === 2) throw new Error("producer crashed");
      return added;
    });
    // A short lease: the crashed producer stops holding the run open a second after it died.
    const first = createProducer({ ...p.ctx, queues: crashing, batchJobs: 200, leaseMs: 1000 });
    await expect(first.run({ runId: "resumed", inputs: [file] })).rejects.toThrow("producer crashed");
    expect((await p.ctx.store.getRun("resumed"))!.status).toBe("enqueuing");

    const again = createProducer({ ...p.ctx, batchJobs: 200 });
    const counts = await again.run({ runId: "resumed", inputs: [file] });
    // What the crashed producer had attached is in the run already: met again, not counted again.
    expect(counts.repeated).toBeGreaterThan(0);
    expect(counts.documents + counts.repeated).toBe(40);
    await watchRun(p.ctx.store, "resumed", { quiet: true });
    await expectRunComplete(p.ctx.store, "resumed", 40, 400);
  });

  it("shows plain progress lines off a TTY, a final report, and exits 0 with --wait", async () => {
    const { code, stdout, stderr } = await runCli(["run", join(REPO_ROOT, "seeds"), "--wait", "--run-id", "waited"], p.env);
    expect(stderr).toMatch(/docs \d+\/\d+ {2}summarize \d+\/\d+/);
    expect(stdout).toMatch(/^run waited: completed\n {2}documents {3}\d+\/\d+ done/);
    expect(code).toBe(0);
    const status = await runCli(["status", "waited"], p.env);
    expect(status.stdout).toMatch(/100%/);
    const exported = await runCli(["export", "waited"], p.env);
    const lines = exported.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; paragraphs: unknown[]; result: unknown });
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const l of lines) expect(l.result).not.toBeNull();
  });

  it("takes an input that repeats an earlier one of the run once, and says so in one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-repeat-"));
    copyFileSync(join(REPO_ROOT, "seeds", "flood-warning.txt"), join(dir, "a.txt"));
    copyFileSync(join(REPO_ROOT, "seeds", "flood-warning.txt"), join(dir, "b.txt"));
    copyFileSync(join(REPO_ROOT, "seeds", "port-strike.md"), join(dir, "c.md"));
    const { code, stderr } = await runCli(["run", dir, "--wait", "--run-id", "repeated"], p.env);
    expect(code).toBe(0);
    const notices = stderr.split("\n").filter((l) => l.includes("the same document as"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^newsflow: \/.*\/b\.txt: the same document as an earlier input of this run \(doc-[0-9a-f]+\): taken once$/);
    expect(stderr).toContain("run repeated: 2 documents, 12 paragraphs enqueued");
    expect(await p.ctx.store.getRun("repeated")).toMatchObject({ documents: 2, paragraphs: 12, docsDone: 2 });
  });
});
