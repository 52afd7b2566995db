import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MODELS_DIR, SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { afterEach, describe, expect, it } from "vitest";
import { articleModels, foldModelName, loadFoldModels, splitFolds } from "./fold-models.js";
import type { GoldArticle } from "./polnear.js";

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
  }, 20_000);

  it("refuses a folder that lacks a fold", () => {
    expect(() => loadFoldModels(folder([0, 2], 3))).toThrow(/expected the 3 fold models/);
    expect(() => loadFoldModels(folder([], 3))).toThrow(/found 0/);
  });

  it("gives each training article the fold model that did not see it (article i in fold i % K)", () => {
    const articles = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, text: "", attributions: [] }) as unknown as GoldArticle);
    const { modelOf, foldOf } = articleModels(articles, folder([0, 1], 2));
    expect(articles.map(foldOf)).toEqual([0, 1, 0, 1, 0]);
    // Identity, not deep equality: a model is large.
    expect(modelOf(articles[2]!) === modelOf(articles[0]!)).toBe(true);
    expect(modelOf(articles[1]!) === modelOf(articles[0]!)).toBe(false);
    const shipped = articleModels(articles);
    expect(articles.map(shipped.foldOf)).toEqual([0, 0, 0, 0, 0]);
    // The folds quote-halves trains on: the fold each model did not see is the one articleModels picks.
    const folds = splitFolds(articles, 2);
    expect(folds.map((fold) => fold.map((a) => a.id))).toEqual([["a0", "a2", "a4"], ["a1", "a3"]]);
    for (const [f, fold] of folds.entries()) for (const a of fold) expect(foldOf(a)).toBe(f);
  }, 20_000);
});
