import type { EntityTagger } from "@newsflow/nlp";
import type { WorkerSetup } from "@newsflow/queue";
import type { Store } from "@newsflow/store";
import { recordFinalFailure } from "@newsflow/store";

/** The entities worker: paragraph text -> entity mentions in the store. */
export function createEntitiesProcessor(store: Store, tagger: EntityTagger): WorkerSetup<"entities"> {
  return {
    process: async (p) => {
      await store.putParagraphResult(p.docId, "entities", p.index, tagger.tag(p.text));
      return null;
    },
    onFinalFailure: recordFinalFailure(store, "entities"),
  };
}
