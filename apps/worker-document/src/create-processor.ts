import type { EntitiesResult } from "@newsflow/contracts";
import { assembleDocument, type GivenNames, type ReconcileOptions, type SummaryOptions } from "@newsflow/nlp";
import type { WorkerSetup } from "@newsflow/queue";
import type { Store } from "@newsflow/store";

/**
 * The document-level step: runs once every paragraph task of the document is done or failed for
 * good, reads their results from the store and stores the document result (with the entity
 * mentions as reconciled over the whole document). When the step itself fails for good, the
 * document is recorded as failed, so its runs complete and `newsflow retry` can take it up.
 */
export function createDocumentProcessor(
  store: Store,
  summary: SummaryOptions,
  models: Pick<ReconcileOptions, "aliases" | "context"> & { givenNames?: GivenNames } = {},
): WorkerSetup<"document"> {
  return {
    process: async (p) => {
      const meta = await store.getDocument(p.docId);
      if (!meta) throw new Error(`document ${p.docId} is not in the store`);
      const paragraphs = await store.getParagraphs(p.docId, 0, meta.paragraphCount);
      const indexes = paragraphs.map((x) => x.index);
      const [summaries, entities, quotes, stored] = await Promise.all([
        store.getParagraphResults(p.docId, "summarize", indexes),
        store.getParagraphResults(p.docId, "entities", indexes),
        store.getParagraphResults(p.docId, "quotes", indexes),
        store.getParagraphFailures(p.docId),
      ]);
      const failures: Record<string, string> = Object.fromEntries(Object.entries(stored).map(([key, f]) => [key, f.reason]));
      const { result, reconciled } = assembleDocument(
        { docId: p.docId, title: meta.title, paragraphs, summaries, entities, quotes, failures, entityAliases: models.aliases, entityContext: models.context, givenNames: models.givenNames },
        summary,
      );
      const changed: Array<[number, EntitiesResult]> = reconciled.flatMap((r, i) => (r ? [[indexes[i]!, r] as [number, EntitiesResult]] : []));
      await store.putDocumentResult(result, changed);
      return { docId: p.docId };
    },
    onFinalFailure: async (p, _job, err) => {
      await store.putDocumentFailure(p.docId, err.message);
    },
  };
}
