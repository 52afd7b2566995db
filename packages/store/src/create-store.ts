import {
  type CanonicalEntity,
  type DocumentMeta,
  DocumentResult,
  type Paragraph,
  QUEUES,
  type TaskName,
  type TaskResult,
  TASKS,
} from "@newsflow/contracts";
import type { Cluster, Redis } from "ioredis";
import { createKeys } from "./keys.js";
import { ATTACH_DOCUMENT, CLEAR_PARAGRAPH_FAILURE, COMPLETE_DOCUMENT, FINISH_ENQUEUE, PUT_PARAGRAPH_FAILURE, PUT_PARAGRAPH_RESULT } from "./scripts.js";

type RedisClient = Redis | Cluster;

/** Progress of one task across a run's paragraphs. */
export interface TaskProgress {
  done: number;
  failed: number;
}

/** A batch run as the store keeps it. */
export interface RunRecord {
  id: string;
  status: "enqueuing" | "running" | "completed";
  createdAt: number;
  enqueuedAt: number | null;
  finishedAt: number | null;
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
  status: "pending" | "done";
}

/** An entry of the entity index. */
export interface EntityEntry {
  id: string;
  name: string;
  type: string;
  mentions: number;
}

const num = (v: string | undefined | null): number => (v ? Number(v) : 0);
const numOrNull = (v: string | undefined | null): number | null => (v ? Number(v) : null);

/**
 * The result store: every read and write of runs, documents, paragraph results, document results
 * and the entity index. Writes are idempotent: a retried job writes the same value to the same
 * key and counts once.
 */
export function createStore(redis: RedisClient, prefix: string) {
  const k = createKeys(prefix);
  const script = (name: string, lua: string, keys: number) => {
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: keys, lua });
    return (...args: (string | number)[]) => (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[name]!(...args);
  };
  const attach = script("nfAttachDocument", ATTACH_DOCUMENT, 5);
  const putResult = script("nfPutParagraphResult", PUT_PARAGRAPH_RESULT, 3);
  const putFailure = script("nfPutParagraphFailure", PUT_PARAGRAPH_FAILURE, 3);
  const complete = script("nfCompleteDocument", COMPLETE_DOCUMENT, 3);
  const finishEnqueue = script("nfFinishEnqueue", FINISH_ENQUEUE, 1);
  const clearFailure = script("nfClearParagraphFailure", CLEAR_PARAGRAPH_FAILURE, 3);

  function parseRun(h: Record<string, string>): RunRecord | null {
    if (!h.id) return null;
    const tasks = Object.fromEntries(TASKS.map((t) => [t, { done: num(h[`done:${t}`]), failed: num(h[`failed:${t}`]) }])) as Record<TaskName, TaskProgress>;
    return {
      id: h.id,
      status: (h.status as RunRecord["status"]) ?? "enqueuing",
      createdAt: num(h.createdAt),
      enqueuedAt: numOrNull(h.enqueuedAt),
      finishedAt: numOrNull(h.finishedAt),
      inputs: h.inputs ? (JSON.parse(h.inputs) as string[]) : [],
      documents: num(h.documents),
      paragraphs: num(h.paragraphs),
      rejected: num(h.rejected),
      docsDone: num(h.docsDone),
      docsFailed: num(h.docsFailed),
      tasks,
    };
  }

  function parseDoc(h: Record<string, string>): DocumentMeta | null {
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
    };
  }

  return {
    keys: k,

    /** Create a run (or keep the existing one: resuming a run reuses its record). */
    async createRun(runId: string, inputs: string[], now = Date.now()): Promise<void> {
      const created = await redis.hsetnx(k.run(runId), "createdAt", String(now));
      if (created) await redis.hset(k.run(runId), { id: runId, status: "enqueuing", inputs: JSON.stringify(inputs) });
      else await redis.hset(k.run(runId), { status: "enqueuing" });
      await redis.zadd(k.runs(), "NX", now, runId);
    },

    /** Record a rejected input (one line a user can act on). */
    async addRejection(runId: string, rejection: Rejection): Promise<void> {
      await redis.multi().rpush(k.runRejected(runId), JSON.stringify(rejection)).hincrby(k.run(runId), "rejected", 1).exec();
    },

    async getRejections(runId: string, offset = 0, limit = 100): Promise<Rejection[]> {
      return (await redis.lrange(k.runRejected(runId), offset, offset + limit - 1)).map((s) => JSON.parse(s) as Rejection);
    },

    /** Mark a run as fully enqueued; returns its status (completed at once if nothing was left to do). */
    async finishEnqueue(runId: string, now = Date.now()): Promise<string> {
      return String(await finishEnqueue(k.run(runId), now));
    },

    async getRun(runId: string): Promise<RunRecord | null> {
      return parseRun(await redis.hgetall(k.run(runId)));
    },

    /** Runs, newest first. */
    async listRuns(offset = 0, limit = 20): Promise<{ total: number; runs: RunRecord[] }> {
      const [ids, total] = await Promise.all([redis.zrevrange(k.runs(), offset, offset + limit - 1), redis.zcard(k.runs())]);
      const pipe = redis.pipeline();
      for (const id of ids) pipe.hgetall(k.run(id));
      const rows = ((await pipe.exec()) ?? []).map(([, h]) => parseRun(h as Record<string, string>));
      return { total, runs: rows.filter((r): r is RunRecord => r !== null) };
    },

    /**
     * Save a document and its paragraphs (idempotent: same id, same content) and attach it to a
     * run. Returns true when its paragraph work still has to be enqueued.
     */
    async putDocument(runId: string, order: number, meta: Omit<DocumentMeta, "completedAt" | "byline"> & { byline?: string | null }, paragraphs: Paragraph[]): Promise<boolean> {
      const exists = await redis.hget(k.doc(meta.id), "id");
      if (!exists) {
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
        });
        m.hset(k.doc(meta.id), "id", meta.id);
        m.zadd(k.docs(), "NX", meta.createdAt, meta.id);
        await m.exec();
      }
      const underWay = await attach(k.docRuns(meta.id), k.runDocs(runId), k.run(runId), k.docProgress(meta.id), k.doc(meta.id), prefix, runId, meta.id, order, meta.paragraphCount);
      return underWay !== 1;
    },

    /** Remember that a document's flow is in the queues, so a resumed run does not add it again. */
    async markEnqueued(docIds: string[], now = Date.now()): Promise<void> {
      const pipe = redis.pipeline();
      for (const id of docIds) pipe.hset(k.doc(id), "enqueuedAt", now);
      await pipe.exec();
    },

    async getDocument(docId: string): Promise<DocumentMeta | null> {
      return parseDoc(await redis.hgetall(k.doc(docId)));
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
      const pipe = redis.pipeline();
      for (const id of ids) pipe.hgetall(k.doc(id));
      return ((await pipe.exec()) ?? [])
        .map(([, h]) => parseDoc(h as Record<string, string>))
        .filter((d): d is DocumentMeta => d !== null)
        .map((d) => ({ ...d, status: d.completedAt ? "done" : "pending" }));
    },

    /** Store one paragraph's result of a task; counts towards run progress once. */
    async putParagraphResult<T extends TaskName>(docId: string, task: T, index: number, result: TaskResult<T>): Promise<void> {
      await putResult(k.docProgress(docId), k.docResults(docId, task), k.docRuns(docId), prefix, task, index, JSON.stringify(result));
    },

    /** Record that a paragraph's task failed for good. */
    async putParagraphFailure(docId: string, task: TaskName, index: number, reason: string, attempts: number): Promise<void> {
      await putFailure(k.docProgress(docId), k.docFailures(docId), k.docRuns(docId), prefix, task, index, JSON.stringify({ reason, attempts }));
    },

    /** Forget a paragraph task's failure before it runs again (its run counts are undone). */
    async clearParagraphFailure(docId: string, task: TaskName, index: number): Promise<void> {
      await clearFailure(k.docProgress(docId), k.docFailures(docId), k.docRuns(docId), prefix, task, index);
    },

    /** Put a completed run back to running while some of its work is retried. */
    async reopenRun(runId: string): Promise<void> {
      await redis.multi().hset(k.run(runId), "status", "running").hdel(k.run(runId), "finishedAt").exec();
    },

    /** Results of one task for some paragraphs of a document (null where missing). */
    async getParagraphResults<T extends TaskName>(docId: string, task: T, indexes: number[]): Promise<(TaskResult<T> | null)[]> {
      if (indexes.length === 0) return [];
      const raw = await redis.hmget(k.docResults(docId, task), ...indexes.map(String));
      const schema = QUEUES[task].result;
      return raw.map((s) => (s ? (schema.parse(JSON.parse(s)) as TaskResult<T>) : null));
    },

    /** Paragraph tasks of a document that failed for good, keyed `<task>:<index>`. */
    async getParagraphFailures(docId: string): Promise<Record<string, { reason: string; attempts: number }>> {
      const h = await redis.hgetall(k.docFailures(docId));
      return Object.fromEntries(Object.entries(h).map(([f, v]) => [f, JSON.parse(v) as { reason: string; attempts: number }]));
    },

    /**
     * Store the document result; the first time only, count the document as done in its runs and
     * add its entities and speakers to the corpus index.
     */
    async putDocumentResult(result: DocumentResult): Promise<boolean> {
      const entities = result.entities.map((e) => [e.id, e.name, e.type, e.mentions.length, ...nameWords(e)]);
      const speakers = new Map<string, number>();
      for (const q of result.quotes) if (q.speakerEntityId) speakers.set(q.speakerEntityId, (speakers.get(q.speakerEntityId) ?? 0) + 1);
      const first = await complete(
        k.docResult(result.docId),
        k.doc(result.docId),
        k.docRuns(result.docId),
        prefix,
        result.docId,
        JSON.stringify(result),
        result.completedAt,
        JSON.stringify(entities),
        JSON.stringify([...speakers]),
      );
      return first === 1;
    },

    async getDocumentResult(docId: string): Promise<DocumentResult | null> {
      const s = await redis.get(k.docResult(docId));
      return s ? DocumentResult.parse(JSON.parse(s)) : null;
    },

    /** Top entities of the corpus, or of a run, optionally of one type. */
    async topEntities(options: { runId?: string; type?: string; offset?: number; limit?: number } = {}): Promise<{ total: number; entities: EntityEntry[] }> {
      const key = options.runId ? k.runEntities(options.runId) : options.type ? k.entitiesByType(options.type) : k.entities();
      const offset = options.offset ?? 0;
      const limit = options.limit ?? 50;
      if (options.runId && options.type) {
        // A run's index is not split by type: filter a bounded window.
        const ids = await redis.zrevrange(key, 0, 999, "WITHSCORES");
        const all = (await this.entityEntries(ids)).filter((e) => e.type === options.type);
        return { total: all.length, entities: all.slice(offset, offset + limit) };
      }
      const [ids, total] = await Promise.all([redis.zrevrange(key, offset, offset + limit - 1, "WITHSCORES"), redis.zcard(key)]);
      return { total, entities: await this.entityEntries(ids) };
    },

    /** Entities one of whose name words starts with `query` (case-insensitive), most mentioned first. */
    async searchEntities(query: string, options: { type?: string; limit?: number } = {}): Promise<EntityEntry[]> {
      const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const first = words[0];
      if (!first) return [];
      const hits = await redis.zrangebylex(k.entityNames(), `[${first}`, `[${first}\xff`, "LIMIT", 0, 2000);
      const ids = [...new Set(hits.map((h) => h.split("\u0000")[1]!))];
      const pipe = redis.pipeline();
      for (const id of ids) pipe.zscore(k.entities(), id);
      const scores = ((await pipe.exec()) ?? []).map(([, s]) => String(s ?? 0));
      const entries = await this.entityEntries(ids.flatMap((id, i) => [id, scores[i]!]));
      return entries
        .filter((e) => (!options.type || e.type === options.type) && words.every((w) => e.name.toLowerCase().includes(w)))
        .sort((a, b) => b.mentions - a.mentions)
        .slice(0, options.limit ?? 50);
    },

    /** Entity entries for a flat `[id, score, id, score, ...]` list. */
    async entityEntries(idsWithScores: string[]): Promise<EntityEntry[]> {
      const pipe = redis.pipeline();
      for (let i = 0; i < idsWithScores.length; i += 2) pipe.hgetall(k.entity(idsWithScores[i]!));
      const rows = (await pipe.exec()) ?? [];
      return rows
        .map(([, h], i) => ({ h: h as Record<string, string>, score: Number(idsWithScores[i * 2 + 1]) }))
        .filter(({ h }) => h.id)
        .map(({ h, score }) => ({ id: h.id!, name: h.name ?? "", type: h.type ?? "", mentions: score }));
    },

    async getEntity(entityId: string): Promise<EntityEntry | null> {
      const [h, score] = await Promise.all([redis.hgetall(k.entity(entityId)), redis.zscore(k.entities(), entityId)]);
      return h.id ? { id: h.id, name: h.name ?? "", type: h.type ?? "", mentions: Number(score ?? 0) } : null;
    },

    /** Documents that mention an entity, most mentions first. */
    async entityDocuments(entityId: string, offset = 0, limit = 20): Promise<{ total: number; documents: Array<{ docId: string; mentions: number }> }> {
      const [flat, total] = await Promise.all([redis.zrevrange(k.entityDocs(entityId), offset, offset + limit - 1, "WITHSCORES"), redis.zcard(k.entityDocs(entityId))]);
      const documents = [];
      for (let i = 0; i < flat.length; i += 2) documents.push({ docId: flat[i]!, mentions: Number(flat[i + 1]) });
      return { total, documents };
    },

    /** Documents in which an entity is quoted, most quotes first. */
    async speakerDocuments(entityId: string, offset = 0, limit = 20): Promise<{ total: number; documents: Array<{ docId: string; quotes: number }> }> {
      const [flat, total] = await Promise.all([redis.zrevrange(k.speakerDocs(entityId), offset, offset + limit - 1, "WITHSCORES"), redis.zcard(k.speakerDocs(entityId))]);
      const documents = [];
      for (let i = 0; i < flat.length; i += 2) documents.push({ docId: flat[i]!, quotes: Number(flat[i + 1]) });
      return { total, documents };
    },
  };
}

/** The store API. */
export type Store = ReturnType<typeof createStore>;

function nameWords(e: CanonicalEntity): string[] {
  const words = new Set<string>();
  for (const n of [e.name, ...e.aliases]) for (const w of n.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) words.add(w);
  return [...words];
}
