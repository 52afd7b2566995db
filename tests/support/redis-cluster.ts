import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@newsflow/cli/processes";
import { waitUntilUp } from "./redis-server.js";

/** A private three-master Redis Cluster on loopback ports. */
export interface TestCluster {
  ports: number[];
  /** A seed node's URL (use with REDIS_CLUSTER=1). */
  url: string;
  stop(): Promise<void>;
}

/** Start three `redis-server --cluster-enabled yes` nodes and join them with `redis-cli --cluster create`. */
export async function startCluster(): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), "newsflow-cluster-"));
  const ports = [await freePort(), await freePort(), await freePort()];
  const nodes: ChildProcess[] = [];
  for (const port of ports) {
    const nodeDir = join(dir, String(port));
    mkdirSync(nodeDir);
    nodes.push(
      spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--dir", nodeDir, "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      }),
    );
  }
  for (const port of ports) await waitUntilUp(`redis://127.0.0.1:${port}`);
  const create = spawnSync("redis-cli", ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"], { encoding: "utf8" });
  if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
  for (let i = 0; i < 100; i++) {
    const info = spawnSync("redis-cli", ["-p", String(ports[0]), "cluster", "info"], { encoding: "utf8" }).stdout;
    if (info.includes("cluster_state:ok")) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    ports,
    url: `redis://127.0.0.1:${ports[0]}`,
    async stop() {
      await Promise.all(
        nodes.map((n) => {
          const exited = new Promise((r) => n.once("exit", r));
          n.kill("SIGKILL");
          return exited;
        }),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
