/** Redis could not be reached or refused us; the message is one line a user can act on. */
export class RedisUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RedisUnavailableError";
  }
}

/** A run cannot be deleted now (its work is queued or running, or a producer is adding to it); the message says why and what to do. */
export class RunBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunBusyError";
  }
}
