// How far dev is from PolNeAR articles that nothing was tuned on: `node dist/scripts/quote-halves.js
// [--folds K] [--train FILE] [--dev FILE] [--looser-bias 0,10,20] [--source-bias 40,80]` splits the
// training articles in K folds by line (article i in fold i % K; K = 2, the default, gives the even
// and odd halves), and for each fold trains the quote model on the other folds as `train:quotes`
// does (the shipped model's word clusters, the epoch picked on dev) and scores it with the pipeline
// of `eval quotes` (extraction, entities, resolution) on dev and on the held-out fold, whose
// articles no rule or threshold was chosen on. `pooled` adds up the held-out folds' counts: every
// training article scored once by a model that did not see it, each model trained on (K-1)/K of
// the articles (the shipped one on all of them).
// `--looser-bias` and `--source-bias` score the same models once per value (`ExtractOptions`; both
// lists: every pair). `--all-epochs` trains every fold the full epoch count (no early stopping) and
// pools the held-out folds per epoch too (`byEpoch`, default settings), beside the epoch dev picks:
// how well picking the epoch on dev serves held-out articles. `--save DIR` writes each fold's model
// there (`fold-F-of-K.json.gz`), for `quote-direct-errors --held-out DIR`. `--ensemble N` trains
// each fold's taggers as `train:quotes --ensemble N` does (N perceptrons averaged).
// Prints a line per fold on stderr and the figures as one JSON line on stdout. Articles whose text
// `normalizeText` changes in length are left out (their offsets would shift). About a minute per fold.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ExtractOptions, QuoteModel } from "@newsflow/nlp";
import { MODELS_DIR, readArtefact, SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { type QuoteModelJson, quoteModelFromJson } from "@newsflow/nlp/train";
import { type ErrorArticle, errorArticles, scoreErrorArticles } from "../quotes/error-articles.js";
import { foldModelName, splitFolds } from "../quotes/fold-models.js";
import { type GoldArticle, goldParagraphs, readPolnear } from "../quotes/polnear.js";
import { emptyCounts, type QuoteCounts, quoteFigures } from "../quotes/score-quotes.js";
import { DEFAULT_QUOTE_TRAIN_CONFIG, trainQuoteModel, writeQuoteModel } from "../quotes/train-quotes.js";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    folds: { type: "string", default: "2" },
    train: { type: "string" },
    dev: { type: "string" },
    "looser-bias": { type: "string" },
    "source-bias": { type: "string" },
    "all-epochs": { type: "boolean", default: false },
    save: { type: "string" },
    ensemble: { type: "string", default: "1" },
  },
});
const k = Number(values.folds);
if (!Number.isInteger(k) || k < 2) throw new Error(`quote-halves: --folds must be an integer of 2 or more, got ${values.folds}`);
const list = (flag: string | undefined): Array<number | undefined> => (flag ? flag.split(",").map(Number) : [undefined]);
const settings: ExtractOptions[] = list(values["looser-bias"]).flatMap((looserBias) =>
  list(values["source-bias"]).map((sourceBias) => ({ ...(looserBias === undefined ? {} : { looserBias }), ...(sourceBias === undefined ? {} : { sourceBias }) })),
);
const train = readPolnear(values.train ?? requireSharedData("quotes", "polnear", "train.jsonl"));
const dev = readPolnear(values.dev ?? requireSharedData("quotes", "polnear", "dev.jsonl"));
const shipped = JSON.parse(readArtefact(fileURLToPath(new URL(SHIPPED_QUOTE_MODEL, MODELS_DIR))).toString("utf8")) as QuoteModelJson;

/** Articles with their paragraphs and canonical entities, prepared once: neither depends on the quote model or the settings. */
interface Prepared {
  count: number;
  articles: ErrorArticle[];
}
const prepare = (articles: readonly GoldArticle[]): Prepared => ({ count: articles.length, articles: [...errorArticles(articles, { count: 0 })] });

const r = (x: number) => Math.round(x * 10000) / 10000;
function figures(counts: QuoteCounts, articles: number) {
  const f = quoteFigures(counts);
  return { articles, content: r(f.content.f1), attribution: r(f.attribution.f1), direct: r(f.direct.f1), contentExact: r(f.contentExact.f1) };
}
const score = (model: QuoteModel, prepared: Prepared, options: ExtractOptions) => figures(scoreErrorArticles(model, prepared.articles, options), prepared.count);
const addCounts = (into: QuoteCounts, c: QuoteCounts) => {
  for (const key of Object.keys(into) as Array<keyof QuoteCounts>) into[key] += c[key];
};

const folds = splitFolds(train, k);
if (values.save) mkdirSync(values.save, { recursive: true });
const preparedDev = prepare(dev);
const preparedFolds = folds.map(prepare);
const pooled = settings.map(() => emptyCounts());
const config = {
  ...DEFAULT_QUOTE_TRAIN_CONFIG,
  ...(values["all-epochs"] ? { patience: DEFAULT_QUOTE_TRAIN_CONFIG.epochs } : {}),
  ensemble: Number(values.ensemble),
};
const byEpoch: QuoteCounts[] = [];
const out = folds.flatMap((_, f) => {
  const rest = folds.flatMap((fold, g) => (g === f ? [] : fold));
  let epoch = 0;
  const scoreEpoch = (epochModel: QuoteModelJson) => {
    const counts = scoreErrorArticles(quoteModelFromJson(epochModel), preparedFolds[f]!.articles);
    byEpoch[epoch] ??= emptyCounts();
    addCounts(byEpoch[epoch]!, counts);
    epoch++;
  };
  const json = trainQuoteModel(goldParagraphs(rest), dev, goldParagraphs(dev), shipped.clusters, config, undefined, values["all-epochs"] ? scoreEpoch : undefined);
  const model = quoteModelFromJson(json);
  if (values.save) writeQuoteModel(join(values.save, foldModelName(f, k)), json);
  return settings.map((options, s) => {
    const counts = scoreErrorArticles(model, preparedFolds[f]!.articles, options);
    addCounts(pooled[s]!, counts);
    // With two folds, the model of the odd articles scores the even ones: "trained on odd".
    const trainedOn = k === 2 ? (f === 0 ? "odd" : "even") : `all but fold ${f}`;
    const row = { trainedOn, epoch: json.meta.epoch, ...options, dev: score(model, preparedDev, options), heldOut: figures(counts, preparedFolds[f]!.count) };
    process.stderr.write(`quote-halves: ${JSON.stringify(row)}\n`);
    return row;
  });
});
const pooledRows = settings.map((options, s) => ({ ...options, heldOut: figures(pooled[s]!, train.length) }));
for (const row of pooledRows) process.stderr.write(`quote-halves: pooled over ${k} folds ${JSON.stringify(row)}\n`);
const epochRows = byEpoch.map((counts, e) => ({ epoch: e + 1, heldOut: figures(counts, train.length) }));
for (const row of epochRows) process.stderr.write(`quote-halves: pooled at epoch ${row.epoch} ${JSON.stringify(row.heldOut)}\n`);
process.stdout.write(`${JSON.stringify({ folds: out, pooled: pooledRows, ...(values["all-epochs"] ? { byEpoch: epochRows } : {}) })}\n`);
