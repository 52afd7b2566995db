import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./errors.js";

/**
 * `parseArgs` with a bad flag (unknown option, missing value) as a one-line UsageError (exit 2)
 * instead of a stack trace; a value that starts with a dash ("--paragraphs -5") is told how to write
 * it rather than called ambiguous.
 */
export function parseOptions<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    if (!(err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw err;
    const first = (err as Error).message.split("\n")[0]!.replace(/\. To specify a positional.*$/, "");
    // "--paragraphs -5": Node reads -5 as an option and calls the value "ambiguous".
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(first);
    throw new UsageError(ambiguous ? `option '${ambiguous[1]}' needs a value: to give one that starts with a dash, write ${ambiguous[1]}=VALUE` : first);
  }
}
