import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

/** A logger whose lines are collected in memory. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger("test", "info", sink), text: () => lines.join("\n") };
}

describe("createLogger", () => {
  it("logs an ioredis AUTH error without the password it was sent with", async () => {
    // A real reply from a real Redis: AUTH as a user the server does not have.
    const client = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 1 });
    const err = await client.auth("no-such-user", "s3cret-in-auth-args").catch((e: unknown) => e as Error);
    client.disconnect();
    expect((err as Error & { command: { args: string[] } }).command.args).toContain("s3cret-in-auth-args");
    const { logger, text } = capture();
    logger.error({ err }, "worker error");
    expect(text()).toContain("worker error");
    expect(text()).toContain('"name":"auth"');
    expect(text()).not.toContain("s3cret-in-auth-args");
  });

  it("masks passwords in URLs inside error messages and secret fields anywhere", () => {
    const { logger, text } = capture();
    const err = Object.assign(new Error("cannot reach redis://:hunter2-url@redis:6379/0"), { options: { password: "hunter2-opt" } });
    logger.warn({ err, redisUrl: "redis://:hunter2-field@redis:6379", config: { password: "hunter2-nested" } }, "redis connection error");
    for (const secret of ["hunter2-url", "hunter2-opt", "hunter2-field", "hunter2-nested"]) expect(text()).not.toContain(secret);
    expect(text()).toContain("redis://:***@redis:6379/0");
  });
});
