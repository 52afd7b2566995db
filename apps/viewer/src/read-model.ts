import { QUEUE_NAMES } from "@newsflow/contracts";
import type { PartitionedQueues, RedisClient } from "@newsflow/queue";
import { countOf } from "@newsflow/store";

/** Redis status and each queue's job counts, summed over the partitions. */
export async function readHealth(redis: RedisClient, queues: PartitionedQueues) {
  let redisInfo: { ok: boolean; usedMemoryBytes?: number; version?: string; error?: string };
  try {
    const info = await (redis as { info: (s: string) => Promise<string> }).info("memory");
    const server = await (redis as { info: (s: string) => Promise<string> }).info("server");
    redisInfo = {
      ok: true,
      usedMemoryBytes: Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0),
      version: /redis_version:([^\r\n]+)/.exec(server)?.[1],
    };
  } catch (err) {
    redisInfo = { ok: false, error: (err as Error).message };
  }
  const queueCounts = await Promise.all(
    QUEUE_NAMES.map(async (name) => {
      // Every replica serves every partition: the workers of one partition are the workers of the queue.
      const [perPartition, workers] = await Promise.all([
        Promise.all(queues.map((set) => set[name].getJobCounts("waiting", "active", "completed", "failed", "delayed", "prioritized"))),
        queues[0]![name].getWorkersCount().catch(() => 0),
      ]);
      const counts: Record<string, number> = {};
      for (const c of perPartition) for (const [state, n] of Object.entries(c)) counts[state] = (counts[state] ?? 0) + n;
      const pending = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
      return { name, counts, workers, warning: pending > 0 && workers === 0 ? `${countOf(pending, "job")} waiting and no worker is running for '${name}'` : null };
    }),
  );
  return { redis: redisInfo, queues: queueCounts };
}
