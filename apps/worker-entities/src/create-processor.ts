import type { EntityTagger } from "@newsflow/nlp";
import { createParagraphProcessor, type Deployment, type WorkerSetup } from "@newsflow/queue";

/** The entities worker: paragraph text -> entity mentions in the store. */
export function createEntitiesProcessor(deps: Pick<Deployment, "store" | "enqueueDocumentStep">, tagger: EntityTagger): WorkerSetup<"entities"> {
  return createParagraphProcessor("entities", (text) => tagger.tag(text), deps.store, deps.enqueueDocumentStep);
}
