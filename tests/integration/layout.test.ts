import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "@newsflow/cli/processes";
import { describe, expect, it } from "vitest";

const workspaces = ["apps", "packages"].flatMap((dir) =>
  readdirSync(join(REPO_ROOT, dir)).map((name) => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, dir, name, "package.json"), "utf8")) as { name: string; dependencies?: Record<string, string>; scripts?: Record<string, string> };
    return { dir, path: join(REPO_ROOT, dir, name), name: pkg.name, scripts: pkg.scripts ?? {}, deps: Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith("@newsflow/")) };
  }),
);
const byName = new Map(workspaces.map((w) => [w.name, w]));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the layout of the house", () => {
  it("has apps that depend only on packages", () => {
    const edges = workspaces.filter((w) => w.dir === "apps").flatMap((w) => w.deps.filter((d) => byName.get(d)?.dir === "apps").map((d) => `${w.name} -> ${d}`));
    expect(edges).toEqual([]);
  });

  it("has no dependency cycles", () => {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (name: string, path: string[]) => {
      if (state.get(name) === "done") return;
      if (state.get(name) === "visiting") {
        cycles.push([...path, name].join(" -> "));
        return;
      }
      state.set(name, "visiting");
      for (const d of byName.get(name)?.deps ?? []) visit(d, [...path, name]);
      state.set(name, "done");
    };
    for (const w of workspaces) visit(w.name, []);
    expect(cycles).toEqual([]);
  });

  it("reads process.env only in an app's env.ts or main.ts", () => {
    const readers = workspaces
      .flatMap((w) => sources(join(w.path, "src")))
      .filter((file) => readFileSync(file, "utf8").includes("process.env"))
      .map((file) => relative(REPO_ROOT, file))
      .filter((file) => !/^apps\/[^/]+\/src\/(env|main)\.ts$/.test(file));
    expect(readers).toEqual([]);
  });

  it("fails a package's tests when it has none (no --passWithNoTests)", () => {
    const lenient = workspaces.filter((w) => (w.scripts.test ?? "").includes("passWithNoTests")).map((w) => w.name);
    expect(lenient).toEqual([]);
    expect(workspaces.filter((w) => !w.scripts.test).map((w) => w.name)).toEqual([]);
  });
});
