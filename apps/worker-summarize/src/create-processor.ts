import type { ParagraphSummary } from "@newsflow/contracts";
import type { WorkerSetup } from "@newsflow/queue";
import type { Store } from "@newsflow/store";
import { recordFinalFailure } from "@newsflow/store";

/** The summarize worker: paragraph text -> ParagraphSummary in the store. */
export function createSummarizeProcessor(store: Store, summarize: (text: string) => ParagraphSummary): WorkerSetup<"summarize"> {
  return {
    process: async (p) => {
      await store.putParagraphResult(p.docId, "summarize", p.index, summarize(p.text));
      return null;
    },
    onFinalFailure: recordFinalFailure(store, "summarize"),
  };
}
