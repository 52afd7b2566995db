import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { freePort, REPO_ROOT } from "@newsflow/cli/processes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { startRedis, type TestRedis, uniquePrefix } from "../support/redis-server.js";

describe("configuration mistakes", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("gives one line and exit code 2 for a bad environment variable, in the CLI and in a worker", async () => {
    const env = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PARTITIONS: "lots" };
    const cli = await runCli(["runs"], env);
    expect(cli.code).toBe(2);
    expect(cli.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^newsflow runs: bad environment: NEWSFLOW_PARTITIONS /)]);
    const worker = spawnSync(process.execPath, [join(REPO_ROOT, "apps/worker-quotes/dist/main.js")], { env, encoding: "utf8", timeout: 20_000 });
    expect(worker.status).toBe(2);
    expect(worker.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^worker-quotes: bad environment: NEWSFLOW_PARTITIONS /)]);
  });

  it("refuses, in one line, a process whose partition count differs from the deployment's", async () => {
    const base = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: uniquePrefix("parts") };
    expect((await runCli(["runs"], { ...base, NEWSFLOW_PARTITIONS: "4" })).code).toBe(0);
    const other = await runCli(["runs"], { ...base, NEWSFLOW_PARTITIONS: "2" });
    expect(other.code).toBe(2);
    expect(other.stderr.trim().split("\n")).toEqual([expect.stringMatching(/NEWSFLOW_PARTITIONS is 2 but deployment '.*' was created with 4: set NEWSFLOW_PARTITIONS=4/)]);
    const worker = spawnSync(process.execPath, [join(REPO_ROOT, "apps/worker-summarize/dist/main.js")], { env: { ...base, NEWSFLOW_PARTITIONS: "2" }, encoding: "utf8", timeout: 20_000 });
    expect(worker.status).toBe(2);
    expect(worker.stderr).toMatch(/^worker-summarize: NEWSFLOW_PARTITIONS is 2 but deployment/);
  });

  it("gives one line and exit code 2 for an unknown option", async () => {
    const r = await runCli(["status", "some-run", "--colour"], { ...process.env, REDIS_URL: redis.url });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^newsflow status: Unknown option '--colour'/)]);
  });

  it("refuses an invalid --run-id of 'start' in one line and exit code 2, as 'run' does, starting nothing", async () => {
    const env = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: uniquePrefix("start"), VIEWER_PORT: String(await freePort()) };
    const r = await runCli(["start", join(REPO_ROOT, "seeds"), "--run-id", "a b", "--exit"], env);
    expect(r.stderr.trim().split("\n")).toEqual(["newsflow start: invalid --run-id 'a b': use 1-200 letters, digits and . _ ~ - (not all digits, not . or ..)"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });

  it("refuses a --limit of 'runs' that is no whole number from 1 to 1,000 (it fell back to 20, or read every run)", async () => {
    const env = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: uniquePrefix("limit") };
    for (const limit of ["abc", "0", "-1", "2.5", "1000000"]) {
      const r = await runCli(["runs", `--limit=${limit}`], env);
      expect(r.stderr.trim().split("\n")).toEqual([`newsflow runs: invalid --limit '${limit}': give a whole number from 1 to 1000`]);
      expect(r.code).toBe(2);
    }
    expect((await runCli(["runs", "--limit", "5", "--json"], env)).code).toBe(0);
  });

  it("gives one line and exit code 2 for an unknown option of 'retry' (it used to take the option as a run id, or ignore it and retry)", async () => {
    const env = { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: uniquePrefix("retry") };
    const r = await runCli(["retry", "some-run", "--dry-run"], env);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^newsflow retry: Unknown option '--dry-run'/)]);
    expect(r.code).toBe(2);
    // '--help' is no run id either: it prints the command's usage and retries nothing.
    const help = await runCli(["retry", "--help"], env);
    expect({ code: help.code, stderr: help.stderr }).toEqual({ code: 0, stderr: "" });
    expect(help.stdout).toContain("retry RUN");
  });
});
