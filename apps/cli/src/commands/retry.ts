import { type RetryCounts, retryRun } from "@newsflow/queue";
import { countOf } from "@newsflow/store";
import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";

/** What `retry` re-enqueued, in one line. */
export function retriedLine(runId: string, counts: RetryCounts): string {
  if (!counts.documents) return "nothing to retry: nothing failed in this run";
  const tasks = countOf(counts.paragraphTasks, "failed paragraph task");
  const steps = countOf(counts.documentSteps, "failed document step");
  return `re-enqueued ${tasks} and ${steps} in ${countOf(counts.documents, "document")}; follow with 'newsflow status ${runId}'`;
}

/** `newsflow retry RUN`: re-enqueue what failed for good in a run: paragraph tasks and document steps. */
export const retryCommand: Command = async (argv, env) => {
  const { positionals } = parseOptions({ args: argv, options: {}, allowPositionals: true });
  const runId = positionals[0];
  if (!runId) throw new UsageError("give a run id (see 'newsflow runs')");
  const ctx = await openContext(env);
  try {
    if (!(await ctx.store.getRun(runId))) throw new UsageError(`no run '${runId}' (see 'newsflow runs')`);
    process.stdout.write(`${retriedLine(runId, await retryRun(ctx, runId))}\n`);
    return 0;
  } finally {
    await ctx.close();
  }
};
