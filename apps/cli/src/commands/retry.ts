import { retryFailed } from "@newsflow/ingest";
import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";

/** `newsflow retry RUN`: re-enqueue the paragraph tasks of a run that failed for good. */
export const retryCommand: Command = async (argv) => {
  const runId = argv[0];
  if (!runId) throw new UsageError("give a run id (see 'newsflow runs')");
  const ctx = await openContext();
  try {
    if (!(await ctx.store.getRun(runId))) throw new UsageError(`no run '${runId}' (see 'newsflow runs')`);
    const counts = await retryFailed(ctx, runId);
    process.stdout.write(
      counts.paragraphTasks
        ? `re-enqueued ${counts.paragraphTasks} failed paragraph tasks in ${counts.documents} documents; follow with 'newsflow status ${runId}'\n`
        : "nothing to retry: no failed paragraph tasks in this run\n",
    );
    return 0;
  } finally {
    await ctx.close();
  }
};
