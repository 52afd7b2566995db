import type { QuotesResult } from "@newsflow/contracts";
import { createParagraphProcessor, type ParagraphSink, type WorkerSetup } from "@newsflow/queue";

/** The quotes worker: paragraph text -> attributions in the store. */
export function createQuotesProcessor(store: ParagraphSink, extract: (text: string) => QuotesResult): WorkerSetup<"quotes"> {
  return createParagraphProcessor("quotes", extract, store);
}
