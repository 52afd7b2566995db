import { retryRun } from "@newsflow/queue";
import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";

/** `newsflow retry RUN`: re-enqueue what failed for good in a run: paragraph tasks and document steps. */
export const retryCommand: Command = async (argv, env) => {
  const { positionals } = parseOptions({ args: argv, options: {}, allowPositionals: true });
  const runId = positionals[0];
  if (!runId) throw new UsageError("give a run id (see 'newsflow runs')");
  const ctx = await openContext(env);
  try {
    if (!(await ctx.store.getRun(runId))) throw new UsageError(`no run '${runId}' (see 'newsflow runs')`);
    const counts = await retryRun(ctx, runId);
    process.stdout.write(
      counts.documents
        ? `re-enqueued ${counts.paragraphTasks} failed paragraph tasks and ${counts.documentSteps} failed document steps in ${counts.documents} documents; follow with 'newsflow status ${runId}'\n`
        : "nothing to retry: nothing failed in this run\n",
    );
    return 0;
  } finally {
    await ctx.close();
  }
};
