#!/usr/bin/env node
// Adds up the JSON reports that every package's vitest run wrote and prints one closing line,
// `N passed, N failed`, so the whole suite's result is readable at a glance (and by CI).
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dirs = ["packages", "apps"].flatMap((d) => readdirSync(join(root, d)).map((n) => join(root, d, n))).concat(join(root, "tests"));
let passed = 0;
let failed = 0;
let skipped = 0;
const clean = process.argv.includes("--clean");
for (const dir of dirs) {
  const file = join(dir, ".vitest-report.json");
  if (!existsSync(file)) continue;
  if (clean) {
    rmSync(file);
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests ?? 0;
  // A file that fails to load has no failed tests of its own: count it once.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).every((a) => a.status !== "failed")).length;
  failed += (r.numFailedTests ?? 0) + brokenFiles;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (!clean) process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
