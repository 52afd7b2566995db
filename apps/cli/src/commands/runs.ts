import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";
import { pipeWriter } from "../pipe-writer.js";
import { runsDeleteCommand } from "./runs-delete.js";
import { deletingNote } from "./status.js";

/** The most runs one `newsflow runs` lists. */
const MAX_LIMIT = 1000;

/**
 * `newsflow runs [--json] [--limit N]`: batch runs, newest first (N from 1 to 1,000, default 20), a
 * run being deleted with a last column saying so (`deletingAt` in the JSON);
 * `newsflow runs delete RUN [--force] [--json]` deletes one (`runs-delete.ts`).
 */
export const runsCommand: Command = async (argv, env) => {
  if (argv[0] === "delete") return runsDeleteCommand(argv.slice(1), env);
  const { values } = parseOptions({ args: argv, options: { json: { type: "boolean", default: false }, limit: { type: "string", default: "20" } } });
  // A limit under 1 or past the cap would be a Redis range over every run ("-1" reads all but one).
  const limit = Number(values.limit);
  if (!/^\d+$/.test(values.limit) || limit < 1 || limit > MAX_LIMIT) throw new UsageError(`invalid --limit '${values.limit}': give a whole number from 1 to ${MAX_LIMIT}`);
  const ctx = await openContext(env);
  try {
    const { total, runs } = await ctx.store.listRuns(0, limit);
    // A reader that stops early (`runs --json | head -c1`) closes the pipe: stop quietly, as export does.
    const out = pipeWriter();
    if (values.json) {
      await out.write(`${JSON.stringify({ total, runs })}\n`);
      return 0;
    }
    for (const r of runs) {
      if (out.closed) break;
      const when = new Date(r.createdAt).toISOString().replace("T", " ").slice(0, 19);
      const deleting = deletingNote(r);
      await out.write(`${r.id}\t${r.status}\t${when}\tdocs ${r.docsDone}/${r.documents}\tparagraphs ${r.paragraphs}${deleting ? `\t${deleting}` : ""}\n`);
    }
    if (runs.length === 0) process.stderr.write("newsflow: no runs yet: start one with 'newsflow run PATH'\n");
    return 0;
  } finally {
    await ctx.close();
  }
};
