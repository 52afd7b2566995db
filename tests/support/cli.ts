import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { REPO_ROOT } from "@newsflow/cli/processes";

/** What a CLI run came to: its exit code and output. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: string[], env: NodeJS.ProcessEnv, stdin: "ignore" | "pipe", timeoutMs: number): { stdin: Writable | null; stderr: () => string; exited: Promise<CliResult> } {
  const child = spawn(process.execPath, [join(REPO_ROOT, "scripts/newsflow.mjs"), ...args], { env, stdio: [stdin, "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  child.stdout?.on("data", (d) => (stdout += d));
  child.stderr?.on("data", (d) => (stderr += d));
  const exited = new Promise<CliResult>((resolve) => {
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { stdin: child.stdin, stderr: () => stderr, exited };
}

/** Run the real `newsflow` CLI as a child process; resolves with its exit code and output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<CliResult> {
  return spawnCli(args, env, "ignore", timeoutMs).exited;
}

/**
 * Start the real `newsflow` CLI with a stdin the test writes and ends; `exited` as {@link runCli},
 * `stderr()` what it has written to stderr so far (for a test that waits for a line).
 */
export function startCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): { stdin: Writable; stderr: () => string; exited: Promise<CliResult> } {
  const { stdin, stderr, exited } = spawnCli(args, env, "pipe", timeoutMs);
  return { stdin: stdin!, stderr, exited };
}
