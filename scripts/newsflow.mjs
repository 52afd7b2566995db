#!/usr/bin/env node
// `npm run -s newsflow -- <command>`: builds on first use, then runs the CLI in this process.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const main = join(root, "apps/cli/dist/main.js");
if (!existsSync(main) || !existsSync(join(root, "node_modules"))) {
  const r = spawnSync("node", [join(root, "scripts/bootstrap.mjs")], { stdio: ["ignore", 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { runCli } = await import(pathToFileURL(main).href);
process.exitCode = await runCli(process.argv.slice(2));
