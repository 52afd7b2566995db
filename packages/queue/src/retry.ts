/** Whether an error means the connection to Redis went away (the command may be sent again). */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as Error & { code?: string }).code;
  return (
    err.name === "AbortError" ||
    (code !== undefined && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code)) ||
    /Connection is closed|Command aborted due to connection close|LOADING|Stream isn't writeable/.test(err.message)
  );
}

/**
 * Run a Redis operation again while the connection is down (a Redis restart), with backoff, for
 * up to `timeoutMs`. Only for idempotent operations: a MULTI cut off by the restart may or may
 * not have been applied.
 */
export async function withRedisRetry<T>(operation: () => Promise<T>, options: { timeoutMs?: number; onRetry?: (err: Error) => void } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (err) {
      if (!isConnectionError(err) || Date.now() > deadline) throw err;
      options.onRetry?.(err as Error);
      await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 2000)));
    }
  }
}
