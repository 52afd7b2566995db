#!/usr/bin/env node
// The bench's ceiling workers: every catalog queue with a processor that does nothing, in a
// process of its own like the real workers. Usage: noop-worker.js REDIS_URL PREFIX
import { QUEUE_NAMES } from "@newsflow/contracts";
import { closeOnSignals, createLogger, createRedis, createWorker } from "@newsflow/queue";

const [url, prefix] = process.argv.slice(2);
if (!url || !prefix) throw new Error("usage: noop-worker.js REDIS_URL PREFIX");
const logger = createLogger("bench-noop", "error");
const connection = createRedis({ url }, { blocking: true });
const workers = QUEUE_NAMES.map((queue) => createWorker({ queue, connection, prefix, concurrency: 50, logger, process: async () => null }));
for (const w of workers) void w.run();
closeOnSignals([() => Promise.all(workers.map((w) => w.close())), () => connection.quit()], logger);
