import { vi } from "vitest";

/** What `run` writes to `stream`, one entry per write, kept from the terminal. For tests. */
export async function written(stream: NodeJS.WriteStream, run: () => Promise<unknown>): Promise<string[]> {
  const chunks: string[] = [];
  const spy = vi.spyOn(stream, "write").mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return chunks;
}
