import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { startPipeline, type TestPipeline } from "../support/pipeline.js";

/** Issue 12, item 7: one document of very many short paragraphs must not sink the batch. */
describe("a document of 59,000 short paragraphs", () => {
  let p: TestPipeline;
  beforeAll(async () => {
    p = await startPipeline({ startWorkers: false });
  });
  afterAll(async () => {
    await p?.stop();
  });

  it("is enqueued in bounded pieces by `newsflow run` (its capped heap), with the rest of the batch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsflow-big-"));
    writeFileSync(join(dir, "a-huge.txt"), Array.from({ length: 59_000 }, (_, i) => `Line ${i} of the wire feed said prices rose again.`).join("\n\n"));
    writeFileSync(join(dir, "b-small.txt"), "The council met on Monday.\n\nIt agreed the budget.");
    const { code, stderr } = await runCli(["run", dir, "--run-id", "big-run"], { ...p.env, LOG_LEVEL: "error" }, 240_000);
    expect(stderr).not.toMatch(/heap|FATAL|Allocation failed/i);
    expect(code).toBe(0);
    const run = await p.ctx.store.getRun("big-run");
    expect(run).toMatchObject({ documents: 2, paragraphs: 59_002, rejected: 0 });
    const { documents } = await p.ctx.store.listRunDocuments("big-run");
    expect(documents.map((d) => d.paragraphCount)).toEqual([59_000, 2]);
    // Every slice of both documents is in each task queue: 59,000 / 8 slices + 1.
    const waiting = await p.ctx.queues[0]!.entities.getWaitingCount();
    expect(waiting).toBe(Math.ceil(59_000 / 8) + 1);
  });
});
