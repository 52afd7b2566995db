import { parseEnvWith, RedisEnv } from "@newsflow/queue";
import { z } from "zod";

/** Environment of the viewer. */
export const ViewerEnv = RedisEnv.extend({
  VIEWER_HOST: z.string().default("127.0.0.1"),
  VIEWER_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Enables admin actions (retry/remove failed jobs, /admin/queues) for requests that carry it. */
  VIEWER_ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Failed admin sign-ins (form, header or cookie) a client may make per window before it is refused (429). */
  VIEWER_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  VIEWER_LOGIN_WINDOW_MS: z.coerce.number().int().min(1000).default(15 * 60_000),
  /** Live-update streams (Server-Sent Events) open at once; past it a new one gets 503. Each polls Redis once a second. */
  VIEWER_MAX_SSE: z.coerce.number().int().min(1).max(10_000).default(100),
});
export type ViewerEnv = z.infer<typeof ViewerEnv>;

/** Parse the viewer's environment (call once, in main). */
export function parseEnv(source: Record<string, string | undefined> = process.env): ViewerEnv {
  return parseEnvWith(ViewerEnv, source);
}
