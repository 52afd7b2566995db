import { join } from "node:path";

import { createProducer, type RunCounts } from "@newsflow/ingest";
import { countOf } from "@newsflow/store";
import { openContext } from "../context.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";
import { ensureRedis, REPO_ROOT, startViewer, startWorkers } from "../processes.js";
import { finalReport, watchRun } from "../watch-run.js";
import { checkRunId, refusedRun } from "./run.js";

/**
 * `newsflow start [PATH...] [--exit]`: the whole system on one machine. Makes sure Redis is
 * there, starts the four workers and the viewer as processes, runs a batch over PATH (default
 * seeds/), prints a report and the viewer's URL, then serves until Ctrl-C (or exits with --exit).
 * A run deleted while it is watched stops everything: one line and exit code 1 (`RunDeletedError`,
 * printed by `runCli`).
 */
export const startCommand: Command = async (argv, source) => {
  const { values, positionals } = parseOptions({ args: argv, options: { exit: { type: "boolean", default: false }, "run-id": { type: "string" } }, allowPositionals: true });
  checkRunId(values["run-id"]);
  const inputs = positionals.length ? positionals : [join(REPO_ROOT, "seeds")];
  const redis = await ensureRedis(source);
  const env = { ...source, REDIS_URL: redis.url, LOG_LEVEL: source.LOG_LEVEL ?? "info" };
  const ctx = await openContext(env);
  const workers = startWorkers(env);
  const stops: Array<() => Promise<void>> = workers.map((w) => () => w.stop());
  const shutdown = async () => {
    await Promise.all(stops.map((stop) => stop()));
    await ctx.close();
    await redis.server?.stop();
  };
  try {
    const viewer = await startViewer(env);
    stops.push(() => viewer.stop());
    process.stderr.write(`newsflow: Redis at ${redis.url.replace(/\/\/[^@]*@/, "//***@")}${redis.server ? " (private, started for this session)" : ""}; ${countOf(workers.length, "worker")} and the viewer started\n`);
    const started = Date.now();
    let counts: RunCounts;
    try {
      counts = await createProducer(ctx).run({
        runId: values["run-id"],
        inputs,
        onRejected: (src, reason) => process.stderr.write(`newsflow: rejected ${src}: ${reason}\n`),
        onNotice: (src, message) => process.stderr.write(`newsflow: ${src}: ${message}\n`),
      });
    } catch (err) {
      return refusedRun(err, "start");
    }
    const run = await watchRun(ctx.store, counts.runId);
    const top = await ctx.store.topEntities({ runId: run.id, limit: 1 });
    let quotes = 0;
    for (let offset = 0; offset < run.documents; offset += 200) {
      const { documents } = await ctx.store.listRunDocuments(run.id, offset, 200);
      const results = await Promise.all(documents.map((d) => ctx.store.getDocumentResult(d.id)));
      quotes += results.reduce((n, r) => n + (r?.quotes.length ?? 0), 0);
    }
    const report = finalReport({ ...run, finishedAt: run.finishedAt ?? Date.now() }, { entities: top.total, quotes });
    const url = `${viewer.url}/runs/${encodeURIComponent(run.id)}`;
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
