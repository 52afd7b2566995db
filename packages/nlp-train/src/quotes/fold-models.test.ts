import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MODELS_DIR, SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { afterEach, describe, expect, it } from "vitest";
import { foldModelName, loadFoldModels } from "./fold-models.js";

const shipped = fileURLToPath(new URL(SHIPPED_QUOTE_MODEL, MODELS_DIR));
const dirs: string[] = [];
const folder = (folds: number[], k: number): string => {
  const dir = mkdtempSync(join(tmpdir(), "newsflow-folds-"));
  dirs.push(dir);
  for (const f of folds) copyFileSync(shipped, join(dir, foldModelName(f, k)));
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("loadFoldModels", () => {
  it("reads the models quote-halves --save wrote, in fold order", () => {
    const models = loadFoldModels(folder([0, 1, 2], 3));
    expect(models).toHaveLength(3);
    expect(models[0]!.agentlessPassives.size).toBeGreaterThan(0);
  });

  it("refuses a folder that lacks a fold", () => {
    expect(() => loadFoldModels(folder([0, 2], 3))).toThrow(/expected the 3 fold models/);
    expect(() => loadFoldModels(folder([], 3))).toThrow(/found 0/);
  });
});
