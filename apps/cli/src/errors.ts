/** An error the user can fix (bad flag, bad path, Redis unreachable): printed as one line, no stack. */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UsageError";
  }
}

/**
 * The run a command was watching (`run --wait`, `start`, `bench`) was deleted meanwhile (`runs
 * delete`, the dashboard): printed as one line, no stack, exit code 1 (as a producer whose run was
 * deleted while it added to it).
 */
export class RunDeletedError extends Error {
  constructor(runId: string) {
    super(`run ${runId} was deleted while it was being watched`);
    this.name = "RunDeletedError";
  }
}
