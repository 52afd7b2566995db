import type { Logger } from "./logger.js";

/** Something to close on shutdown, in order. */
export type Closer = () => Promise<unknown>;

/**
 * On SIGINT/SIGTERM run the closers in order (workers first: they stop taking jobs and finish
 * the active ones), then exit 0. A closer that takes longer than `timeoutMs` is abandoned (its
 * jobs' locks expire and another replica takes them). A second signal exits at once with 130.
 */
export function closeOnSignals(closers: Closer[], logger: Logger, timeoutMs = 25_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, "second signal, exiting now");
      process.exit(130);
    }
    closing = true;
    logger.info({ signal }, "shutting down");
    (async () => {
      for (const close of closers) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            logger.warn({ timeoutMs }, "close timed out, going on");
            resolve();
          }, timeoutMs);
        });
        await Promise.race([close().catch((err: unknown) => logger.error({ err }, "error while closing")), timeout]);
        clearTimeout(timer);
      }
      logger.info("closed");
      process.exit(0);
    })();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
