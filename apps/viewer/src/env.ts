import { parseEnvWith, RedisEnv } from "@newsflow/queue";
import { z } from "zod";

/** Environment of the viewer. */
export const ViewerEnv = RedisEnv.extend({
  VIEWER_HOST: z.string().default("127.0.0.1"),
  VIEWER_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Enables admin actions (retry/remove failed jobs, /admin/queues) for requests that carry it. */
  VIEWER_ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
});
export type ViewerEnv = z.infer<typeof ViewerEnv>;

/** Parse the viewer's environment (call once, in main). */
export function parseEnv(source: Record<string, string | undefined> = process.env): ViewerEnv {
  return parseEnvWith(ViewerEnv, source);
}
