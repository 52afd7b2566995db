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

/** One BullMQ Queue per catalog queue, sharing a connection. */
export type QueueSet = Record<QueueName, Queue>;

/** Open every queue of the catalog (for producers, the viewer and the CLI). */
export function createQueues(connection: RedisClient, prefix: string, logger?: Logger): QueueSet {
  const entries = QUEUE_NAMES.map((name) => {
    const q = new Queue(name, { connection, prefix });
    q.on("error", (err) => logger?.error({ err, queue: name }, "queue error"));
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
  flow.on("error", (err) => logger?.error({ err }, "flow producer error"));
  return flow;
}
