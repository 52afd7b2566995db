#!/usr/bin/env node
import { closeOnSignals, closeQueues, createLogger, createQueues, createRedis, hashTaggedPrefix, redisConfigFromEnv, reportRedisErrors } from "@newsflow/queue";
import { createStore } from "@newsflow/store";
import { createServer } from "./create-server.js";
import { parseEnv } from "./env.js";
import { serveViewer } from "./serve-viewer.js";

const env = parseEnv();
const logger = createLogger("viewer", env.LOG_LEVEL);
const cfg = redisConfigFromEnv(env);
const prefix = hashTaggedPrefix(cfg.prefix);
const redis = createRedis(cfg);
reportRedisErrors(redis, logger, cfg.url);
const queues = createQueues(redis, prefix, logger);
const app = createServer({
  store: createStore(redis, prefix),
  queues,
  redis,
  adminToken: env.VIEWER_ADMIN_TOKEN,
  loginThrottle: { maxFailures: env.VIEWER_LOGIN_MAX_FAILURES, windowMs: env.VIEWER_LOGIN_WINDOW_MS },
  maxSse: env.VIEWER_MAX_SSE,
});
const viewer = await serveViewer(app, env.VIEWER_HOST, env.VIEWER_PORT);
logger.info({ url: `http://${env.VIEWER_HOST}:${viewer.port}/` }, "viewer listening");
closeOnSignals([() => viewer.close(), () => closeQueues(queues), () => redis.quit()], logger);
