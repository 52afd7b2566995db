import { countOf, type Rejection, readRejections } from "@newsflow/store";
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
 * `newsflow status RUN [--json]`: progress of a run, its failures and its first 100 rejected inputs
 * (`rejectedTotal` in the JSON counts them all).
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
    const lines = [progressLine(run, 0), ...finalReport(run).lines.slice(1), ...rejectedLines(rejected, rejectedTotal)];
    await out.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    await ctx.close();
  }
};
