import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, REPO_ROOT } from "@newsflow/cli/processes";
import { createPartitionedQueues, createRedis, type RedisClient } from "@newsflow/queue";
import { createKeys, createStore } from "@newsflow/store";
import { createServer, type ServedViewer, serveViewer } from "@newsflow/viewer";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasRedisServer, startRedis, type TestRedis, uniquePrefix } from "../support/redis-server.js";

/** A GET that must be answered within `ms` (it throws a TimeoutError otherwise), with its time. */
async function getWithin(url: string, ms = 2000) {
  const t0 = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(ms) });
  const body = await res.text();
  return { status: res.status, headers: res.headers, body, ms: Math.round(performance.now() - t0) };
}

/** The events of a Server-Sent Events stream, as they arrive. */
async function openEvents(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const events: Array<{ event: string; data: string }> = [];
  let closed = false;
  if (res.status === 200 && res.body) {
    (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          for (let cut = buffer.indexOf("\n\n"); cut >= 0; cut = buffer.indexOf("\n\n")) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? "message";
            const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join("\n");
            events.push({ event, data });
          }
        }
      } catch {
        // aborted by us
      }
      closed = true;
    })();
  }
  return { res, events, isClosed: () => closed, close: () => controller.abort() };
}

describe.skipIf(!hasRedisServer)("the viewer while Redis is down", () => {
  let redis: TestRedis;
  let viewer: ChildProcess;
  let base: string;
  let down = false;
  const prefix = uniquePrefix("down");
  let output = "";

  const stopRedis = async () => {
    await redis.kill();
    down = true;
  };
  const startRedisAgain = async () => {
    if (!down) return;
    await redis.restart();
    down = false;
  };

  beforeAll(async () => {
    redis = await startRedis();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The real viewer app, as `node apps/viewer/dist/main.js` runs in production.
    viewer = spawn(process.execPath, [join(REPO_ROOT, "apps/viewer/dist/main.js")], {
      env: { ...process.env, REDIS_URL: redis.url, NEWSFLOW_PREFIX: prefix, VIEWER_PORT: String(port), VIEWER_MAX_SSE: "3", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    viewer.stdout!.on("data", (d) => (output += d));
    viewer.stderr!.on("data", (d) => (output += d));
    for (let i = 0; ; i++) {
      if ((await getWithin(`${base}/api/health`).then((r) => r.status, () => 0)) === 200) break;
      if (i > 75) throw new Error(`the viewer did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterEach(async () => {
    await startRedisAgain();
  });
  afterAll(async () => {
    viewer?.kill("SIGKILL");
    await redis?.stop();
  });

  it("answers /health and /api/health within a second: 503, Redis unreachable", async () => {
    await stopRedis();
    for (const path of ["/api/health", "/health"]) {
      const r = await getWithin(`${base}${path}`);
      console.log(`${path} with Redis down: ${r.status} in ${r.ms} ms`);
      expect(r.status).toBe(503);
      expect(r.body).toContain("Redis unreachable");
    }
  });

  it("fails every page fast with a readable message", async () => {
    await stopRedis();
    for (const path of ["/runs", "/runs/some-run", "/documents/some-doc", "/entities", "/entities/some-id", "/api/runs", "/api/documents/some-doc", "/api/entities?q=x"]) {
      const r = await getWithin(`${base}${path}`);
      console.log(`${path} with Redis down: ${r.status} in ${r.ms} ms`);
      expect(r.status, path).toBe(503);
      expect(r.body, path).toContain("Redis unreachable");
    }
  });

  it("serves the Redis-unreachable page uncached and reloading itself, so it recovers when Redis is back", async () => {
    await stopRedis();
    for (const path of ["/runs", "/api/runs"]) {
      const r = await getWithin(`${base}${path}`);
      expect(r.status, path).toBe(503);
      expect(r.headers.get("cache-control"), path).toBe("no-store");
    }
    const page = await getWithin(`${base}/runs/some-run`);
    expect(page.body).toMatch(/<head>[\s\S]*<meta http-equiv="refresh" content="5">[\s\S]*<\/head>/);
    // What the reload then gets once Redis is back: the page itself.
    await startRedisAgain();
    await expect.poll(() => getWithin(`${base}/runs`).then((r) => r.status, () => 0), { timeout: 15_000, interval: 200 }).toBe(200);
  });

  /** Wait until the viewer's connection is back (it reconnects with backoff after a restart). */
  const untilHealthy = () => expect.poll(() => getWithin(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 15_000, interval: 200 }).toBe(200);

  it("answers within the bound when Redis is up but does not answer (paused clients)", async () => {
    await untilHealthy();
    const admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    await admin.call("CLIENT", "PAUSE", "8000", "ALL");
    try {
      for (const path of ["/api/health", "/health", "/runs"]) {
        const r = await getWithin(`${base}${path}`, 4500);
        console.log(`${path} with Redis paused: ${r.status} in ${r.ms} ms`);
        expect(r.status, path).toBe(503);
        expect(r.body, path).toContain("Redis unreachable");
      }
    } finally {
      await admin.call("CLIENT", "UNPAUSE").catch(() => undefined);
      admin.disconnect();
    }
  });

  it("keeps the live stream open while Redis is down and delivers runs again once it is back", async () => {
    const stream = await openEvents(`${base}/events/runs`);
    expect(stream.res.status).toBe(200);
    try {
      await expect.poll(() => stream.events.some((e) => e.event === "runs"), { timeout: 5000 }).toBe(true);
      await stopRedis();
      await expect.poll(() => stream.events.at(-1)?.event, { timeout: 10_000 }).toBe("unavailable");
      expect(stream.events.at(-1)?.data).toContain("Redis unreachable");
      expect(stream.isClosed()).toBe(false);
      // Back on the same port (empty: no persistence); a run created now must appear on the stream.
      await startRedisAgain();
      const connection = createRedis({ url: redis.url });
      await createStore(connection, createKeys(prefix)).createRun("after-restart", ["test"], { id: "test", leaseMs: 1 });
      connection.disconnect();
      await expect
        .poll(() => stream.events.some((e) => e.event === "runs" && e.data.includes("after-restart")), { timeout: 20_000, interval: 250 })
        .toBe(true);
      expect(stream.isClosed()).toBe(false);
    } finally {
      stream.close();
    }
  });

  it("caps open live streams at VIEWER_MAX_SSE with a clear answer past the cap", async () => {
    await untilHealthy();
    const streams = [await openEvents(`${base}/events/runs`), await openEvents(`${base}/events/runs`), await openEvents(`${base}/events/runs`)];
    try {
      expect(streams.map((s) => s.res.status)).toEqual([200, 200, 200]);
      const refused = await fetch(`${base}/events/runs`, { signal: AbortSignal.timeout(2000) });
      expect(refused.status).toBe(503);
      expect(await refused.text()).toContain("VIEWER_MAX_SSE");
      // A closed stream frees its place.
      streams.shift()!.close();
      await expect.poll(async () => {
        const s = await openEvents(`${base}/events/runs`);
        if (s.res.status === 200) streams.push(s);
        return s.res.status;
      }, { timeout: 5000, interval: 200 }).toBe(200);
    } finally {
      for (const s of streams) s.close();
    }
  });

  it("logs no error stack per request while Redis is down", () => {
    expect(output).not.toMatch(/at .*node_modules/);
  });
});

describe.skipIf(!hasRedisServer)("a viewer on a blocking connection (as `newsflow start` gives it) while Redis is down", () => {
  let redis: TestRedis;
  let connection: RedisClient;
  let viewer: ServedViewer;
  beforeAll(async () => {
    redis = await startRedis();
    connection = createRedis({ url: redis.url }, { blocking: true });
    const keys = createKeys(uniquePrefix("down"));
    viewer = await serveViewer(createServer({ store: createStore(connection, keys), queues: createPartitionedQueues(connection, keys.partitionPrefixes), redis: connection }), "127.0.0.1", 0);
  });
  afterAll(async () => {
    await viewer?.close();
    connection?.disconnect();
    await redis?.stop();
  });

  it("answers /api/health and /runs at once with 503 instead of waiting for Redis forever", async () => {
    await redis.kill();
    for (const path of ["/api/health", "/runs"]) {
      const r = await getWithin(`http://127.0.0.1:${viewer.port}${path}`);
      console.log(`${path} (blocking connection) with Redis down: ${r.status} in ${r.ms} ms`);
      expect(r.status).toBe(503);
      expect(r.body).toContain("Redis unreachable");
    }
  });
});
