import { readDocument } from "@newsflow/store";
import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";

/**
 * `newsflow export RUN [--format jsonl]`: one document a line with its paragraphs, their three
 * results and the document result, streamed a page of documents at a time.
 */
export const exportCommand: Command = async (argv, env) => {
  const { values, positionals } = parseOptions({ args: argv, options: { format: { type: "string", default: "jsonl" } }, allowPositionals: true });
  const runId = positionals[0];
  if (!runId) throw new UsageError("give a run id (see 'newsflow runs')");
  if (values.format !== "jsonl") throw new UsageError(`unknown format '${values.format}': only jsonl is supported`);
  const ctx = await openContext(env);
  try {
    if (!(await ctx.store.getRun(runId))) throw new UsageError(`no run '${runId}' (see 'newsflow runs')`);
    const page = 100;
    for (let offset = 0; ; offset += page) {
      const { documents } = await ctx.store.listRunDocuments(runId, offset, page);
      if (documents.length === 0) break;
      for (const d of documents) {
        const doc = await readDocument(ctx.store, d.id, 0, d.paragraphCount || 1);
        if (!doc) continue;
        const line = `${JSON.stringify({ ...doc.document, paragraphs: doc.paragraphs, result: doc.result, failures: doc.failures, documentFailure: doc.documentFailure })}\n`;
        if (!process.stdout.write(line)) await new Promise((r) => process.stdout.once("drain", r));
      }
    }
    return 0;
  } finally {
    await ctx.close();
  }
};
