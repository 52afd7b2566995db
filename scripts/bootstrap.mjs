#!/usr/bin/env node
// Brings a fresh clone to a runnable state: dependencies installed, every package built and,
// with --test, a Chromium for the browser tests. Safe to run again: each step is skipped or
// cached when there is nothing to do. Progress goes to stderr so command output stays clean.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runPnpm } from "./pnpm.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toStderr = { cwd: root, stdio: ["ignore", 2, 2] };
const say = (msg) => process.stderr.write(`newsflow: ${msg}\n`);

function mtime(p) {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  say(`Node ${process.versions.node} is too old: install Node 20 or newer`);
  process.exit(1);
}

if (mtime(join(root, "node_modules/.modules.yaml")) < mtime(join(root, "pnpm-lock.yaml"))) {
  say("installing dependencies");
  if (runPnpm(["install", "--frozen-lockfile"], toStderr) !== 0) process.exit(1);
}
say("building");
if (runPnpm(["exec", "turbo", "run", "build", "--output-logs=errors-only"], toStderr) !== 0) process.exit(1);

if (process.argv.includes("--test")) {
  const r = spawnSync("node", [join(root, "scripts/ensure-chromium.mjs")], { stdio: ["ignore", 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
