import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkRedis, freePort, type Managed, manage, startPrivateRedis } from "@newsflow/queue";

export { freePort, type Managed, startPrivateRedis };

import { UsageError } from "./errors.js";

/** The repository root (this file is apps/cli/dist/processes.js once built). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The worker apps and their entry points. */
export const WORKER_APPS = ["worker-summarize", "worker-entities", "worker-quotes", "worker-document"] as const;
export type WorkerApp = (typeof WORKER_APPS)[number];

/**
 * Redis for `newsflow start`: REDIS_URL if set, else 127.0.0.1:6379, else a private
 * `redis-server` on a free port (stopped with us), else a one-line error saying how to get one.
 */
export async function ensureRedis(env: NodeJS.ProcessEnv): Promise<{ url: string; server: Managed | null }> {
  if (env.REDIS_URL) {
    await checkRedis({ url: env.REDIS_URL }).catch((err: Error) => {
      throw new UsageError(err.message);
    });
    return { url: env.REDIS_URL, server: null };
  }
  const local = "redis://127.0.0.1:6379";
  if (await checkRedis({ url: local }, 1000).then(() => true, () => false)) return { url: local, server: null };
  if (spawnSync("sh", ["-c", "command -v redis-server"]).status !== 0) {
    throw new UsageError("no Redis at 127.0.0.1:6379 and no redis-server binary: install Redis (apt-get install redis-server) or set REDIS_URL");
  }
  const server = await startPrivateRedis().catch((err: Error) => {
    throw new UsageError(err.message);
  });
  return { url: server.url, server };
}

/**
 * Start worker apps as separate processes (`replicas` per app, default 1; `only` to start a
 * subset); their JSON logs go to `logDir/<app>-<n>.log`.
 */
export function startWorkers(
  env: NodeJS.ProcessEnv,
  options: { replicas?: Partial<Record<WorkerApp, number>>; only?: WorkerApp[]; logDir?: string } = {},
): Managed[] {
  const logDir = options.logDir ?? join(REPO_ROOT, ".newsflow", "logs");
  mkdirSync(logDir, { recursive: true });
  const out: Managed[] = [];
  for (const app of options.only ?? WORKER_APPS) {
    const n = options.replicas?.[app] ?? 1;
    for (let i = 0; i < n; i++) {
      const log = openSync(join(logDir, `${app}-${i}-${Date.now()}.log`), "a");
      const child = spawn(process.execPath, [join(REPO_ROOT, "apps", app, "dist", "main.js")], { env, stdio: ["ignore", log, log] });
      out.push(manage(`${app}-${i}`, child));
    }
  }
  return out;
}

/** Whether a TCP port on `host` can be listened on now. */
async function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/**
 * Start the viewer app as a process of its own on `VIEWER_PORT` (default 3000) or, when that is
 * taken, the next free port; resolves once it answers, with its URL.
 */
export async function startViewer(env: NodeJS.ProcessEnv, options: { logDir?: string } = {}): Promise<Managed & { url: string }> {
  const host = env.VIEWER_HOST || "127.0.0.1";
  const wanted = Number(env.VIEWER_PORT || 3000);
  let port = 0;
  for (const p of [wanted, wanted + 1, wanted + 2, wanted + 3]) {
    if (await portFree(host, p)) {
      port = p;
      break;
    }
  }
  if (port === 0) port = await freePort();
  const logDir = options.logDir ?? join(REPO_ROOT, ".newsflow", "logs");
  mkdirSync(logDir, { recursive: true });
  const log = openSync(join(logDir, `viewer-${Date.now()}.log`), "a");
  const child = spawn(process.execPath, [join(REPO_ROOT, "apps", "viewer", "dist", "main.js")], { env: { ...env, VIEWER_PORT: String(port) }, stdio: ["ignore", log, "pipe"] });
  const managed = manage("viewer", child);
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const url = `http://${host}:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new UsageError(stderr.trim().split("\n")[0] || `the viewer exited with code ${child.exitCode}`);
    if (await fetch(`${url}/api/runs?limit=1`).then((r) => r.ok, () => false)) return { ...managed, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  await managed.stop();
  throw new UsageError(`the viewer did not answer on ${url}`);
}
