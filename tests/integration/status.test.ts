import type { Deployment } from "@newsflow/queue";
import { openTestDeployment } from "@newsflow/queue/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const producer = { id: "p1", leaseMs: 60_000 };

describe("newsflow status of a run with more rejected inputs than it lists, on a real Redis", () => {
  let deployment: Deployment;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    deployment = await openTestDeployment(process.env);
    env = { ...process.env, NEWSFLOW_PREFIX: deployment.store.keys.name };
    const { store } = deployment;
    for (const [runId, count] of [["many", 120], ["few", 3]] as const) {
      await store.createRun(runId, ["x"], producer);
      for (let i = 0; i < count; i++) await store.addRejection(runId, { source: `bad-${i}.pdf`, reason: "not a supported file type" });
      await store.finishEnqueue(runId, producer.id);
    }
  });
  afterAll(async () => {
    await deployment?.close();
  });

  it("gives with --json the count of all rejected inputs beside the first 100 it lists, keeping its keys", async () => {
    const { code, stdout, stderr } = await runCli(["status", "many", "--json"], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const status = JSON.parse(stdout) as { run: { id: string; rejected: number }; rejected: Array<{ source: string; reason: string }>; rejectedTotal: number };
    expect(Object.keys(status)).toEqual(["run", "rejected", "rejectedTotal"]);
    expect(status.run).toMatchObject({ id: "many", rejected: 120 });
    expect(status.rejected).toHaveLength(100);
    expect(status.rejected[99]).toEqual({ source: "bad-99.pdf", reason: "not a supported file type" });
    expect(status.rejectedTotal).toBe(120);
    const few = JSON.parse((await runCli(["status", "few", "--json"], env)).stdout) as { rejected: unknown[]; rejectedTotal: number };
    expect([few.rejected.length, few.rejectedTotal]).toEqual([3, 3]);
  });

  it("says how many more rejected inputs there are past those it lists", async () => {
    const { code, stdout } = await runCli(["status", "many"], env);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("  rejected    bad-"))).toHaveLength(100);
    expect(lines.at(-1)).toBe("  rejected    and 20 more inputs: the run's page in the viewer lists them all");
    expect((await runCli(["status", "few"], env)).stdout.trimEnd().split("\n").at(-1)).toBe("  rejected    bad-2.pdf: not a supported file type");
  });
});
