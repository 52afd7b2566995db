#!/usr/bin/env node
// `npm run -s newsflow -- <command>`: builds on first use, then runs the CLI.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const main = join(root, "apps/cli/dist/main.js");
if (!existsSync(main) || !existsSync(join(root, "node_modules"))) {
  const r = spawnSync("node", [join(root, "scripts/bootstrap.mjs")], { stdio: ["ignore", 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const args = process.argv.slice(2);
if (args[0] === "run" || args[0] === "extract") {
  // The producer streams its input and adds a large document's jobs in bounded batches, so its
  // live memory is small; a capped heap makes V8 collect early, keeping RSS low however large the
  // input (see README, Benchmark).
  const child = spawn(process.execPath, ["--max-old-space-size=256", main, ...args], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
} else {
  const { runCli } = await import(pathToFileURL(main).href);
  process.exitCode = await runCli(args, process.env);
}
