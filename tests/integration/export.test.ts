import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { createProducer } from "@newsflow/ingest";
import type { Deployment } from "@newsflow/queue";
import { openTestDeployment } from "@newsflow/queue/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("newsflow export into a reader that stops early", () => {
  let deployment: Deployment;
  let dir: string;
  beforeAll(async () => {
    deployment = await openTestDeployment(process.env);
    dir = mkdtempSync(join(tmpdir(), "newsflow-export-"));
    // Far more than a pipe holds (64 KB), so the export is still writing when the reader leaves.
    const line = (i: number) => JSON.stringify({ id: `story-${i}`, text: `Story ${i} begins here. ${"The council met again today. ".repeat(40)}` });
    writeFileSync(join(dir, "many.jsonl"), `${Array.from({ length: 300 }, (_, i) => line(i)).join("\n")}\n`);
    await createProducer(deployment).run({ runId: "many", inputs: [join(dir, "many.jsonl")] });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await deployment?.close();
  });

  it("stops quietly, without a stack trace, when the pipe closes (export RUN | head -1)", async () => {
    const env = { ...process.env, NEWSFLOW_PREFIX: deployment.store.keys.name };
    const child = spawn(process.execPath, [join(REPO_ROOT, "scripts/newsflow.mjs"), "export", "many"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
