import { existsSync } from "node:fs";
import { sharedDataPath } from "@newsflow/nlp-train";
import { UsageError } from "../errors.js";
import type { Command } from "../main.js";
import { parseOptions } from "../parse-options.js";

/**
 * An evaluation: the data's path, for a task with a model file another model to score, and for a
 * task that lists its errors where to write them.
 */
type Evaluate = (dataPath: string, modelPath?: string, onErrors?: (text: string) => void) => Promise<object>;

const TASKS: Record<string, () => Promise<Evaluate>> = {
  ner: async () => (await import("../eval/eval-ner.js")).evalNer,
  quotes: async () => (await import("../eval/eval-quotes.js")).evalQuotes,
  summaries: async () => (await import("../eval/eval-summaries.js")).evalSummaries,
  html: async () => (await import("../eval/eval-html.js")).evalHtml,
};

/** Tasks that score a model file, the shipped one unless `--model` names another. */
const MODEL_TASKS = new Set(["ner", "quotes"]);

/** Tasks that can list their errors (`--errors`). */
const ERROR_TASKS = new Set(["ner"]);

/** Tasks whose data has a default place in the shared data (`--data` overrides it). */
const DEFAULT_DATA: Record<string, () => string> = { html: () => sharedDataPath("html") };

/**
 * `newsflow eval TASK [--data PATH] [--model PATH] [--errors]`: prints progress on stderr and one
 * JSON object as the last stdout line. `--model` scores another model file than the shipped one
 * (ner, quotes); `--errors` (ner) prints each sentence with a missed or wrong mention on stdout
 * first, with what was missed and what was wrong.
 */
export const evalCommand: Command = async (argv) => {
  const { values, positionals } = parseOptions({ args: argv, options: { data: { type: "string" }, model: { type: "string" }, errors: { type: "boolean" } }, allowPositionals: true });
  const task = positionals[0];
  const load = task ? TASKS[task] : undefined;
  if (!task || !load) throw new UsageError(`expected a task: ${Object.keys(TASKS).join(", ")}`);
  const data = values.data ?? DEFAULT_DATA[task]?.();
  if (!data) throw new UsageError("--data PATH is required");
  if (!existsSync(data)) throw new UsageError(`no such file: ${data}`);
  if (values.model !== undefined) {
    if (!MODEL_TASKS.has(task)) throw new UsageError(`--model is for ${[...MODEL_TASKS].join(" and ")}, not ${task}`);
    if (!existsSync(values.model)) throw new UsageError(`no such file: ${values.model}`);
  }
  if (values.errors && !ERROR_TASKS.has(task)) throw new UsageError(`--errors is for ${[...ERROR_TASKS].join(", ")}, not ${task}`);
  const onErrors = values.errors ? (text: string) => process.stdout.write(text) : undefined;
  const result = await (await load())(data, values.model, onErrors);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
};
