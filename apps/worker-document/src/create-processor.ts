import { loadSummaryWeights } from "@newsflow/nlp/node";
import type { WorkerSetup } from "@newsflow/queue";
import type { Store } from "@newsflow/store";
import { assembleDocument, type SummaryOptions } from "./assemble-document.js";

/**
 * The document-level step: runs once every paragraph job of the document has finished (or
 * failed for good), reads their results from the store and stores the document result.
 * `summary` defaults to the shipped weights (`models/summary-weights.json`) and 3 sentences.
 */
export function createDocumentProcessor(store: Store, summary: SummaryOptions = { weights: loadSummaryWeights() }): WorkerSetup<"document"> {
  return {
    process: async (p, job) => {
      const meta = await store.getDocument(p.docId);
      if (!meta) throw new Error(`document ${p.docId} is not in the store`);
      const paragraphs = await store.getParagraphs(p.docId, 0, meta.paragraphCount);
      const indexes = paragraphs.map((x) => x.index);
      const [summaries, entities, quotes, stored, ignored] = await Promise.all([
        store.getParagraphResults(p.docId, "summarize", indexes),
        store.getParagraphResults(p.docId, "entities", indexes),
        store.getParagraphResults(p.docId, "quotes", indexes),
        store.getParagraphFailures(p.docId),
        job.getIgnoredChildrenFailures(),
      ]);
      const failures: Record<string, string> = Object.fromEntries(Object.entries(stored).map(([key, f]) => [key, f.reason]));
      // BullMQ records children that failed for good under keys like `{prefix}:quotes:<docId>-<index>`.
      for (const [childKey, reason] of Object.entries(ignored)) {
        const m = /:(summarize|entities|quotes):.*-(\d+)$/.exec(childKey);
        if (m) failures[`${m[1]}:${m[2]}`] ??= reason;
      }
      const result = assembleDocument({ docId: p.docId, title: meta.title, paragraphs, summaries, entities, quotes, failures }, summary);
      await store.putDocumentResult(result);
      return { docId: p.docId };
    },
  };
}
