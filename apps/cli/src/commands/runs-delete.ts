import { deleteRun, RunBusyError, type RunDeletion } from "@newsflow/queue";
import { countOf } from "@newsflow/store";
import { openContext } from "../context.js";
import type { EnvSource } from "../env.js";
import { UsageError } from "../errors.js";
import { parseOptions } from "../parse-options.js";

/** What `runs delete` did, in one line. */
export function deletedLine(d: RunDeletion): string {
  const kept = d.kept ? `, ${countOf(d.kept, "document")} kept (other runs hold ${d.kept === 1 ? "it" : "them"})` : "";
  const active = d.activeJobs ? `; ${countOf(d.activeJobs, "running job")} left to finish` : "";
  return `deleted run ${d.run}: ${countOf(d.deleted, "document")}${kept}, ${countOf(d.removedJobs, "job")} taken out of the queues${active}`;
}

/**
 * `newsflow runs delete RUN [--force] [--json]`: delete a run and everything it owns (its
 * documents no other run holds, their results and index entries, its counts, rejections and
 * record) to free Redis. Refused while a producer adds to the run or its jobs are queued or
 * running, unless --force (its waiting jobs are then removed). Errors are one line: exit 2 for a
 * bad flag or an unknown run, 1 when refused.
 */
export async function runsDeleteCommand(argv: string[], env: EnvSource): Promise<number> {
  const fail = (message: string, code: number) => {
    process.stderr.write(`newsflow runs delete: ${message}\n`);
    return code;
  };
  try {
    const { values, positionals } = parseOptions({ args: argv, options: { force: { type: "boolean", default: false }, json: { type: "boolean", default: false } }, allowPositionals: true });
    const [runId, ...extra] = positionals;
    if (!runId) throw new UsageError("give the id of the run to delete (see 'newsflow runs')");
    if (extra.length) throw new UsageError(`give one run id, not ${positionals.length}: delete runs one at a time`);
    const ctx = await openContext(env);
    try {
      const deleted = await deleteRun(ctx, runId, { force: values.force });
      if (!deleted) throw new UsageError(`no run '${runId}' (see 'newsflow runs')`);
      process.stdout.write(`${values.json ? JSON.stringify(deleted) : deletedLine(deleted)}\n`);
      return 0;
    } finally {
      await ctx.close();
    }
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, 2);
    if (err instanceof RunBusyError) return fail(err.message, 1);
    throw err;
  }
}
