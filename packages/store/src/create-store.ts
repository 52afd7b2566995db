import {
  type CanonicalEntity,
  type DocumentMeta,
  DocumentResult,
  type EntitiesResult,
  EntityType,
  type Paragraph,
  QUEUES,
  TASKS,
  type TaskName,
  type TaskResult,
} from "@newsflow/contracts";
import type { Cluster, Redis } from "ioredis";
import type { Keys, KeyTemplate } from "./keys.js";
import {
  ADD_REJECTION,
  ATTACH_DOCUMENT,
  CLEAR_FAILURES,
  COMPLETE_DOCUMENT,
  CREATE_RUN,
  DELETE_RUN_DOCUMENT,
  FINISH_ENQUEUE,
  MARK_ENQUEUED,
  MARK_RUN_DELETING,
  PRUNE_RUNS,
  PUT_DOCUMENT_FAILURE,
  PUT_PARAGRAPH_FAILURES,
  PUT_PARAGRAPH_RESULTS,
  REINDEX_DOCUMENT,
  RENEW_PRODUCER,
} from "./scripts.js";

type RedisClient = Redis | Cluster;

/** Progress of one task across a run's paragraphs. */
export interface TaskProgress {
  done: number;
  failed: number;
}

/** A batch run: its record and its counts summed over the partitions. */
export interface RunRecord {
  id: string;
  /** enqueuing: a producer is still adding documents; completed: every document done or failed. */
  status: "enqueuing" | "running" | "completed";
  createdAt: number;
  enqueuedAt: number | null;
  finishedAt: number | null;
  /** When the run's counts last changed (a document attached, a task done or failed), ms; null before any. */
  lastChangeAt: number | null;
  /**
   * When its deletion began (`markRunDeleting`), ms; null for a run not being deleted. A run whose
   * deletion was cut off keeps it, part of its keys gone, until `newsflow runs delete RUN` is run again.
   */
  deletingAt: number | null;
  inputs: string[];
  documents: number;
  paragraphs: number;
  rejected: number;
  docsDone: number;
  docsFailed: number;
  tasks: Record<TaskName, TaskProgress>;
}

/** A rejected input of a run. */
export interface Rejection {
  source: string;
  reason: string;
}

/** A document in a listing, with its state. */
export interface DocumentListing extends DocumentMeta {
  status: "pending" | "done" | "failed";
}

/** An entry of the entity index. */
export interface EntityEntry {
  id: string;
  name: string;
  type: string;
  mentions: number;
}

/** What `reindexDocuments` did: documents seen, and how many were reindexed, already right, or not done yet. */
export interface ReindexCounts {
  documents: number;
  reindexed: number;
  unchanged: number;
  pending: number;
}

/** What `deleteRun` did with a run's documents: how many it held, deleted (no other run held them) and kept (another run holds them). */
export interface DeleteRunCounts {
  documents: number;
  deleted: number;
  kept: number;
}

/** A paragraph task that failed for good. */
export interface ParagraphFailure {
  reason: string;
  attempts: number;
}

/**
 * What `putDocument` found: whether the document's work is already enqueued or done (`known`;
 * else enqueue it) and whether the run already held it (`repeat`: an earlier input of the run had
 * the same content, or a resumed run meets it again), or that its id holds other content.
 */
export type PutDocumentOutcome = { known: boolean; repeat: boolean } | { conflict: string };

/** Thrown when a process's NEWSFLOW_PARTITIONS differs from what the deployment was created with. */
export class DeploymentMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeploymentMismatchError";
  }
}

/**
 * Thrown when a producer comes to a run that is being deleted (`createRun` after
 * `markRunDeleting`), or finds the run it is adding to deleted or being deleted (`renewProducer`,
 * `finishEnqueue`, `addRejection`); nothing is written. The message is one line.
 */
export class RunDeletingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunDeletingError";
  }
}

/** The refusal of a producer whose run was deleted, or is being deleted, while it added to it. */
const deletedWhileAdding = (runId: string) =>
  new RunDeletingError(`run '${runId}' was deleted while this producer was adding to it: it stopped and wrote nothing more (run the inputs again for a new run)`);

const num = (v: string | undefined | null): number => (v ? Number(v) : 0);
const ENTITY_TYPES = EntityType.options;
const numOrNull = (v: string | undefined | null): number | null => (v ? Number(v) : null);
const tpl = (t: KeyTemplate) => [t.before, t.after];

/**
 * The result store: every read and write of runs, documents, paragraph results, document results
 * and the entity index, over the key layout of `keys`. Writes are idempotent: a retried job
 * writes the same value to the same key and counts once.
 */
export function createStore(redis: RedisClient, keys: Keys) {
  const k = keys;
  /** A Lua script as a command; without `numberOfKeys` its first argument says how many keys follow. */
  const script = (name: string, lua: string, numberOfKeys?: number) => {
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
    return (...args: (string | number)[]) => (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[name]!(...args);
  };
  const attach = script("nfAttachDocument", ATTACH_DOCUMENT, 5);
  const putResults = script("nfPutParagraphResults", PUT_PARAGRAPH_RESULTS, 5);
  const putFailures = script("nfPutParagraphFailures", PUT_PARAGRAPH_FAILURES, 5);
  const clearFailures = script("nfClearFailures", CLEAR_FAILURES, 4);
  const complete = script("nfCompleteDocument", COMPLETE_DOCUMENT, 5);
  const reindex = script("nfReindexDocument", REINDEX_DOCUMENT, 4);
  const putDocFailure = script("nfPutDocumentFailure", PUT_DOCUMENT_FAILURE, 2);
  const addRejection = script("nfAddRejection", ADD_REJECTION, 3);
  const finishEnqueueScript = script("nfFinishEnqueue", FINISH_ENQUEUE, 2);
  const markEnqueuedScript = script("nfMarkEnqueued", MARK_ENQUEUED, 1);
  const renewProducerScript = script("nfRenewProducer", RENEW_PRODUCER, 2);
  const pruneRunsScript = script("nfPruneRuns", PRUNE_RUNS);
  const deleteRunDocument = script("nfDeleteRunDocument", DELETE_RUN_DOCUMENT);
  const createRunScript = script("nfCreateRun", CREATE_RUN, 3);
  const markDeleting = script("nfMarkRunDeleting", MARK_RUN_DELETING, 2);
  const partitions = Array.from({ length: k.partitions }, (_, p) => p);
  /** The index key templates of a document's partition, as the index scripts take them. */
  const indexTemplateArgs = (docId: string) => {
    const t = k.indexTemplates(docId);
    return [t.entity.before, t.runEntities.before, t.runEntities.after, t.entitiesByType.before];
  };

  /** A page of a per-entity document list merged over the partitions (a document is in one only). */
  async function mergedDocs(key: (p: number) => string, offset: number, limit: number): Promise<{ total: number; rows: Array<[string, number]> }> {
    const [lists, cards] = await Promise.all([
      Promise.all(partitions.map((p) => redis.zrevrange(key(p), 0, offset + limit - 1, "WITHSCORES"))),
      Promise.all(partitions.map((p) => redis.zcard(key(p)))),
    ]);
    return { total: cards.reduce((a, b) => a + b, 0), rows: mergeScores(lists).slice(offset, offset + limit) };
  }

  function parseDoc(h: Record<string, string>): DocumentListing | null {
    if (!h.id) return null;
    return {
      id: h.id,
      title: h.title || null,
      source: h.source ?? "",
      url: h.url || null,
      publishedAt: h.publishedAt || null,
      byline: h.byline || null,
      paragraphCount: num(h.paragraphCount),
      createdAt: num(h.createdAt),
      completedAt: numOrNull(h.completedAt),
      status: h.completedAt ? "done" : h.failedAt ? "failed" : "pending",
    };
  }

  async function readRun(runId: string, now = Date.now()): Promise<RunRecord | null> {
    const [h, producers, ...shares] = await Promise.all([
      redis.hgetall(k.run(runId)),
      redis.zcount(k.runProducers(runId), now, "+inf"),
      ...partitions.map((p) => redis.hgetall(k.runCounts(p, runId))),
    ]);
    if (!h.id) return null;
    const sum = (field: string) => shares.reduce((n, s) => n + num(s[field]), 0);
    const tasks = Object.fromEntries(TASKS.map((t) => [t, { done: sum(`done:${t}`), failed: sum(`failed:${t}`) }])) as Record<TaskName, TaskProgress>;
    const documents = sum("documents");
    const docsDone = sum("docsDone");
    const docsFailed = sum("docsFailed");
    const enqueuedAt = numOrNull(h.enqueuedAt);
    const status: RunRecord["status"] = producers > 0 || enqueuedAt === null ? "enqueuing" : docsDone + docsFailed >= documents ? "completed" : "running";
    const lastAt = Math.max(0, ...shares.map((s) => num(s.lastAt)));
    return {
      id: h.id,
      status,
      createdAt: num(h.createdAt),
      enqueuedAt,
      finishedAt: status === "completed" ? Math.max(lastAt, enqueuedAt ?? 0) : null,
      lastChangeAt: lastAt || null,
      deletingAt: numOrNull(h.deletingAt),
      inputs: h.inputs ? (JSON.parse(h.inputs) as string[]) : [],
      documents,
      paragraphs: sum("paragraphs"),
      rejected: num(h.rejected),
      docsDone,
      docsFailed,
      tasks,
    };
  }

  /** Take out of the run list those of `ids` whose record is gone (one script in the global slot). */
  const pruneRuns = async (ids: string[]) => Number(await pruneRunsScript(ids.length + 1, k.runs(), ...ids.map((id) => k.run(id)), ...ids));

  /** Go through the whole run list (ZSCAN, 500 ids a step) taking out every id whose record is gone; how many it took out. */
  async function pruneRunList(): Promise<number> {
    let pruned = 0;
    let cursor = "0";
    do {
      const [next, flat] = await redis.zscan(k.runs(), cursor, "COUNT", 500);
      cursor = next;
      const ids = flat.filter((_, i) => i % 2 === 0);
      if (ids.length) pruned += await pruneRuns(ids);
    } while (cursor !== "0");
    return pruned;
  }

  return {
    keys: k,

    /**
     * Record the deployment's number of partitions on first use, and refuse a process that
     * disagrees with it (its documents would be looked for in the wrong partitions).
     */
    async ensureDeployment(): Promise<void> {
      await redis.hsetnx(k.deployment(), "partitions", String(k.partitions));
      const stored = Number(await redis.hget(k.deployment(), "partitions"));
      if (stored !== k.partitions) {
        throw new DeploymentMismatchError(
          `NEWSFLOW_PARTITIONS is ${k.partitions} but deployment '${k.name}' was created with ${stored}: set NEWSFLOW_PARTITIONS=${stored} (or use another NEWSFLOW_PREFIX)`,
        );
      }
    },

    /**
     * Create a run (or join the existing one: resuming reuses its record) and register a
     * producer on it, in one script. The run stays `enqueuing` while any registered producer's
     * lease is live. Returns true when this call created the run. A run being deleted (see
     * {@link markRunDeleting}) is refused with a {@link RunDeletingError}, nothing written.
     */
    async createRun(runId: string, inputs: string[], producer: { id: string; leaseMs: number }, now = Date.now()): Promise<boolean> {
      const created = Number(await createRunScript(k.run(runId), k.runProducers(runId), k.runs(), runId, JSON.stringify(inputs), producer.id, now + producer.leaseMs, now));
      if (created === -1) throw new RunDeletingError(`run '${runId}' is being deleted: use another run id, or wait until the deletion ends (one cut off is finished by 'newsflow runs delete ${runId}')`);
      return created === 1;
    },

    /**
     * The first step of a run's deletion, before anything of the run goes: mark the run as being
     * deleted, in the same script that finds no producer holding a live lease on it. From then on
     * {@link createRun} refuses the run, so no producer starts adding to it while it is deleted
     * (one that held a lease first makes this "busy", and nothing changes). "missing" when there
     * is no such run. A run marked before (a deletion cut off) is "marked" again.
     */
    async markRunDeleting(runId: string, now = Date.now()): Promise<"marked" | "busy" | "missing"> {
      const marked = Number(await markDeleting(k.run(runId), k.runProducers(runId), now));
      return marked === 1 ? "marked" : marked === -1 ? "busy" : "missing";
    },

    /**
     * Extend a producer's lease on a run, or take it again if it lapsed and was cleared (a producer
     * that died lets its run complete once the lease ends; one that only stalled holds the run
     * again). One script: a run deleted or being deleted meanwhile is refused with a
     * {@link RunDeletingError}, no lease written, so a producer whose lease lapsed before a
     * deletion began does not revive it. A producer stops renewing before {@link finishEnqueue}.
     */
    async renewProducer(runId: string, producer: { id: string; leaseMs: number }, now = Date.now()): Promise<void> {
      if (Number(await renewProducerScript(k.run(runId), k.runProducers(runId), producer.id, now + producer.leaseMs)) === -1) throw deletedWhileAdding(runId);
    },

    /**
     * A producer has enqueued all it had for the run; returns the run's status afterwards. One
     * script: a run deleted or being deleted meanwhile (the producer's lease lapsed) is refused
     * with a {@link RunDeletingError}, nothing written.
     */
    async finishEnqueue(runId: string, producerId: string, now = Date.now()): Promise<RunRecord["status"]> {
      if (Number(await finishEnqueueScript(k.run(runId), k.runProducers(runId), producerId, now)) === -1) throw deletedWhileAdding(runId);
      return (await readRun(runId, now))?.status ?? "completed";
    },

    /**
     * Record a rejected input (one line a user can act on), once per source and run; true when
     * recorded now. A run deleted or being deleted is refused with a {@link RunDeletingError}.
     */
    async addRejection(runId: string, rejection: Rejection): Promise<boolean> {
      const added = Number(await addRejection(k.run(runId), k.runRejectedSources(runId), k.runRejected(runId), rejection.source, JSON.stringify(rejection)));
      if (added === -1) throw deletedWhileAdding(runId);
      return added === 1;
    },

    async getRejections(runId: string, offset = 0, limit = 100): Promise<Rejection[]> {
      return (await redis.lrange(k.runRejected(runId), offset, offset + limit - 1)).map((s) => JSON.parse(s) as Rejection);
    },

    /** A run with its counts summed over the partitions. */
    getRun: (runId: string): Promise<RunRecord | null> => readRun(runId),

    /**
     * Runs, newest first, and how many there are. A page that meets an id whose record is gone
     * (deleted by hand: `deleteRun` takes a run out of the list with its record) has the whole
     * list cleared of such ids and is read again, so it is full and the total counts only runs
     * that exist. The list is not checked on every read, which would read every run's record for
     * each page: while it is right a page costs what it did, and the cost of going through it
     * (one script per 500 ids) is paid once after records were deleted by hand.
     */
    async listRuns(offset = 0, limit = 20): Promise<{ total: number; runs: RunRecord[] }> {
      for (let pass = 1; ; pass++) {
        const [ids, total] = await Promise.all([redis.zrevrange(k.runs(), offset, offset + limit - 1), redis.zcard(k.runs())]);
        const rows = await Promise.all(ids.map((id) => readRun(id)));
        const runs = rows.filter((r): r is RunRecord => r !== null);
        // A pass takes out every id met without a record, unless its record is back; a record
        // that reads as none but is not empty (an `id` of "") is not taken out: stop there.
        if (runs.length === ids.length || pass === 3) return { total: total - (ids.length - runs.length), runs };
        await pruneRunList();
      }
    },

    /** How many producers hold a live lease on a run (adding documents to it now). */
    async liveProducers(runId: string, now = Date.now()): Promise<number> {
      return redis.zcount(k.runProducers(runId), now, "+inf");
    },

    /** The runs that hold a document. */
    async documentRuns(docId: string): Promise<string[]> {
      return redis.smembers(k.docRuns(docId));
    },

    /**
     * Delete a run and everything it owns: each of its documents that no other run holds (the
     * document, its paragraphs, per-paragraph results, progress, failures, document result and
     * reconciled mentions; its share of the partition's entity index, an entity left without
     * documents in the partition with its record and name words; its place in the corpus list),
     * the run's share of the counts and its entity index in every partition, its document list,
     * rejections, producers' leases, record and place in the run list. A document another run
     * holds stays, for that run alone. Every command touches one slot: a script per document in
     * its partition, then each partition's run keys, then the global ones, the record and the
     * run list's entry last and together (a deletion cut off is done again by calling it again).
     * Call {@link markRunDeleting} first, so no producer comes to the run while it goes. Jobs are
     * not the store's: `deleteRun` in @newsflow/queue checks them, marks the run and calls this.
     */
    async deleteRun(runId: string, pageSize = 200): Promise<DeleteRunCounts> {
      const counts: DeleteRunCounts = { documents: 0, deleted: 0, kept: 0 };
      // The run's document list is left as it is until the end, so its pages do not move.
      for (let offset = 0; ; offset += pageSize) {
        const ids = await redis.zrange(k.runDocs(runId), offset, offset + pageSize - 1);
        const outcomes = await Promise.all(
          ids.map((id) => {
            const t = k.indexTemplates(id);
            const own = [k.docParagraphs(id), k.docProgress(id), ...TASKS.map((task) => k.docResults(id, task)), k.docEntities(id), k.docFailures(id), k.docResult(id)];
            return deleteRunDocument(3 + own.length, k.docRuns(id), k.doc(id), k.entityNames(k.partitionOf(id)), ...own, runId, id, t.entity.before, t.entitiesByType.before);
          }),
        );
        const deleted = ids.filter((_, i) => Number(outcomes[i]) === 1);
        if (deleted.length) await redis.zrem(k.docs(), ...deleted);
        counts.documents += ids.length;
        counts.deleted += deleted.length;
        counts.kept += ids.length - deleted.length;
        if (ids.length < pageSize) break;
      }
      await Promise.all(partitions.map((p) => redis.unlink(k.runCounts(p, runId), k.runEntities(p, runId))));
      await redis.unlink(k.runProducers(runId), k.runDocs(runId), k.runRejected(runId), k.runRejectedSources(runId));
      await redis.multi().zrem(k.runs(), runId).unlink(k.run(runId)).exec();
      return counts;
    },

    /**
     * Save a document and its paragraphs and attach it to a run. A document id already holding
     * other content (another content hash) is a conflict: nothing is written.
     */
    async putDocument(
      runId: string,
      order: number,
      meta: Omit<DocumentMeta, "completedAt" | "byline"> & { byline?: string | null; contentHash: string },
      paragraphs: Paragraph[],
    ): Promise<PutDocumentOutcome> {
      const [id, hash] = await redis.hmget(k.doc(meta.id), "id", "contentHash");
      if (id && hash && hash !== meta.contentHash) {
        return { conflict: `document id '${meta.id}' already holds other content (submitted before): give the changed document a new id` };
      }
      if (!id) {
        const m = redis.multi();
        m.del(k.docParagraphs(meta.id));
        for (let i = 0; i < paragraphs.length; i += 1000) m.rpush(k.docParagraphs(meta.id), ...paragraphs.slice(i, i + 1000).map((p) => JSON.stringify(p)));
        m.hset(k.doc(meta.id), {
          title: meta.title ?? "",
          source: meta.source,
          url: meta.url ?? "",
          publishedAt: meta.publishedAt ?? "",
          byline: meta.byline ?? "",
          paragraphCount: meta.paragraphCount,
          createdAt: meta.createdAt,
          contentHash: meta.contentHash,
        });
        m.hset(k.doc(meta.id), "id", meta.id);
        await m.exec();
      }
      const partition = k.partitionOf(meta.id);
      const attached = await attach(k.docRuns(meta.id), k.docProgress(meta.id), k.doc(meta.id), k.runCounts(partition, runId), k.runEntities(partition, runId), runId, meta.paragraphCount, Date.now());
      await Promise.all([redis.zadd(k.runDocs(runId), "NX", order, meta.id), redis.zadd(k.docs(), "NX", meta.createdAt, meta.id)]);
      return { known: (Number(attached) & 1) === 1, repeat: (Number(attached) & 2) === 2 };
    },

    /**
     * Remember that a document's jobs are in the queues, so a resumed run does not add them again.
     * A document that is gone (its run was deleted meanwhile) is left so: nothing is written.
     */
    async markEnqueued(docIds: string[], now = Date.now()): Promise<void> {
      await Promise.all(docIds.map((id) => markEnqueuedScript(k.doc(id), now)));
    },

    async getDocument(docId: string): Promise<DocumentListing | null> {
      return parseDoc(await redis.hgetall(k.doc(docId)));
    },

    /** Why a document's step failed for good, if it did. */
    async getDocumentFailure(docId: string): Promise<string | null> {
      return (await redis.hget(k.doc(docId), "failure")) || null;
    },

    async getParagraphs(docId: string, offset = 0, limit = 1000): Promise<Paragraph[]> {
      return (await redis.lrange(k.docParagraphs(docId), offset, offset + limit - 1)).map((s) => JSON.parse(s) as Paragraph);
    },

    /** A run's documents in submission order, with their state. */
    async listRunDocuments(runId: string, offset = 0, limit = 50): Promise<{ total: number; documents: DocumentListing[] }> {
      const [ids, total] = await Promise.all([redis.zrange(k.runDocs(runId), offset, offset + limit - 1), redis.zcard(k.runDocs(runId))]);
      return { total, documents: await this.getDocuments(ids) };
    },

    /** Every document of the corpus, newest first. */
    async listDocuments(offset = 0, limit = 50): Promise<{ total: number; documents: DocumentListing[] }> {
      const [ids, total] = await Promise.all([redis.zrevrange(k.docs(), offset, offset + limit - 1), redis.zcard(k.docs())]);
      return { total, documents: await this.getDocuments(ids) };
    },

    async getDocuments(ids: string[]): Promise<DocumentListing[]> {
      const rows = await Promise.all(ids.map((id) => redis.hgetall(k.doc(id))));
      return rows.map(parseDoc).filter((d): d is DocumentListing => d !== null);
    },

    /**
     * Store one task's results for some paragraphs of a document; each counts towards run
     * progress once. Returns true when the document's step is due (see scripts.ts).
     */
    async putParagraphResults<T extends TaskName>(docId: string, task: T, results: Array<[index: number, result: TaskResult<T>]>): Promise<boolean> {
      if (results.length === 0) return false;
      const pairs = results.flatMap(([i, r]) => [i, JSON.stringify(r)]);
      const due = await putResults(k.docProgress(docId), k.docResults(docId, task), k.docRuns(docId), k.doc(docId), k.docFailures(docId), task, ...tpl(k.runCountsTemplate(docId)), Date.now(), ...pairs);
      return due === 1;
    },

    /** Record that a task failed for good on some paragraphs. Returns true when the document's step is due. */
    async putParagraphFailures(docId: string, task: TaskName, failures: Array<[index: number, failure: ParagraphFailure]>): Promise<boolean> {
      if (failures.length === 0) return false;
      const pairs = failures.flatMap(([i, f]) => [i, JSON.stringify(f)]);
      const due = await putFailures(k.docProgress(docId), k.docResults(docId, task), k.docRuns(docId), k.doc(docId), k.docFailures(docId), task, ...tpl(k.runCountsTemplate(docId)), Date.now(), ...pairs);
      return due === 1;
    },

    /**
     * Before a retry: forget the given paragraph failures and the document's assembly or failure
     * (their counts undone), so the retried work counts once and the document is assembled again.
     */
    async clearFailures(docId: string, paragraphTasks: Array<{ task: TaskName; index: number }>): Promise<number> {
      const fields = paragraphTasks.map((p) => `${p.task}:${p.index}`);
      return Number(await clearFailures(k.docProgress(docId), k.docFailures(docId), k.docRuns(docId), k.doc(docId), ...tpl(k.runCountsTemplate(docId)), ...fields));
    },

    /** Results of one task for some paragraphs of a document (null where missing). */
    async getParagraphResults<T extends TaskName>(docId: string, task: T, indexes: number[]): Promise<(TaskResult<T> | null)[]> {
      if (indexes.length === 0) return [];
      const raw = await redis.hmget(k.docResults(docId, task), ...indexes.map(String));
      const schema = QUEUES[task].result;
      return raw.map((s) => (s ? (schema.parse(JSON.parse(s)) as TaskResult<T>) : null));
    },

    /** Entity mentions of some paragraphs as the document step reconciled them, else as tagged. */
    async getEntities(docId: string, indexes: number[]): Promise<(EntitiesResult | null)[]> {
      if (indexes.length === 0) return [];
      const [final, tagged] = await Promise.all([redis.hmget(k.docEntities(docId), ...indexes.map(String)), this.getParagraphResults(docId, "entities", indexes)]);
      return final.map((s, i) => (s ? (QUEUES.entities.result.parse(JSON.parse(s)) as EntitiesResult) : (tagged[i] ?? null)));
    },

    /** Paragraph tasks of a document that failed for good, keyed `<task>:<index>`. */
    async getParagraphFailures(docId: string): Promise<Record<string, ParagraphFailure>> {
      const h = await redis.hgetall(k.docFailures(docId));
      return Object.fromEntries(Object.entries(h).map(([f, v]) => [f, JSON.parse(v) as ParagraphFailure]));
    },

    /**
     * Store the document result and the reconciled mentions of its paragraphs; the first time
     * after enqueueing (or a retry) count the document as done in its runs. The entity index of
     * the document's partition then holds the document's entities and speakers as they are now,
     * whatever it had before. Returns true the first time.
     */
    async putDocumentResult(result: DocumentResult, reconciled: Array<[index: number, entities: EntitiesResult]> = []): Promise<boolean> {
      const id = result.docId;
      const first = await complete(
        k.docResult(id),
        k.doc(id),
        k.docRuns(id),
        k.docEntities(id),
        k.entityNames(k.partitionOf(id)),
        ...tpl(k.runCountsTemplate(id)),
        result.completedAt,
        JSON.stringify(result),
        JSON.stringify(indexContribution(result)),
        id,
        ...indexTemplateArgs(id),
        ...reconciled.flatMap(([i, e]) => [i, JSON.stringify(e)]),
      );
      return Number(first) === 1;
    },

    /**
     * Index a completed document again from its stored result, for every run holding it: a run
     * that took the document in before the attach script indexed done documents (or a document
     * completed before the index was kept per partition) gets its share; an index that is right
     * is left as it is. "pending" when the document has no result yet, or is being retried (its
     * completion indexes it).
     */
    async reindexDocument(docId: string): Promise<"reindexed" | "unchanged" | "pending"> {
      const raw = await redis.get(k.docResult(docId));
      if (!raw) return "pending";
      const contribution = indexContribution(DocumentResult.parse(JSON.parse(raw)));
      const changed = Number(await reindex(k.doc(docId), k.docRuns(docId), k.entityNames(k.partitionOf(docId)), k.docResult(docId), raw, JSON.stringify(contribution), docId, ...indexTemplateArgs(docId)));
      return changed === 1 ? "reindexed" : changed === 0 ? "unchanged" : "pending";
    },

    /**
     * {@link reindexDocument} for every document of a run, or of the corpus without `runId`, a
     * page of `pageSize` at a time; how many documents there were and what came of them.
     */
    async reindexDocuments(runId?: string, pageSize = 200): Promise<ReindexCounts> {
      const key = runId === undefined ? k.docs() : k.runDocs(runId);
      const counts: ReindexCounts = { documents: 0, reindexed: 0, unchanged: 0, pending: 0 };
      for (let offset = 0; ; offset += pageSize) {
        const ids = await redis.zrange(key, offset, offset + pageSize - 1);
        for (const outcome of await Promise.all(ids.map((id) => this.reindexDocument(id)))) counts[outcome]++;
        counts.documents += ids.length;
        if (ids.length < pageSize) return counts;
      }
    },

    /** Record that a document's step failed for good: it counts as failed in its runs. */
    async putDocumentFailure(docId: string, reason: string): Promise<boolean> {
      return (await putDocFailure(k.doc(docId), k.docRuns(docId), ...tpl(k.runCountsTemplate(docId)), Date.now(), reason)) === 1;
    },

    async getDocumentResult(docId: string): Promise<DocumentResult | null> {
      const s = await redis.get(k.docResult(docId));
      return s ? DocumentResult.parse(JSON.parse(s)) : null;
    },

    /**
     * Top entities of the corpus, or of a run, optionally of one type. The index is kept per
     * partition: each partition's top list is read and the mentions of an entity summed, so with
     * several partitions the order is that of the merged top lists and `total` counts the
     * entities they hold (exact with one partition).
     */
    async topEntities(options: { runId?: string; type?: string; offset?: number; limit?: number } = {}): Promise<{ total: number; entities: EntityEntry[] }> {
      const offset = options.offset ?? 0;
      const limit = options.limit ?? 50;
      // The corpus's index is kept per type (disjoint, so merging them ranks exactly); a run's is
      // not split by type: filter a bounded window.
      const keys = partitions.flatMap((p) => (options.runId ? [k.runEntities(p, options.runId)] : (options.type ? [options.type] : ENTITY_TYPES).map((t) => k.entitiesByType(p, t))));
      const window = options.runId && options.type ? 1000 : Math.max(2 * (offset + limit), offset + limit + 20);
      const lists = await Promise.all(keys.map((key) => redis.zrevrangebyscore(key, "+inf", "(0", "WITHSCORES", "LIMIT", 0, window)));
      const merged = mergeScores(lists);
      const exact = k.partitions === 1 && !(options.runId && options.type);
      const counts = exact ? await Promise.all(keys.map((key) => redis.zcount(key, "(0", "+inf"))) : [];
      let entries = await this.entityEntries(merged.flatMap(([id, n]) => [id, String(n)]));
      if (options.runId && options.type) entries = entries.filter((e) => e.type === options.type);
      return { total: exact ? counts.reduce((a, b) => a + b, 0) : entries.length, entities: entries.slice(offset, offset + limit) };
    },

    /** Entities one of whose name words starts with `query` (case-insensitive), most mentioned first. */
    async searchEntities(query: string, options: { type?: string; limit?: number } = {}): Promise<EntityEntry[]> {
      const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const first = words[0];
      if (!first) return [];
      // The range ends at the prefix and the byte 0xFF, past the UTF-8 of any letter that may
      // follow it ("\xff" in a string is U+00FF, two bytes that "ğ" or "ń" sort after).
      const upTo = Buffer.concat([Buffer.from(`[${first}`), Buffer.from([0xff])]);
      const hits = await Promise.all(partitions.map((p) => redis.zrangebylex(k.entityNames(p), `[${first}`, upTo, "LIMIT", 0, 500)));
      const ids = [...new Set(hits.flat().map((h) => h.split("\u0000")[1]!))].slice(0, 500);
      const entries = await Promise.all(ids.map((id) => this.getEntity(id)));
      return entries
        .filter((e): e is EntityEntry => e !== null && e.mentions > 0 && (!options.type || e.type === options.type) && words.every((w) => e.name.toLowerCase().includes(w)))
        .sort((a, b) => b.mentions - a.mentions)
        .slice(0, options.limit ?? 50);
    },

    /** Entity entries for a flat `[id, mentions, id, mentions, ...]` list (name and type from the first partition that has the entity). */
    async entityEntries(idsWithScores: string[]): Promise<EntityEntry[]> {
      const ids = idsWithScores.filter((_, i) => i % 2 === 0);
      const rows = await Promise.all(ids.map((id) => this.entityRecord(id)));
      return rows.flatMap((h, i) => (h ? [{ id: h.id!, name: h.name ?? "", type: h.type ?? "", mentions: Number(idsWithScores[i * 2 + 1]) }] : []));
    },

    /** An entity's record (id, name, type) from the first partition that holds it (all asked at once). */
    async entityRecord(entityId: string): Promise<Record<string, string> | null> {
      const rows = await Promise.all(partitions.map((p) => redis.hgetall(k.entity(p, entityId))));
      return rows.find((h) => h.id) ?? null;
    },

    /** An entity with its mentions summed over the partitions. */
    async getEntity(entityId: string): Promise<EntityEntry | null> {
      const h = await this.entityRecord(entityId);
      if (!h) return null;
      const scores = await Promise.all(partitions.map((p) => redis.zscore(k.entitiesByType(p, h.type ?? ""), entityId)));
      return { id: h.id!, name: h.name ?? "", type: h.type ?? "", mentions: scores.reduce((n, s) => n + Number(s ?? 0), 0) };
    },

    /** Documents that mention an entity, most mentions first (each document is in one partition, so the merge is exact). */
    async entityDocuments(entityId: string, offset = 0, limit = 20): Promise<{ total: number; documents: Array<{ docId: string; mentions: number }> }> {
      const { total, rows } = await mergedDocs((p) => k.entityDocs(p, entityId), offset, limit);
      return { total, documents: rows.map(([docId, mentions]) => ({ docId, mentions })) };
    },

    /** Documents in which an entity is quoted, most quotes first. */
    async speakerDocuments(entityId: string, offset = 0, limit = 20): Promise<{ total: number; documents: Array<{ docId: string; quotes: number }> }> {
      const { total, rows } = await mergedDocs((p) => k.speakerDocs(p, entityId), offset, limit);
      return { total, documents: rows.map(([docId, quotes]) => ({ docId, quotes })) };
    },
  };
}

/** The store API. */
export type Store = ReturnType<typeof createStore>;

/** Flat `[member, score, ...]` lists merged: scores of a member summed, highest first. */
function mergeScores(lists: string[][]): Array<[string, number]> {
  const sum = new Map<string, number>();
  for (const flat of lists) for (let i = 0; i < flat.length; i += 2) sum.set(flat[i]!, (sum.get(flat[i]!) ?? 0) + Number(flat[i + 1]));
  return [...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** What a document result adds to the entity index (the scripts' `contribution`): its entities with their mentions and name words, and its speakers with their quotes. */
function indexContribution(result: DocumentResult) {
  const speakers = new Map<string, number>();
  for (const q of result.quotes) if (q.speakerEntityId) speakers.set(q.speakerEntityId, (speakers.get(q.speakerEntityId) ?? 0) + 1);
  return { e: result.entities.map((e) => [e.id, e.name, e.type, e.mentions.length, ...nameWords(e)]), s: [...speakers] };
}

function nameWords(e: CanonicalEntity): string[] {
  const words = new Set<string>();
  for (const n of [e.name, ...e.aliases]) for (const w of n.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) words.add(w);
  return [...words];
}
