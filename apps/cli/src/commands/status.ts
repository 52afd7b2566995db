import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";
import { pipeWriter } from "../pipe-writer.js";
import { finalReport, progressLine } from "../watch-run.js";

/** `newsflow status RUN [--json]`: progress of a run, its failures and rejected inputs. */
export const statusCommand: Command = async (argv, env) => {
  const { values, positionals } = parseOptions({ args: argv, options: { json: { type: "boolean", default: false } }, allowPositionals: true });
  const runId = positionals[0];
  if (!runId) throw new UsageError("give a run id (see 'newsflow runs')");
  const ctx = await openContext(env);
  try {
    const run = await ctx.store.getRun(runId);
    if (!run) throw new UsageError(`no run '${runId}' (see 'newsflow runs')`);
    const rejected = await ctx.store.getRejections(runId);
    // A reader that stops early (`status RUN --json | head -c1`) closes the pipe: stop quietly, as export does.
    const out = pipeWriter();
    if (values.json) {
      await out.write(`${JSON.stringify({ run, rejected })}\n`);
      return 0;
    }
    const lines = [progressLine(run, 0), ...finalReport(run).lines.slice(1)];
    for (const r of rejected) lines.push(`  rejected    ${r.source}: ${r.reason}`);
    await out.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    await ctx.close();
  }
};
