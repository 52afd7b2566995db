import { countOf, type ReindexCounts } from "@newsflow/store";
import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";

/** What `reindex` did, in one line. */
export function reindexedLine(runId: string | undefined, counts: ReindexCounts): string {
  const scope = runId === undefined ? "in the corpus" : `of run ${runId}`;
  const pending = counts.pending ? `, ${counts.pending.toLocaleString("en")} not done yet: indexed once done` : "";
  return `reindexed ${counts.reindexed.toLocaleString("en")} of ${countOf(counts.documents, "document")} ${scope} (${counts.unchanged.toLocaleString("en")} already indexed${pending})`;
}

/**
 * `newsflow reindex [RUN] [--json]`: rebuild the entity index of a run's documents (or of every
 * document) from their stored results, for the runs that took in documents done before and got
 * no share of their entities (a store bug of earlier versions). An index that is right stays.
 */
export const reindexCommand: Command = async (argv, env) => {
  const { values, positionals } = parseOptions({ args: argv, options: { json: { type: "boolean", default: false } }, allowPositionals: true });
  const runId = positionals[0];
  const ctx = await openContext(env);
  try {
    if (runId !== undefined && !(await ctx.store.getRun(runId))) throw new UsageError(`no run '${runId}' (see 'newsflow runs')`);
    const counts = await ctx.store.reindexDocuments(runId);
    process.stdout.write(`${values.json ? JSON.stringify({ run: runId ?? null, ...counts }) : reindexedLine(runId, counts)}\n`);
    return 0;
  } finally {
    await ctx.close();
  }
};
