import { FlowProducer, type JobsOptions, Queue } from "bullmq";
import { QUEUE_NAMES, type QueueName } from "@newsflow/contracts";
import type { RedisClient } from "./connection.js";
import type { Logger } from "./logger.js";

/**
 * Options of every paragraph job: retried with exponential backoff, removed once complete (the
 * results live in the store), failures kept with a bound so they can be inspected and retried.
 */
export const PARAGRAPH_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 10_000 },
  // A paragraph that fails for good must not block its document: the document step runs
  // anyway and records what is missing.
  ignoreDependencyOnFailure: true,
};

/** Options of the document-level parent job. */
export const DOCUMENT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 10_000 },
};

/**
 * Log a Queue/FlowProducer error. Connection errors are already reported by the connection's
 * own listener (once per reconnect attempt), so here they go to debug instead of repeating it.
 */
function logQueueError(logger: Logger | undefined, err: Error & { code?: string }, fields: Record<string, unknown> = {}): void {
  if (err.code && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND)$/.test(err.code)) logger?.debug({ ...fields, err: err.message }, "queue connection error");
  else logger?.error({ ...fields, err }, "queue error");
}

/** One BullMQ Queue per catalog queue, sharing a connection. */
export type QueueSet = Record<QueueName, Queue>;

/** Open every queue of the catalog (for producers, the viewer and the CLI). */
export function createQueues(connection: RedisClient, prefix: string, logger?: Logger): QueueSet {
  const entries = QUEUE_NAMES.map((name) => {
    const q = new Queue(name, { connection, prefix });
    q.on("error", (err) => logQueueError(logger, err, { queue: name }));
    return [name, q] as const;
  });
  return Object.fromEntries(entries) as QueueSet;
}

/** Close every queue of a set. */
export async function closeQueues(queues: QueueSet): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** A FlowProducer for document flows. */
export function createFlowProducer(connection: RedisClient, prefix: string, logger?: Logger): FlowProducer {
  const flow = new FlowProducer({ connection, prefix });
  flow.on("error", (err) => logQueueError(logger, err, { flowProducer: true }));
  return flow;
}
