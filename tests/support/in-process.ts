import type { QueueName } from "@newsflow/contracts";
import { createLogger, createRedis, createWorker, type Deployment, type PartitionedQueues, type QueueSet, type RedisClient, type WorkerSetup } from "@newsflow/queue";
import type { Queue, Worker } from "bullmq";

/** Workers running in the test process (so a test can poison or slow an analysis), one per partition and queue. */
export interface InProcessWorkers {
  start<Q extends QueueName>(queue: Q, setup: WorkerSetup<Q>): void;
  stop(): Promise<void>;
}

/** In-process workers on their own blocking connection to the deployment's Redis. */
export function inProcessWorkers(deployment: Deployment, url: string): InProcessWorkers {
  const logger = createLogger("test", "silent");
  const blocking: RedisClient = createRedis({ url }, { blocking: true });
  const workers: Worker[] = [];
  return {
    start(queue, setup) {
      for (const prefix of deployment.keys.partitionPrefixes) {
        const w = createWorker({ queue, connection: blocking, prefix, concurrency: 2, logger, ...setup });
        void w.run();
        workers.push(w);
      }
    },
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      await blocking.quit();
    },
  };
}

/**
 * The deployment's queues with every `addBulk` going through `hook` (which calls `add` to add
 * the jobs): a test can fail or interrupt the producer at a chosen batch.
 */
export function hookAddBulk(queues: PartitionedQueues, hook: (add: () => Promise<unknown>) => Promise<unknown>): PartitionedQueues {
  return queues.map((set) => {
    const wrapped: Record<string, Queue> = {};
    for (const [name, queue] of Object.entries(set)) {
      const w = Object.create(queue) as Queue;
      w.addBulk = ((jobs: Parameters<Queue["addBulk"]>[0]) => hook(() => queue.addBulk(jobs))) as Queue["addBulk"];
      wrapped[name] = w;
    }
    return wrapped as QueueSet;
  });
}
