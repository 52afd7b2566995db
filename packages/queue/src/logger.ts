import { type DestinationStream, type Logger, pino, stdSerializers } from "pino";
import { redactUrl } from "./connection.js";

export type { Logger };

const SECRET_KEYS = /^(password|pass|auth|token|adminToken|authorization|cookie|redisUrl)$/i;

/**
 * A copy of a serialised value that can carry no credentials: ioredis errors hold the failed
 * command with its arguments (`AUTH <password>`, `HELLO 3 AUTH user <password>`, or a payload),
 * so a command keeps only its name; fields named like secrets are masked; passwords inside URLs
 * in any string are masked.
 */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactUrl(value);
  if (value === null || typeof value !== "object" || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEYS.test(key)) out[key] = "[redacted]";
    else if (key === "command" && v && typeof v === "object" && "name" in v) out[key] = { name: (v as { name: unknown }).name };
    else out[key] = scrubSecrets(v, depth + 1);
  }
  return out;
}

/**
 * Structured JSON logs; messages are fixed strings, values go in fields. Credentials never
 * reach the output: errors (`err`, `error`) are serialised then scrubbed ({@link scrubSecrets}),
 * and the usual secret fields are redacted wherever they are logged.
 */
export function createLogger(name: string, level = "info", destination?: DestinationStream): Logger {
  const serializeError = (err: unknown) => scrubSecrets(err instanceof Error ? stdSerializers.err(err) : err);
  return pino(
    {
      name,
      level,
      redact: ["redisUrl", "password", "adminToken", "token", "*.password", "*.redisUrl", "*.adminToken", "*.token", "*.authorization", "*.cookie"],
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}
