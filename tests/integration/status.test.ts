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

  it("says a run whose deletion began and did not end is being deleted: first in `status`, last in its row of `runs`, and deletingAt in their JSON", async () => {
    const { store } = deployment;
    await store.createRun("cut-off", ["x"], producer);
    await store.finishEnqueue("cut-off", producer.id);
    // A deletion cut off after its first step.
    const markedAt = Date.now();
    expect(await store.markRunDeleting("cut-off", markedAt)).toBe("marked");
    const human = await runCli(["status", "cut-off"], env);
    expect({ code: human.code, stderr: human.stderr }).toEqual({ code: 0, stderr: "" });
    expect(human.stdout.split("\n")[0]).toBe("run cut-off: being deleted (finish with: newsflow runs delete cut-off)");
    expect((await runCli(["status", "few"], env)).stdout).not.toContain("deleted");
    type StatusJson = { run: { id: string; status: string; deletingAt: number | null } };
    const json = JSON.parse((await runCli(["status", "cut-off", "--json"], env)).stdout) as StatusJson;
    expect(Object.keys(json)).toEqual(["run", "rejected", "rejectedTotal"]);
    expect(json.run).toMatchObject({ id: "cut-off", status: "completed", deletingAt: markedAt });
    expect((JSON.parse((await runCli(["status", "few", "--json"], env)).stdout) as StatusJson).run.deletingAt).toBeNull();
    // `runs`: the run's row says so in a last column of its own; the other rows are as they were.
    const rows = (await runCli(["runs"], env)).stdout.trimEnd().split("\n").map((line) => line.split("\t"));
    expect(rows.find((r) => r[0] === "cut-off")?.slice(3)).toEqual(["docs 0/0", "paragraphs 0", "being deleted (finish with: newsflow runs delete cut-off)"]);
    expect(rows.find((r) => r[0] === "few")?.slice(3)).toEqual(["docs 0/0", "paragraphs 0"]);
    const listed = JSON.parse((await runCli(["runs", "--json"], env)).stdout) as { total: number; runs: StatusJson["run"][] };
    expect(Object.keys(listed)).toEqual(["total", "runs"]);
    expect(Object.fromEntries(listed.runs.map((r) => [r.id, r.deletingAt]))).toEqual({ "cut-off": markedAt, few: null, many: null });
  });
});
