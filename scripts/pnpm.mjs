#!/usr/bin/env node
// Runs the pinned pnpm: the one on PATH when it is the right major, else through npx (corepack's
// signature check fails against some registries, so it is not used).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const wanted = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).packageManager.split("@")[1];

function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim().split(".")[0] === wanted.split(".")[0]) return ["pnpm", []];
  return ["npx", ["--yes", `pnpm@${wanted}`]];
}

export function runPnpm(args, options = {}) {
  const [cmd, pre] = pnpmCommand();
  const r = spawnSync(cmd, [...pre, ...args], { stdio: "inherit", ...options });
  return r.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(runPnpm(process.argv.slice(2)));
