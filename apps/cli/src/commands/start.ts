import { parseArgs } from "node:util";
import { join } from "node:path";
import { createProducer } from "@newsflow/ingest";
import { createServer, serveViewer } from "@newsflow/viewer";
import { openContext } from "../context.js";
import type { Command } from "../main.js";
import { ensureRedis, REPO_ROOT, startWorkers } from "../processes.js";
import { finalReport, watchRun } from "../watch-run.js";

/**
 * `newsflow start [PATH...] [--exit]`: the whole system on one machine. Makes sure Redis is
 * there, starts the four workers and the viewer, runs a batch over PATH (default seeds/), prints
 * a report and the viewer's URL, then serves until Ctrl-C (or exits with --exit).
 */
export const startCommand: Command = async (argv) => {
  const { values, positionals } = parseArgs({ args: argv, options: { exit: { type: "boolean", default: false }, "run-id": { type: "string" } }, allowPositionals: true });
  const inputs = positionals.length ? positionals : [join(REPO_ROOT, "seeds")];
  const redis = await ensureRedis(process.env);
  const env = { ...process.env, REDIS_URL: redis.url, LOG_LEVEL: process.env.LOG_LEVEL ?? "info" };
  const workers = startWorkers(env);
  const ctx = await openContext(env);
  const host = process.env.VIEWER_HOST ?? "127.0.0.1";
  const viewer = await serveViewer(
    createServer({ store: ctx.store, queues: ctx.queues, redis: ctx.redis, adminToken: process.env.VIEWER_ADMIN_TOKEN }),
    host,
    Number(process.env.VIEWER_PORT ?? 3000),
    { fallback: true },
  );
  const shutdown = async () => {
    await viewer.close();
    await Promise.all(workers.map((w) => w.stop()));
    await ctx.close();
    await redis.server?.stop();
  };
  try {
    process.stderr.write(`newsflow: Redis at ${redis.url.replace(/\/\/[^@]*@/, "//***@")}${redis.server ? " (private, started for this session)" : ""}; ${workers.length} workers started\n`);
    const started = Date.now();
    const counts = await createProducer({ store: ctx.store, flow: ctx.flow, queues: ctx.queues }).run({
      runId: values["run-id"],
      inputs,
      onRejected: (source, reason) => process.stderr.write(`newsflow: rejected ${source}: ${reason}\n`),
    });
    const run = await watchRun(ctx.store, counts.runId);
    const top = await ctx.store.topEntities({ runId: run.id, limit: 1 });
    let quotes = 0;
    for (let offset = 0; offset < run.documents; offset += 200) {
      const { documents } = await ctx.store.listRunDocuments(run.id, offset, 200);
      const results = await Promise.all(documents.map((d) => ctx.store.getDocumentResult(d.id)));
      quotes += results.reduce((n, r) => n + (r?.quotes.length ?? 0), 0);
    }
    const report = finalReport({ ...run, finishedAt: run.finishedAt ?? Date.now() }, { entities: top.total, quotes });
    const url = `http://${host}:${viewer.port}/runs/${encodeURIComponent(run.id)}`;
    process.stdout.write(`${report.lines.join("\n")}\n  wall time   ${((Date.now() - started) / 1000).toFixed(1)}s\n\nviewer: ${url}\n`);
    if (values.exit) return report.ok ? 0 : 1;
    process.stdout.write("serving; press Ctrl-C to stop\n");
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    return 0;
  } finally {
    await shutdown();
  }
};
