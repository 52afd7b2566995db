import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import type { Command } from "../main.js";
import { UsageError } from "../errors.js";

const TASKS: Record<string, () => Promise<(dataPath: string) => Promise<object>>> = {
  ner: async () => (await import("../eval/eval-ner.js")).evalNer,
  quotes: async () => (await import("../eval/eval-quotes.js")).evalQuotes,
  summaries: async () => (await import("../eval/eval-summaries.js")).evalSummaries,
};

/** `newsflow eval TASK --data PATH`: prints progress on stderr and one JSON object as the last stdout line. */
export const evalCommand: Command = async (argv) => {
  const { values, positionals } = parseArgs({ args: argv, options: { data: { type: "string" } }, allowPositionals: true });
  const task = positionals[0];
  const load = task ? TASKS[task] : undefined;
  if (!load) throw new UsageError(`expected a task: ${Object.keys(TASKS).join(", ")}`);
  if (!values.data) throw new UsageError("--data PATH is required");
  if (!existsSync(values.data)) throw new UsageError(`no such file: ${values.data}`);
  const result = await (await load())(values.data);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
};
