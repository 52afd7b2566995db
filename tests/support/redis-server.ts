import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@newsflow/cli/processes";
import { checkRedis } from "@newsflow/queue";

/** A private redis-server for one test file. */
export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** SIGKILL the server (no clean shutdown). */
  kill(): Promise<void>;
  /** Start it again on the same port and data dir (AOF is replayed when on). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const hasRedisServer = spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;

/** A key prefix of its own for a test. */
export const uniquePrefix = (name = "test") => `${name}-${randomUUID().slice(0, 8)}`;

/** Wait until a Redis at `url` answers (up to about 5 s). */
export async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await checkRedis({ url }, 300).then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis at ${url} did not come up`);
}

/**
 * Start a private redis-server on a free loopback port when the binary exists; otherwise use
 * REDIS_URL (or 127.0.0.1:6379), where tests isolate themselves by key prefix.
 */
export async function startRedis(options: { aof?: boolean } = {}): Promise<TestRedis> {
  if (!hasRedisServer) {
    const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    await waitUntilUp(url);
    const unsupported = async () => {
      throw new Error("needs a private redis-server");
    };
    return { url, port: Number(new URL(url).port || 6379), dir: "", kill: unsupported, restart: unsupported, stop: async () => {} };
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "newsflow-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", options.aof ? "yes" : "no", "--appendfsync", "always", "--maxmemory-policy", "noeviction"];
  let child: ChildProcess;
  const launch = async () => {
    child = spawn("redis-server", args, { stdio: "ignore" });
    await waitUntilUp(`redis://127.0.0.1:${port}`);
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
