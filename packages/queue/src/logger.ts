import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs; messages are fixed strings, values go in fields. */
export function createLogger(name: string, level = "info"): Logger {
  return pino({ name, level, redact: ["redisUrl", "*.password", "adminToken"] });
}
