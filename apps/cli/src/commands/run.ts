import { createProducer, isUsableId, type RunCounts } from "@newsflow/ingest";
import { countOf, RunDeletingError } from "@newsflow/store";
import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";
import { finalReport, watchRun } from "../watch-run.js";

/** A `--run-id` that is not usable as an id (`isUsableId`) is a usage error (one line, exit code 2). */
export function checkRunId(runId: string | undefined): void {
  if (runId !== undefined && !isUsableId(runId)) throw new UsageError(`invalid --run-id '${runId}': use 1-200 letters, digits and . _ ~ - (not all digits, not . or ..)`);
}

/** The line `run` prints once its inputs are enqueued: what went into the run. */
export function enqueuedLine(counts: RunCounts): string {
  const notes = [
    counts.alreadyKnown ? `${counts.alreadyKnown.toLocaleString("en")} already known` : "",
    counts.repeated ? `${countOf(counts.repeated, "input")} already in the run, not counted again` : "",
  ].filter(Boolean);
  const rejected = counts.rejected ? `, ${counts.rejected.toLocaleString("en")} rejected` : "";
  return `newsflow: run ${counts.runId}: ${countOf(counts.documents, "document")}, ${countOf(counts.paragraphs, "paragraph")} enqueued${notes.length ? ` (${notes.join("; ")})` : ""}${rejected}`;
}

/**
 * A run the producer was refused because it is being deleted, or was deleted while the producer
 * added to it: one line on stderr (`command` names the CLI command) and exit code 1, as a refused
 * `runs delete`; anything else is thrown again.
 */
export function refusedRun(err: unknown, command: string): number {
  if (!(err instanceof RunDeletingError)) throw err;
  process.stderr.write(`newsflow ${command}: ${err.message}\n`);
  return 1;
}

/**
 * `newsflow run PATH... [--run-id ID] [--wait] [--json]`: enqueue documents; rejected inputs get
 * one line each on stderr. Exit 0 when nothing was rejected (and, with --wait, nothing failed); 1
 * with one line when the run is being deleted, or was deleted while this producer added to it or
 * (with --wait) while it was watched (a `RunDeletedError` of `watchRun`, printed by `runCli`).
 */
export const runCommand: Command = async (argv, env) => {
  const { values, positionals } = parseOptions({
    args: argv,
    options: { "run-id": { type: "string" }, wait: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError("give at least one PATH (a file, a folder, or - for stdin)");
  const runId = values["run-id"];
  checkRunId(runId);
  const ctx = await openContext(env);
  try {
    const producer = createProducer(ctx);
    let counts: RunCounts;
    try {
      counts = await producer.run({
        runId,
        inputs: positionals,
        stdin: process.stdin,
        onRejected: (source, reason) => process.stderr.write(`newsflow: rejected ${source}: ${reason}\n`),
        onNotice: (source, message) => process.stderr.write(`newsflow: ${source}: ${message}\n`),
      });
    } catch (err) {
      return refusedRun(err, "run");
    }
    if (!values.json) process.stderr.write(`${enqueuedLine(counts)}\n`);
    if (!values.wait) {
      if (values.json) process.stdout.write(`${JSON.stringify(counts)}\n`);
      else process.stdout.write(`${counts.runId}\n`);
      return counts.rejected > 0 ? 1 : 0;
    }
    const run = await watchRun(ctx.store, counts.runId, { quiet: values.json });
    const report = finalReport(run);
    if (values.json) process.stdout.write(`${JSON.stringify({ ...counts, run })}\n`);
    else process.stdout.write(`${report.lines.join("\n")}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await ctx.close();
  }
};
