import type { QuotesResult } from "@newsflow/contracts";
import { createParagraphProcessor, type Deployment, type WorkerSetup } from "@newsflow/queue";

/** The quotes worker: paragraph text -> attributions in the store. */
export function createQuotesProcessor(deps: Pick<Deployment, "store" | "enqueueDocumentStep">, extract: (text: string) => QuotesResult): WorkerSetup<"quotes"> {
  return createParagraphProcessor("quotes", extract, deps.store, deps.enqueueDocumentStep);
}
