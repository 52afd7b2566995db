/** An error the user can fix (bad flag, bad path, Redis unreachable): printed as one line, no stack. */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UsageError";
  }
}
