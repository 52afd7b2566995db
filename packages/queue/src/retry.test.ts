import { describe, expect, it } from "vitest";
import { isConnectionError, withRedisRetry } from "./retry.js";

describe("withRedisRetry", () => {
  it("runs an operation again after a connection error", async () => {
    let calls = 0;
    const result = await withRedisRetry(async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error("Command aborted due to connection close"), { name: "AbortError" });
      return "done";
    });
    expect(result).toBe("done");
    expect(calls).toBe(3);
  });

  it("does not retry any other error", async () => {
    let calls = 0;
    await expect(
      withRedisRetry(async () => {
        calls++;
        throw new Error("WRONGTYPE Operation against a key holding the wrong kind of value");
      }),
    ).rejects.toThrow("WRONGTYPE");
    expect(calls).toBe(1);
    expect(isConnectionError(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(true);
  });
});
