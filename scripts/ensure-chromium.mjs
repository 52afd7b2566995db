#!/usr/bin/env node
// Finds a Chromium for the browser tests, installing Debian's package when it is missing and we
// may (root with apt-get). Prints the path it found on stdout.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const found = () => candidates.find((p) => p && existsSync(p));
const say = (msg) => process.stderr.write(`newsflow: ${msg}\n`);

if (!found()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    say("installing Debian's chromium for the browser tests");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: ["ignore", 2, 2], env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: ["ignore", 2, 2], env });
  }
}
const path = found();
if (!path) {
  say("no Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH");
  process.exit(1);
}
process.stdout.write(`${path}\n`);
