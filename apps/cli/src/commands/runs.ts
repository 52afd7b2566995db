import { openContext } from "../context.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";

/** `newsflow runs [--json] [--limit N]`: batch runs, newest first. */
export const runsCommand: Command = async (argv, env) => {
  const { values } = parseOptions({ args: argv, options: { json: { type: "boolean", default: false }, limit: { type: "string", default: "20" } } });
  const ctx = await openContext(env);
  try {
    const { total, runs } = await ctx.store.listRuns(0, Number(values.limit) || 20);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ total, runs })}\n`);
      return 0;
    }
    for (const r of runs) {
      const when = new Date(r.createdAt).toISOString().replace("T", " ").slice(0, 19);
      process.stdout.write(`${r.id}\t${r.status}\t${when}\tdocs ${r.docsDone}/${r.documents}\tparagraphs ${r.paragraphs}\n`);
    }
    if (runs.length === 0) process.stderr.write("newsflow: no runs yet: start one with 'newsflow run PATH'\n");
    return 0;
  } finally {
    await ctx.close();
  }
};
