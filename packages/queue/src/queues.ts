import { QUEUE_NAMES, type QueueName } from "@newsflow/contracts";
import { type JobsOptions, Queue } from "bullmq";
import type { RedisClient } from "./connection.js";
import type { Logger } from "./logger.js";
import { isConnectionError } from "./retry.js";

/**
 * Options of every paragraph job: retried with exponential backoff, removed once complete (the
 * results live in the store), failures kept with a bound so they can be inspected and retried.
 */
export const PARAGRAPH_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 10_000 },
};

/** Options of the document-level job. */
export const DOCUMENT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 10_000 },
};

/**
 * Length of each queue's event stream. BullMQ appends an event per job state change; nothing in
 * newsflow reads them beyond a live look in bull-board, and a short stream costs Redis less to
 * trim (the default keeps 10,000).
 */
export const EVENTS_MAX_LEN = 100;

/** Log a Queue/FlowProducer error; connection errors are already reported by the connection's own listener. */
export function logQueueError(logger: Logger | undefined, err: Error, fields: Record<string, unknown> = {}): void {
  if (isConnectionError(err)) logger?.debug({ ...fields, err: err.message }, "queue connection error");
  else logger?.error({ ...fields, err }, "queue error");
}

/** One BullMQ Queue per catalog queue, in one partition. */
export type QueueSet = Record<QueueName, Queue>;

/** The queues of every partition of a deployment, by partition number. */
export type PartitionedQueues = QueueSet[];

/** Open every catalog queue of one partition (`prefix` is the partition's hash tag, e.g. `{newsflow-0}`). */
export function createQueues(connection: RedisClient, prefix: string, logger?: Logger): QueueSet {
  const entries = QUEUE_NAMES.map((name) => {
    const q = new Queue(name, { connection, prefix, streams: { events: { maxLen: EVENTS_MAX_LEN } } });
    q.on("error", (err) => logQueueError(logger, err, { queue: name, prefix }));
    return [name, q] as const;
  });
  return Object.fromEntries(entries) as QueueSet;
}

/** Open the catalog queues of every partition. */
export function createPartitionedQueues(connection: RedisClient, prefixes: string[], logger?: Logger): PartitionedQueues {
  return prefixes.map((prefix) => createQueues(connection, prefix, logger));
}

/** Close every queue of every partition. */
export async function closeQueues(queues: PartitionedQueues | QueueSet): Promise<void> {
  const sets = Array.isArray(queues) ? queues : [queues];
  await Promise.all(sets.flatMap((set) => Object.values(set).map((q) => q.close())));
}
