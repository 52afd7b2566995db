import type { ParagraphSummary } from "@newsflow/contracts";
import { createParagraphProcessor, type ParagraphSink, type WorkerSetup } from "@newsflow/queue";

/** The summarize worker: paragraph text -> ParagraphSummary in the store. */
export function createSummarizeProcessor(store: ParagraphSink, summarize: (text: string) => ParagraphSummary): WorkerSetup<"summarize"> {
  return createParagraphProcessor("summarize", summarize, store);
}
