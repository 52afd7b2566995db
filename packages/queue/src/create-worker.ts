import { type Job, UnrecoverableError, Worker } from "bullmq";
import { QUEUES, type QueueName } from "@newsflow/contracts";
import type { z } from "zod";
import type { RedisClient } from "./connection.js";
import type { Logger } from "./logger.js";

type Payload<Q extends QueueName> = z.infer<(typeof QUEUES)[Q]["payload"]>;

/** What a worker app provides: the handling of one validated payload. */
export type Processor<Q extends QueueName> = (payload: Payload<Q>, job: Job, log: Logger) => Promise<unknown>;

export interface CreateWorkerOptions<Q extends QueueName> {
  queue: Q;
  connection: RedisClient;
  prefix: string;
  concurrency: number;
  logger: Logger;
  process: Processor<Q>;
  /** Called once a job has failed for good (after its last attempt, or unrecoverably). */
  onFinalFailure?: (payload: Payload<Q> | undefined, job: Job, err: Error) => Promise<void>;
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

/**
 * A BullMQ worker for one catalog queue: validates each payload against the catalog schema
 * (a malformed payload fails permanently), runs the processor with a per-job child logger and
 * reports final failures.
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
      const log = opts.logger.child({ queue: opts.queue, jobId: job.id, docId: (parsed.data as { docId: string }).docId });
      return opts.process(parsed.data as Payload<Q>, job, log);
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
  worker.on("failed", (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    const log = opts.logger.child({ queue: opts.queue, jobId: job.id });
    log.warn({ err: err.message, attemptsMade: job.attemptsMade, final }, "job failed");
    if (final && opts.onFinalFailure) {
      const parsed = schema.safeParse(job.data);
      opts.onFinalFailure(parsed.success ? (parsed.data as Payload<Q>) : undefined, job, err).catch((e: unknown) =>
        log.error({ err: e }, "recording final failure failed"),
      );
    }
  });
  return worker;
}
