export { checkRedis, createRedis, isAuthError, type RedisClient, type RedisConfig, redactUrl, reportRedisErrors } from "./connection.js";
export { type CreateWorkerOptions, createWorker, type FinalFailureHandler, InvalidPayloadError, isFinalAttempt, type Processor } from "./create-worker.js";
export { deleteRun, type RunDeletion } from "./delete-run.js";
export { type Deployment, openDeployment } from "./deployment.js";
export { EnvError, parseEnvWith, RedisEnv, redisConfigFromEnv } from "./env.js";
export { RedisUnavailableError, RunBusyError } from "./errors.js";
export { createLogger, type Logger, scrubSecrets } from "./logger.js";
export { createParagraphProcessor, ParagraphTaskError } from "./paragraph-processor.js";
export {
  addPlannedJobs,
  documentJobs,
  enqueueDocumentStep,
  type FailedJobRetry,
  type PipelineDeps,
  type PlannedJob,
  paragraphSlices,
  type RetryCounts,
  type RetryScope,
  retryDocument,
  retryFailedJob,
  retryRun,
  SLICE_CHARS,
  SLICE_PARAGRAPHS,
  type Slice,
  sliceJobId,
} from "./pipeline.js";
export { freePort, type Managed, manage, startPrivateRedis } from "./processes.js";
export {
  closeQueues,
  createPartitionedQueues,
  createQueues,
  DOCUMENT_JOB_OPTIONS,
  EVENTS_MAX_LEN,
  PARAGRAPH_JOB_OPTIONS,
  type PartitionedQueues,
  type QueueSet,
} from "./queues.js";
export { isConnectionError, withRedisRetry } from "./retry.js";
export { runMain } from "./run-main.js";
export { type Closer, closeOnSignals } from "./shutdown.js";
export { startWorkerApp, WorkerEnv, type WorkerSetup } from "./worker-app.js";
