import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "./connection.js";
import { createWorker } from "./create-worker.js";
import { createLogger } from "./logger.js";

// A real Redis (REDIS_URL, else the local one), a queue prefix of this test's own.
const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `{worker-test-${randomUUID().slice(0, 8)}}`;
const connection = createRedis({ url }, { blocking: true });

describe("createWorker", () => {
  afterAll(async () => {
    const keys = await connection.keys(`${prefix}*`);
    if (keys.length) await connection.del(...keys);
    await connection.quit();
  });

  it("records a job's final failure before BullMQ marks the job failed, and never for an attempt that will be retried", async () => {
    const queue = new Queue("quotes", { connection, prefix });
    const recorded: Array<{ attempt: number; failedInRedis: boolean }> = [];
    let attempts = 0;
    const worker = createWorker({
      queue: "quotes",
      connection,
      prefix,
      concurrency: 1,
      logger: createLogger("test", "silent"),
      process: async () => {
        attempts++;
        throw new Error("always fails");
      },
      onFinalFailure: async (_payload, job) => {
        // A slow store write: with the record taken after the job is marked failed (a `failed`
        // listener), the job would already be failed here.
        await new Promise((r) => setTimeout(r, 200));
        recorded.push({ attempt: attempts, failedInRedis: await job.isFailed() });
      },
    });
    void worker.run();
    const job = await queue.add("quotes", { docId: "doc-1", first: 0, count: 2 }, { attempts: 2, backoff: { type: "fixed", delay: 10 } });
    for (let i = 0; i < 200 && !(await job.isFailed()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await job.isFailed()).toBe(true);
    expect(recorded).toEqual([{ attempt: 2, failedInRedis: false }]);
    await worker.close();
    await queue.close();
  });
});
