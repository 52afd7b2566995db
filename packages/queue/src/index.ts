export { checkRedis, createRedis, hashTaggedPrefix, type RedisClient, type RedisConfig, redactUrl } from "./connection.js";
export { type CreateWorkerOptions, createWorker, InvalidPayloadError, type Processor } from "./create-worker.js";
export { parseEnvWith, RedisEnv, redisConfigFromEnv } from "./env.js";
export { RedisUnavailableError } from "./errors.js";
export { createLogger, type Logger } from "./logger.js";
export { closeQueues, createFlowProducer, createQueues, DOCUMENT_JOB_OPTIONS, PARAGRAPH_JOB_OPTIONS, type QueueSet } from "./queues.js";
export { type Closer, closeOnSignals } from "./shutdown.js";
export { startWorkerApp, WorkerEnv, type WorkerSetup } from "./worker-app.js";
export { createParagraphProcessor, type ParagraphSink } from "./paragraph-processor.js";
