import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { QuoteModel } from "@newsflow/nlp";
import { loadQuoteModel } from "@newsflow/nlp/node";
import type { GoldArticle } from "./polnear.js";

/** The fold of the training file's article `i` of `k` folds: by line, so the folds do not depend on the articles' contents. */
export const foldIndex = (i: number, k: number): number => i % k;

/** The training articles cut in `k` folds (`foldIndex`), as `quote-halves` trains and scores them. */
export const splitFolds = <T>(articles: readonly T[], k: number): T[][] =>
  Array.from({ length: k }, (_, f) => articles.filter((_, i) => foldIndex(i, k) === f));

/** The file `quote-halves --save` writes fold `f`'s model to (of `k` folds, `foldIndex`). */
export const foldModelName = (f: number, k: number): string => `fold-${f}-of-${k}.json.gz`;

/**
 * The fold models `quote-halves --save DIR` wrote, in fold order: the model for training article i
 * is `models[foldIndex(i, models.length)]`, one that did not see it.
 */
export function loadFoldModels(dir: string): QuoteModel[] {
  const names = readdirSync(dir).filter((n) => /^fold-\d+-of-\d+\.json\.gz$/.test(n));
  const k = Number(/-of-(\d+)/.exec(names[0] ?? "")?.[1]);
  if (!names.length || names.length !== k) throw new Error(`${dir}: expected the ${k || "K"} fold models of quote-halves --save, found ${names.length}`);
  return Array.from({ length: k }, (_, f) => loadQuoteModel(join(dir, foldModelName(f, k))));
}

/**
 * Which model reads each article of a PolNeAR-format file: the shipped one, or, with `heldOut` (a
 * `quote-halves --save` folder, and `articles` the training file the folds were cut from), the
 * fold model that did not see it. `foldOf` gives an article's fold (0 without `heldOut`).
 */
export function articleModels(articles: readonly GoldArticle[], heldOut?: string): { modelOf: (article: GoldArticle) => QuoteModel; foldOf: (article: GoldArticle) => number } {
  const folds = heldOut ? loadFoldModels(heldOut) : [loadQuoteModel()];
  const fold = new Map(articles.map((a, i) => [a, foldIndex(i, folds.length)]));
  const foldOf = (article: GoldArticle) => fold.get(article) ?? 0;
  return { modelOf: (article) => folds[foldOf(article)]!, foldOf };
}
