import { randomUUID } from "node:crypto";
import type { Paragraph } from "@newsflow/contracts";
import type { Job } from "bullmq";
import { type Deployment, openDeployment } from "./deployment.js";
import { RedisEnv } from "./env.js";
import { createLogger, type Logger } from "./logger.js";

/**
 * For the worker apps' own tests: a deployment of its own on a real Redis (`REDIS_URL` of the
 * given environment, else the local one), whose keys are deleted again by `close()`.
 */
export async function openTestDeployment(source: Record<string, string | undefined>, partitions = 1): Promise<Deployment> {
  const name = `test-${randomUUID().slice(0, 8)}`;
  const env = RedisEnv.parse({ REDIS_URL: source.REDIS_URL, NEWSFLOW_PREFIX: name, NEWSFLOW_PARTITIONS: String(partitions) });
  const deployment = await openDeployment(env, createLogger("test", "silent"));
  const close = deployment.close;
  deployment.close = async () => {
    const keys = await deployment.redis.keys(`{${name}*`);
    if (keys.length) await deployment.redis.del(...keys);
    await close();
  };
  return deployment;
}

/** Store a document of the given paragraph texts in a run of its own; returns its paragraphs. */
export async function putTestDocument(deployment: Deployment, docId: string, texts: string[]): Promise<Paragraph[]> {
  let offset = 0;
  const paragraphs = texts.map((text, index) => {
    const p = { index, start: offset, end: offset + text.length, text };
    offset += text.length + 2;
    return p;
  });
  await deployment.store.createRun(`run-${docId}`, ["test"], { id: "test", leaseMs: 60_000 });
  const meta = { id: docId, title: null, source: "test", url: null, publishedAt: null, paragraphCount: paragraphs.length, createdAt: Date.now(), contentHash: docId };
  await deployment.store.putDocument(`run-${docId}`, 0, meta, paragraphs);
  await deployment.store.finishEnqueue(`run-${docId}`, "test");
  return paragraphs;
}

/** What a processor is handed besides the payload: a job on its first attempt of `attempts`, and a silent logger. */
export function testJob(attempts = 1): { job: Job; log: Logger } {
  return { job: { attemptsMade: 0, opts: { attempts } } as unknown as Job, log: createLogger("test", "silent") };
}
