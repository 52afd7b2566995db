import type { TaskName } from "@newsflow/contracts";

/**
 * Every Redis key the store uses, in one place. All keys start with the deployment's
 * hash-tagged prefix (e.g. `{newsflow}`), so on Redis Cluster they share one slot with the
 * BullMQ queues and multi-key scripts stay valid. Nobody else spells a key by hand.
 */
export function createKeys(prefix: string) {
  const p = `${prefix}:store`;
  return {
    /** ZSET runId -> createdAt (ms): every batch run, newest last. */
    runs: () => `${p}:runs`,
    /**
     * HASH of a run: id, status (enqueuing|running|completed), createdAt, enqueuedAt, finishedAt,
     * inputs (JSON), documents, paragraphs, rejected, docsDone, docsFailed, `done:<task>`,
     * `failed:<task>` (paragraph counts).
     */
    run: (runId: string) => `${p}:run:${runId}`,
    /** ZSET docId -> order of submission: the documents of a run. */
    runDocs: (runId: string) => `${p}:run:${runId}:docs`,
    /** LIST of JSON `{source, reason}`: inputs of a run that were rejected. */
    runRejected: (runId: string) => `${p}:run:${runId}:rejected`,
    /** ZSET entityId -> mentions: entities mentioned in a run's documents. */
    runEntities: (runId: string) => `${p}:run:${runId}:entities`,
    /** ZSET docId -> createdAt: every document in the corpus. */
    docs: () => `${p}:docs`,
    /** HASH of a document's metadata (DocumentMeta fields; JSON-free scalars). */
    doc: (docId: string) => `${p}:doc:${docId}`,
    /** LIST of JSON Paragraph: the document's paragraphs in order. */
    docParagraphs: (docId: string) => `${p}:doc:${docId}:paragraphs`,
    /** SET of runIds that include the document. */
    docRuns: (docId: string) => `${p}:doc:${docId}:runs`,
    /** HASH `<task>:<index>` -> 1 for each paragraph task done, plus `n:<task>` counts. */
    docProgress: (docId: string) => `${p}:doc:${docId}:progress`,
    /** HASH index -> JSON result of one task for every paragraph of the document. */
    docResults: (docId: string, task: TaskName) => `${p}:doc:${docId}:result:${task}`,
    /** HASH `<task>:<index>` -> JSON `{reason, attempts}`: paragraph tasks that failed for good. */
    docFailures: (docId: string) => `${p}:doc:${docId}:failed`,
    /** STRING JSON DocumentResult: the assembled document-level result. */
    docResult: (docId: string) => `${p}:doc:${docId}:document`,
    /** ZSET entityId -> mentions across the corpus. */
    entities: () => `${p}:entities`,
    /** ZSET entityId -> mentions across the corpus, one per type. */
    entitiesByType: (type: string) => `${p}:entities:type:${type}`,
    /** ZSET (all scores 0) of `<lowercase word>\u0000<entityId>` for prefix search by name. */
    entityNames: () => `${p}:entities:names`,
    /** HASH of a canonical entity: id, name, type. */
    entity: (entityId: string) => `${p}:entity:${entityId}`,
    /** ZSET docId -> mentions of the entity in that document. */
    entityDocs: (entityId: string) => `${p}:entity:${entityId}:docs`,
    /** ZSET docId -> quotes by the entity in that document. */
    speakerDocs: (entityId: string) => `${p}:entity:${entityId}:quotes`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
