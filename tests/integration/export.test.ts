import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { createProducer } from "@newsflow/ingest";
import type { Deployment } from "@newsflow/queue";
import { openTestDeployment } from "@newsflow/queue/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("newsflow commands writing into a reader that stops early", () => {
  let deployment: Deployment;
  let dir: string;
  beforeAll(async () => {
    deployment = await openTestDeployment(process.env);
    dir = mkdtempSync(join(tmpdir(), "newsflow-export-"));
    // Far more than a pipe holds (64 KB), so the export is still writing when the reader leaves.
    const line = (i: number) => JSON.stringify({ id: `story-${i}`, text: `Story ${i} begins here. ${"The council met again today. ".repeat(40)}` });
    writeFileSync(join(dir, "many.jsonl"), `${Array.from({ length: 300 }, (_, i) => line(i)).join("\n")}\n`);
    await createProducer(deployment).run({ runId: "many", inputs: [join(dir, "many.jsonl")] });
    // A run whose record alone (1.6 MB) is far more than the pipe holds (a socket pair between Node
    // processes takes some hundreds of KB): 'runs --json' and 'status --json' write it in one line.
    const inputs = Array.from({ length: 800 }, (_, i) => join(dir, `a-folder-with-a-long-name-${"x".repeat(2000)}`, `input-${i}.txt`));
    await deployment.store.createRun("wide", inputs, { id: "test", leaseMs: 1 });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await deployment?.close();
  });

  /** Run the CLI and close its stdout after the first chunk, as `| head -c1` does; its exit code and stderr. */
  async function readFirstChunk(args: string[]) {
    const env = { ...process.env, NEWSFLOW_PREFIX: deployment.store.keys.name };
    const child = spawn(process.execPath, [join(REPO_ROOT, "scripts/newsflow.mjs"), ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    return { code, stderr };
  }

  it("stops quietly, without a stack trace, when the pipe closes (export RUN | head -1)", async () => {
    expect(await readFirstChunk(["export", "many"])).toEqual({ code: 0, stderr: "" });
  });

  it("stops quietly when the pipe closes under 'runs --json' and 'status RUN --json' (| head -c1)", async () => {
    expect(await readFirstChunk(["runs", "--json"])).toEqual({ code: 0, stderr: "" });
    expect(await readFirstChunk(["status", "wide", "--json"])).toEqual({ code: 0, stderr: "" });
  });
});
