import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./errors.js";

/**
 * `parseArgs` with a bad flag (unknown option, missing value) as a one-line UsageError (exit 2)
 * instead of a stack trace.
 */
export function parseOptions<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    if (!(err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw err;
    throw new UsageError((err as Error).message.split("\n")[0]!.replace(/\. To specify a positional.*$/, ""));
  }
}
