#!/usr/bin/env node
// The bench's ceiling workers: every catalog queue of every partition with a processor that does
// nothing, in a process of its own like the real workers. Usage: noop-worker.js REDIS_URL NAME PARTITIONS
import { QUEUE_NAMES } from "@newsflow/contracts";
import { closeOnSignals, createLogger, createRedis, createWorker } from "@newsflow/queue";
import { createKeys } from "@newsflow/store";

const [url, name, partitions] = process.argv.slice(2);
if (!url || !name || !partitions) throw new Error("usage: noop-worker.js REDIS_URL NAME PARTITIONS");
const logger = createLogger("bench-noop", "error");
const connection = createRedis({ url }, { blocking: true });
const workers = createKeys(name, Number(partitions)).partitionPrefixes.flatMap((prefix) =>
  QUEUE_NAMES.map((queue) => createWorker({ queue, connection, prefix, concurrency: 50, logger, process: async () => null })),
);
for (const w of workers) void w.run();
closeOnSignals([() => Promise.all(workers.map((w) => w.close())), () => connection.quit()], logger);
