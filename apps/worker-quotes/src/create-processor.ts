import type { QuotesResult } from "@newsflow/contracts";
import type { WorkerSetup } from "@newsflow/queue";
import type { Store } from "@newsflow/store";
import { recordFinalFailure } from "@newsflow/store";

/** The quotes worker: paragraph text -> attributions in the store. */
export function createQuotesProcessor(store: Store, extract: (text: string) => QuotesResult): WorkerSetup<"quotes"> {
  return {
    process: async (p) => {
      await store.putParagraphResult(p.docId, "quotes", p.index, extract(p.text));
      return null;
    },
    onFinalFailure: recordFinalFailure(store, "quotes"),
  };
}
