import type { TaskName } from "@newsflow/contracts";
import { partitionOf, partitionTags } from "./partitions.js";

/** Where a key that a Lua script builds from a run id goes: `before + runId + after`. */
export interface KeyTemplate {
  before: string;
  after: string;
}

/**
 * Every Redis key of a deployment, in one place; nobody else spells a key, Lua included (scripts
 * get the keys they touch as KEYS, and keys they build per run as a {@link KeyTemplate}).
 *
 * A deployment named `newsflow` with P partitions has
 * - global keys under `{newsflow}:store:` (runs, the corpus list, the entity index), one slot;
 * - for each partition, a hash tag of its own (`{newsflow-3}`, see `partitionTags`): the BullMQ
 *   queues of the partition (`{newsflow-3}:entities:...`) and the keys of every document that
 *   belongs to it (`{newsflow-3}:store:doc:...`), plus the partition's share of each run's counts.
 * Every script touches the keys of one slot only, so on Redis Cluster the partitions spread over
 * the masters; runs and the index are read (and idempotently updated) across slots.
 */
export function createKeys(name: string, partitions = 1) {
  const bare = name.replace(/[{}]/g, "");
  const tags = partitionTags(bare, partitions);
  const g = `{${bare}}:store`;
  const part = (docId: string) => `{${tags[partitionOf(docId, partitions)]}}:store`;
  const docKey = (docId: string) => `${part(docId)}:doc:${docId}`;
  return {
    /** The deployment name (no braces). */
    name: bare,
    /** Number of partitions. */
    partitions,
    /** The hash tag of each partition, `{...}` included: also the BullMQ prefix of its queues. */
    partitionPrefixes: tags.map((t) => `{${t}}`),
    /** The partition of a document. */
    partitionOf: (docId: string) => partitionOf(docId, partitions),

    // ---- global keys (one slot) ----
    /** HASH `partitions`: what the deployment was created with; a mismatch is refused. */
    deployment: () => `${g}:deployment`,
    /** ZSET runId -> createdAt (ms): every batch run, newest last (an id whose record is gone is taken out by `listRuns`). */
    runs: () => `${g}:runs`,
    /**
     * HASH of a run: id, createdAt, inputs (JSON), rejected, enqueuedAt (last producer finished),
     * deletingAt (its deletion has begun: producers are refused; the record goes last with the rest).
     */
    run: (runId: string) => `${g}:run:${runId}`,
    /** ZSET producerId -> lease expiry (ms): producers still adding documents to the run. */
    runProducers: (runId: string) => `${g}:run:${runId}:producers`,
    /** ZSET docId -> order of submission: the documents of a run. */
    runDocs: (runId: string) => `${g}:run:${runId}:docs`,
    /** LIST of JSON `{source, reason}`: inputs of a run that were rejected, each once. */
    runRejected: (runId: string) => `${g}:run:${runId}:rejected`,
    /** HASH source -> 1: the rejected sources already listed (a resumed run does not count them again). */
    runRejectedSources: (runId: string) => `${g}:run:${runId}:rejected-sources`,
    /** ZSET docId -> createdAt: every document in the corpus. */
    docs: () => `${g}:docs`,
    // ---- partition keys (the slot of the document's partition) ----
    /**
     * HASH: one partition's share of a run's counts: documents, paragraphs, docsDone, docsFailed,
     * `done:<task>`, `failed:<task>` (paragraphs), lastAt (ms of the last change).
     */
    runCounts: (partition: number, runId: string) => `{${tags[partition]}}:store:run:${runId}:counts`,
    /** Template of `runCounts` in the partition of a document, for scripts. */
    runCountsTemplate: (docId: string): KeyTemplate => ({ before: `${part(docId)}:run:`, after: ":counts" }),
    /**
     * The entity index, one per partition over the partition's documents (readers merge the
     * partitions; a document's share is written by its own step, in its own slot).
     */
    /** ZSET entityId -> mentions in the partition's documents, one per type (the types are disjoint: the full ranking merges them). */
    entitiesByType: (partition: number, type: string) => `{${tags[partition]}}:store:entities:type:${type}`,
    /** ZSET (all scores 0) of `<lowercase word>\u0000<entityId>` for prefix search by name. */
    entityNames: (partition: number) => `{${tags[partition]}}:store:entities:names`,
    /** HASH of a canonical entity in the partition: id, name, type, words (the name words it entered in `entityNames`, space-separated; taken out with its last document). */
    entity: (partition: number, entityId: string) => `{${tags[partition]}}:store:entity:${entityId}`,
    /** ZSET docId -> mentions of the entity in that document. */
    entityDocs: (partition: number, entityId: string) => `{${tags[partition]}}:store:entity:${entityId}:docs`,
    /** ZSET docId -> quotes by the entity in that document. */
    speakerDocs: (partition: number, entityId: string) => `{${tags[partition]}}:store:entity:${entityId}:quotes`,
    /** ZSET entityId -> mentions: entities mentioned in a run's documents of the partition. */
    runEntities: (partition: number, runId: string) => `{${tags[partition]}}:store:run:${runId}:entities`,
    /** Templates of the index keys in the partition of a document, for the document script. */
    indexTemplates: (docId: string) => ({
      entity: { before: `${part(docId)}:entity:`, after: "" },
      runEntities: { before: `${part(docId)}:run:`, after: ":entities" },
      entitiesByType: { before: `${part(docId)}:entities:type:`, after: "" },
    }),
    /**
     * HASH of a document's metadata: DocumentMeta fields, contentHash, enqueuedAt, failedAt, failure,
     * indexed and indexedRuns (what the document added to the entity index). Without it (the run
     * holding the document was deleted) the scripts write nothing more of the document.
     */
    doc: docKey,
    /** LIST of JSON Paragraph: the document's paragraphs in order. */
    docParagraphs: (docId: string) => `${docKey(docId)}:paragraphs`,
    /** SET of runIds that include the document. */
    docRuns: (docId: string) => `${docKey(docId)}:runs`,
    /**
     * HASH `<task>:<index>` -> 1 for each paragraph task done, `x:<task>:<index>` -> 1 for each
     * that failed for good, `n:<task>` and `f:<task>` their counts.
     */
    docProgress: (docId: string) => `${docKey(docId)}:progress`,
    /** HASH index -> JSON result of one task for every paragraph of the document. */
    docResults: (docId: string, task: TaskName) => `${docKey(docId)}:result:${task}`,
    /** HASH index -> JSON EntitiesResult: the mentions after the document-level reconciliation. */
    docEntities: (docId: string) => `${docKey(docId)}:entities`,
    /** HASH `<task>:<index>` -> JSON `{reason, attempts}`: paragraph tasks that failed for good. */
    docFailures: (docId: string) => `${docKey(docId)}:failed`,
    /** STRING JSON DocumentResult: the assembled document-level result. */
    docResult: (docId: string) => `${docKey(docId)}:document`,
  };
}

export type Keys = ReturnType<typeof createKeys>;

/**
 * Patterns of every key a deployment may hold, for the test that scans Redis after a run: the
 * store's keys above and BullMQ's own keys of the catalog queues.
 */
export function keyPatterns(keys: Keys): RegExp[] {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const g = esc(`{${keys.name}}:store`);
  const parts = `(?:${keys.partitionPrefixes.map(esc).join("|")})`;
  const id = "[A-Za-z0-9._~-]+";
  return [
    new RegExp(`^${g}:(deployment|runs|docs)$`),
    new RegExp(`^${g}:run:${id}(:producers|:docs|:rejected|:rejected-sources)?$`),
    new RegExp(`^${parts}:store:(entities:names|entities:type:(PER|ORG|LOC|MISC))$`),
    new RegExp(`^${parts}:store:entity:[^:]+(:docs|:quotes)?$`),
    new RegExp(`^${parts}:store:run:${id}:(counts|entities)$`),
    new RegExp(`^${parts}:store:doc:${id}(:paragraphs|:runs|:progress|:result:(summarize|entities|quotes)|:entities|:failed|:document)?$`),
    // BullMQ: <prefix>:<queue>:<meta|id|wait|active|...|jobId[:lock|:logs|...]>
    new RegExp(`^${parts}:(summarize|entities|quotes|document):[^:]+(:[a-z]+)?$`),
    // ...and the per-minute counts of its metrics, a list BullMQ writes only once a minute boundary
    // passes between two completions (or failures).
    new RegExp(`^${parts}:(summarize|entities|quotes|document):metrics:(completed|failed):data$`),
  ];
}
