import { readDocument } from "@newsflow/store";
import { openContext } from "../context.js";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";
import { pipeWriter } from "../pipe-writer.js";

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
    // A reader that stops early (`export RUN | head`) closes the pipe: stop quietly, as cat does.
    const out = pipeWriter();
    const page = 100;
    for (let offset = 0; !out.closed; offset += page) {
      const { documents } = await ctx.store.listRunDocuments(runId, offset, page);
      if (documents.length === 0) break;
      for (const d of documents) {
        if (out.closed) break;
        const doc = await readDocument(ctx.store, d.id, 0, d.paragraphCount || 1);
        if (!doc) continue;
        await out.write(`${JSON.stringify({ ...doc.document, paragraphs: doc.paragraphs, result: doc.result, failures: doc.failures, documentFailure: doc.documentFailure })}\n`);
      }
    }
    return 0;
  } finally {
    await ctx.close();
  }
};
