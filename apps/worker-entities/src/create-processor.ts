import type { EntityTagger } from "@newsflow/nlp";
import { createParagraphProcessor, type ParagraphSink, type WorkerSetup } from "@newsflow/queue";

/** The entities worker: paragraph text -> entity mentions in the store. */
export function createEntitiesProcessor(store: ParagraphSink, tagger: EntityTagger): WorkerSetup<"entities"> {
  return createParagraphProcessor("entities", (text) => tagger.tag(text), store);
}
