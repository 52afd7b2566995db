import type { ParagraphSummary } from "@newsflow/contracts";
import { createParagraphProcessor, type Deployment, type WorkerSetup } from "@newsflow/queue";

/** The summarize worker: paragraph text -> ParagraphSummary in the store. */
export function createSummarizeProcessor(deps: Pick<Deployment, "store" | "enqueueDocumentStep">, summarize: (text: string) => ParagraphSummary): WorkerSetup<"summarize"> {
  return createParagraphProcessor("summarize", summarize, deps.store, deps.enqueueDocumentStep);
}
