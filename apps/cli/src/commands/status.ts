import { countOf, type Rejection, type RunRecord, readRejections } from "@newsflow/store";
import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";
import { pipeWriter } from "../pipe-writer.js";
import { finalReport, progressLine } from "../watch-run.js";

/** The rejected inputs listed, one a line, and how many more there are (as the run's page in the viewer says it). */
export function rejectedLines(rejected: Rejection[], total: number): string[] {
  const lines = rejected.map((r) => `  rejected    ${r.source}: ${r.reason}`);
  if (total > rejected.length) lines.push(`  rejected    and ${countOf(total - rejected.length, "more input")}: the run's page in the viewer lists them all`);
  return lines;
}

/**
 * What `status` and `runs` say of a run whose deletion began and has not ended (`deletingAt`): a
 * deletion cut off leaves the run with part of its keys, until it is deleted again. Null for
 * another run.
 */
export function deletingNote(run: Pick<RunRecord, "id" | "deletingAt">): string | null {
  return run.deletingAt === null ? null : `being deleted (finish with: newsflow runs delete ${run.id})`;
}

/**
 * `newsflow status RUN [--json]`: progress of a run, its failures and its first 100 rejected inputs
 * (`rejectedTotal` in the JSON counts them all); a run being deleted says so first (`deletingAt`
 * in the JSON).
 */
export const statusCommand: Command = async (argv, env) => {
  const { values, positionals } = parseOptions({ args: argv, options: { json: { type: "boolean", default: false } }, allowPositionals: true });
  const runId = positionals[0];
  if (!runId) throw new UsageError("give a run id (see 'newsflow runs')");
  const ctx = await openContext(env);
  try {
    const run = await ctx.store.getRun(runId);
    if (!run) throw new UsageError(`no run '${runId}' (see 'newsflow runs')`);
    const { rejected, rejectedTotal } = await readRejections(ctx.store, run);
    // A reader that stops early (`status RUN --json | head -c1`) closes the pipe: stop quietly, as export does.
    const out = pipeWriter();
    if (values.json) {
      await out.write(`${JSON.stringify({ run, rejected, rejectedTotal })}\n`);
      return 0;
    }
    const deleting = deletingNote(run);
    const lines = [...(deleting ? [`run ${run.id}: ${deleting}`] : []), progressLine(run, 0), ...finalReport(run).lines.slice(1), ...rejectedLines(rejected, rejectedTotal)];
    await out.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    await ctx.close();
  }
};
