import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { createKeys } from "@newsflow/store";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasRedisServer, startRedis, type TestRedis, uniquePrefix } from "../support/redis-server.js";

const RIGHT = "right-pass-c0ffee-4d2a";
const WRONG = "wrong-pass-7f3a9c-b81e";

/** A worker app as a child process, with its whole output. */
function startWorker(url: string, prefix = uniquePrefix()) {
  const child = spawn(process.execPath, [join(REPO_ROOT, "apps/worker-summarize/dist/main.js")], {
    env: { ...process.env, REDIS_URL: url, NEWSFLOW_PREFIX: prefix, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output, prefix };
}

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms))]);

describe.skipIf(!hasRedisServer)("a worker against a Redis that refuses its credentials", () => {
  let redis: TestRedis;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });
  afterAll(async () => {
    await redis?.stop();
  });

  const protect = async () => {
    // With the password from the start: it may be set already (ioredis only warns when it is not).
    const admin = new Redis(redis.url, { maxRetriesPerRequest: 1, password: RIGHT });
    await admin.call("CONFIG", "SET", "requirepass", RIGHT);
    admin.disconnect();
  };

  it("exits non-zero with one line on a wrong password (WRONGPASS), logging no password", async () => {
    await protect();
    const w = startWorker(`redis://:${WRONG}@127.0.0.1:${redis.port}`);
    children.push(w.child);
    const code = await within(w.exited, 20_000);
    const out = w.output();
    expect(out).not.toContain(WRONG);
    expect(out).not.toContain(RIGHT);
    expect(code).not.toBe("timeout");
    expect(code).not.toBe(0);
    expect(out.split("\n").filter((l) => /WRONGPASS|NOAUTH|authentication/i.test(l))).toHaveLength(1);
  });

  it("exits non-zero with one line when no password is given (NOAUTH)", async () => {
    await protect();
    const w = startWorker(`redis://127.0.0.1:${redis.port}`);
    children.push(w.child);
    const code = await within(w.exited, 20_000);
    expect(code).not.toBe("timeout");
    expect(code).not.toBe(0);
    expect(w.output().split("\n").filter((l) => /WRONGPASS|NOAUTH|authentication/i.test(l))).toHaveLength(1);
  });

  it("keeps retrying while Redis is down (ECONNREFUSED) and works once it is back", async () => {
    await redis.kill();
    // Redis comes back on the same port without the password (it was set at run time).
    const w = startWorker(redis.url);
    children.push(w.child);
    expect(await within(w.exited, 3000)).toBe("timeout");
    expect(w.output()).toMatch(/ECONNREFUSED|connection error/);
    await redis.restart();
    const queue = new Queue("summarize", { connection: { url: redis.url }, prefix: createKeys(w.prefix).partitionPrefixes[0]! });
    await expect.poll(() => queue.getWorkersCount(), { timeout: 15_000, interval: 250 }).toBeGreaterThan(0);
    await queue.close();
    expect(w.child.exitCode).toBeNull();
  });
});
