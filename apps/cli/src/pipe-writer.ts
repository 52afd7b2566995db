/**
 * Writes to a stream (stdout) that wait while a full pipe drains and stop quietly once the
 * reader has gone (`newsflow export RUN | head`): an EPIPE sets `closed`, as `cat` stops, where an
 * unhandled 'error' event would end the command with a stack trace.
 */
export function pipeWriter(out: NodeJS.WritableStream = process.stdout) {
  let closed = false;
  let wake = () => {};
  out.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    closed = true;
    wake();
  });
  return {
    /** True once the reader has closed the pipe: stop producing output. */
    get closed() {
      return closed;
    },
    async write(text: string): Promise<void> {
      if (closed || out.write(text)) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        out.once("drain", resolve);
      });
    },
  };
}
