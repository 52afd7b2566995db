#!/usr/bin/env node
import { pathToFileURL } from "node:url";
import type { EnvSource } from "./env.js";
import { RunDeletedError, UsageError } from "./errors.js";

/** A CLI command: takes its arguments (after the command name), returns the exit code. */
export type Command = (argv: string[], env: EnvSource) => Promise<number>;

/** Each command's usage lines (`summary`: one per form of the command) and its module. */
const COMMANDS: Record<string, { summary: string | string[]; load: () => Promise<Command> }> = {
  run: { summary: "run PATH... [--run-id ID] [--wait] [--json]   enqueue documents (files, folders, - for stdin)", load: async () => (await import("./commands/run.js")).runCommand },
  extract: { summary: "extract PATH... [--json]   what run would enqueue, without Redis: one line per document", load: async () => (await import("./commands/extract.js")).extractCommand },
  start: { summary: "start [PATH...]   workers + viewer + a batch over PATH (default seeds/), then serve", load: async () => (await import("./commands/start.js")).startCommand },
  status: { summary: "status RUN [--json]   progress of a run", load: async () => (await import("./commands/status.js")).statusCommand },
  runs: { summary: ["runs [--json] [--limit N]   list batch runs", "runs delete RUN [--force] [--json]   delete a run and all it owns"], load: async () => (await import("./commands/runs.js")).runsCommand },
  export: { summary: "export RUN [--format jsonl]   every document of a run with all results", load: async () => (await import("./commands/export.js")).exportCommand },
  retry: { summary: "retry RUN   re-enqueue the failed paragraphs of a run", load: async () => (await import("./commands/retry.js")).retryCommand },
  reindex: { summary: "reindex [RUN] [--json]   rebuild the entity index of a run (or of every document) from the stored results", load: async () => (await import("./commands/reindex.js")).reindexCommand },
  bench: { summary: "bench [--paragraphs N]   pipeline vs queue ceiling vs in-process NLP", load: async () => (await import("./commands/bench.js")).benchCommand },
  eval: { summary: "eval ner|quotes|summaries|html [--data PATH] [--model PATH]   score the NLP or the article extraction on annotated data", load: async () => (await import("./commands/eval.js")).evalCommand },
};

const usageLines = (summary: string | string[]): string[] => (Array.isArray(summary) ? summary : [summary]).map((line) => `  ${line}`);

function usage(): string {
  return ["usage: newsflow <command> [options]", "", ...Object.values(COMMANDS).flatMap((c) => usageLines(c.summary))].join("\n");
}

const HELP = new Set(["--help", "-h"]);

/**
 * Runs the newsflow CLI and returns its exit code; user errors print one line on stderr (exit code
 * 2), and so does a run deleted while a command watched it (exit code 1).
 */
export async function runCli(argv: string[], env: EnvSource): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`newsflow: unknown command '${name}' (try 'newsflow help')\n`);
    return 2;
  }
  // `newsflow <command> --help`: that command's usage, before its options are read.
  if (rest.some((arg) => HELP.has(arg))) {
    process.stdout.write(`usage: newsflow\n${usageLines(command.summary).join("\n")}\n`);
    return 0;
  }
  try {
    return await (await command.load())(rest, env);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`newsflow ${name}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof RunDeletedError) {
      process.stderr.write(`newsflow: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await runCli(process.argv.slice(2), process.env);
}
