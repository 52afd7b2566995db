#!/usr/bin/env node
import { closeOnSignals, createLogger, openDeployment, runMain } from "@newsflow/queue";
import { createServer } from "./create-server.js";
import { parseEnv } from "./env.js";
import { serveViewer } from "./serve-viewer.js";

await runMain("viewer", async () => {
  const env = parseEnv();
  const logger = createLogger("viewer", env.LOG_LEVEL);
  const deployment = await openDeployment(env, logger);
  const app = createServer({ ...deployment, adminToken: env.VIEWER_ADMIN_TOKEN });
  const viewer = await serveViewer(app, env.VIEWER_HOST, env.VIEWER_PORT);
  logger.info({ url: `http://${env.VIEWER_HOST}:${viewer.port}/` }, "viewer listening");
  closeOnSignals([() => viewer.close(), () => deployment.close()], logger);
});
