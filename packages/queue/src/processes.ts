import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { checkRedis } from "./connection.js";
import { RedisUnavailableError } from "./errors.js";

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

/** A child process we started, with a graceful stop. */
export interface Managed {
  name: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function manage(name: string, child: ChildProcess): Managed {
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    name,
    child,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A private `redis-server` on a free loopback port, without persistence; stopped with `stop()`. */
export async function startPrivateRedis(): Promise<Managed & { url: string }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await checkRedis({ url }, 500).then(() => true, () => false)) return { ...manage("redis-server", child), url };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new RedisUnavailableError(`started redis-server on port ${port} but it does not answer`);
}

