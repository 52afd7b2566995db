#!/usr/bin/env node
import { closeOnSignals, createLogger, createRedis, openDeployment, redisConfigFromEnv, reportRedisErrors, runMain } from "@newsflow/queue";
import { createServer } from "./create-server.js";
import { parseEnv } from "./env.js";
import { serveViewer } from "./serve-viewer.js";

await runMain("viewer", async () => {
  const env = parseEnv();
  const logger = createLogger("viewer", env.LOG_LEVEL);
  const config = redisConfigFromEnv(env);
  const redis = createRedis(config);
  reportRedisErrors(redis, logger, config.url);
  const deployment = await openDeployment(env, logger, { redis });
  const app = createServer({
    ...deployment,
    adminToken: env.VIEWER_ADMIN_TOKEN,
    loginThrottle: { maxFailures: env.VIEWER_LOGIN_MAX_FAILURES, windowMs: env.VIEWER_LOGIN_WINDOW_MS },
    maxSse: env.VIEWER_MAX_SSE,
  });
  const viewer = await serveViewer(app, env.VIEWER_HOST, env.VIEWER_PORT);
  logger.info({ url: `http://${env.VIEWER_HOST}:${viewer.port}/` }, "viewer listening");
  closeOnSignals([() => viewer.close(), () => deployment.close()], logger);
});
