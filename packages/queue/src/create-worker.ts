import { QUEUES, type QueueName } from "@newsflow/contracts";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { z } from "zod";
import type { RedisClient } from "./connection.js";
import type { Logger } from "./logger.js";

type Payload<Q extends QueueName> = z.infer<(typeof QUEUES)[Q]["payload"]>;

/** What a worker app provides: the handling of one validated payload. */
export type Processor<Q extends QueueName> = (payload: Payload<Q>, job: Job, log: Logger) => Promise<unknown>;

/** Records a final failure; awaited before BullMQ marks the job failed. */
export type FinalFailureHandler<Q extends QueueName> = (payload: Payload<Q>, job: Job, err: Error) => Promise<void>;

export interface CreateWorkerOptions<Q extends QueueName> {
  queue: Q;
  connection: RedisClient;
  prefix: string;
  concurrency: number;
  logger: Logger;
  process: Processor<Q>;
  /** Called once a job fails for good (its last attempt, or an unrecoverable error). */
  onFinalFailure?: FinalFailureHandler<Q>;
  /** How often to look for jobs whose worker died (BullMQ stalled-job check), in ms. */
  stalledInterval?: number;
  lockDuration?: number;
}

/** Thrown for a payload that does not match the catalog schema: never retried. */
export class InvalidPayloadError extends UnrecoverableError {
  constructor(queue: string, issues: string) {
    super(`invalid ${queue} payload: ${issues}`);
    this.name = "InvalidPayloadError";
  }
}

/** Whether this failure of the job is its last: an unrecoverable error, or no attempt left. */
export function isFinalAttempt(job: Job, err: unknown): boolean {
  return err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * A BullMQ worker for one catalog queue: validates each payload against the catalog schema
 * (a malformed payload fails permanently), runs the processor with a per-job child logger, and
 * on a job's last failed attempt records the failure (`onFinalFailure`) inside the job's own
 * processing, before BullMQ marks it failed: a crash in between leaves the job active, its lock
 * expires and the attempt runs again, so the record cannot be lost.
 */
export function createWorker<Q extends QueueName>(opts: CreateWorkerOptions<Q>): Worker {
  const schema = QUEUES[opts.queue].payload;
  const worker = new Worker(
    opts.queue,
    async (job: Job) => {
      const parsed = schema.safeParse(job.data);
      if (!parsed.success) {
        throw new InvalidPayloadError(opts.queue, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      }
      const payload = parsed.data as Payload<Q>;
      const log = opts.logger.child({ queue: opts.queue, jobId: job.id, docId: (payload as { docId: string }).docId });
      try {
        return await opts.process(payload, job, log);
      } catch (err) {
        const final = isFinalAttempt(job, err);
        log.warn({ err: (err as Error).message, attemptsMade: job.attemptsMade + 1, final }, "job failed");
        if (final && opts.onFinalFailure) await opts.onFinalFailure(payload, job, err as Error);
        throw err;
      }
    },
    {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency,
      autorun: false,
      stalledInterval: opts.stalledInterval ?? 30_000,
      lockDuration: opts.lockDuration ?? 30_000,
      maxStalledCount: 2,
      metrics: { maxDataPoints: 60 * 24 },
    },
  );
  worker.on("error", (err) => opts.logger.error({ err, queue: opts.queue }, "worker error"));
  // A job whose workers kept dying fails in BullMQ's stalled-job check, where none of our code
  // runs; record that failure here (the payload is valid: it was added by the producer).
  worker.on("failed", (job, err) => {
    if (!job || !opts.onFinalFailure || !/stalled more than allowable limit/.test(err.message)) return;
    const parsed = schema.safeParse(job.data);
    if (!parsed.success) return;
    opts.onFinalFailure(parsed.data as Payload<Q>, job, err).catch((e: unknown) => opts.logger.error({ err: e, queue: opts.queue, jobId: job.id }, "recording a stalled job's failure failed"));
  });
  return worker;
}
