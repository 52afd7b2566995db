import { serve } from "@hono/node-server";
import type { Hono } from "hono";

/** A listening viewer. */
export interface ServedViewer {
  port: number;
  close(): Promise<void>;
}

/** Serve the viewer app on `host:port`; with `fallback`, try the next ports when it is taken. */
export async function serveViewer(app: Hono, host: string, port: number, options: { fallback?: boolean } = {}): Promise<ServedViewer> {
  const ports = options.fallback ? [port, port + 1, port + 2, port + 3, 0] : [port];
  let lastError: unknown;
  for (const p of ports) {
    try {
      return await new Promise<ServedViewer>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, hostname: host, port: p }, (info) =>
          resolve({ port: info.port, close: () => new Promise((r) => server.close(() => r())) }),
        );
        server.once("error", reject);
      });
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
