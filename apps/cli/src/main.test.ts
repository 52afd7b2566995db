import { describe, expect, it, vi } from "vitest";
import { runCli } from "./main.js";

/** What `runCli` wrote on stdout and stderr, and its exit code. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await runCli(argv, {});
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe("runCli", () => {
  it("prints one usage line per form of a command", async () => {
    const { code, stdout } = await run(["help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}runs \[--json\] \[--limit N\] {3}list batch runs$/m);
    expect(stdout).toMatch(/^ {2}runs delete RUN \[--force\] \[--json\] {3}delete a run and all it owns$/m);
  });

  it("answers a command's --help with its usage, not as an unknown option", async () => {
    // 'newsflow runs --help' said "Unknown option '--help'" and exited 2.
    const { code, stdout, stderr } = await run(["runs", "--help"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("runs delete RUN [--force] [--json]");
    const status = await run(["status", "-h"]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain("status RUN [--json]");
  });
});
