import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { createStore, type Store } from "./create-store.js";
import { createKeys } from "./keys.js";

/**
 * A test file's real Redis (at `url`, the test's REDIS_URL; else the local one) and its stores,
 * each with a deployment name of its own (`<prefix>-<random>`): connects before the file's tests,
 * deletes every key of those deployments after them. Call it once at the top of the file.
 */
export function testStores(prefix: string, url = "redis://127.0.0.1:6379"): { redis: Redis; freshStore: (partitions?: number) => Store } {
  const redis = new Redis(url, { lazyConnect: true });
  const names: string[] = [];
  beforeAll(async () => {
    await redis.connect();
  });
  afterAll(async () => {
    for (const name of names) {
      const keys = await redis.keys(`{${name}*`);
      if (keys.length) await redis.del(...keys);
    }
    await redis.quit();
  });
  const freshStore = (partitions = 1): Store => {
    const name = `${prefix}-${randomUUID().slice(0, 8)}`;
    names.push(name);
    return createStore(redis, createKeys(name, partitions));
  };
  return { redis, freshStore };
}
