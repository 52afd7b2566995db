// How far dev is from PolNeAR articles that nothing was tuned on: `node dist/scripts/quote-halves.js
// [--train FILE] [--dev FILE] [--looser-bias 0,10,20] [--source-bias 40,80]` splits the training articles in two (even and odd lines), trains the
// quote model on each half as `train:quotes` does (the shipped model's word clusters, the epoch
// picked on dev), and scores it with the pipeline of `eval quotes` (extraction, entities,
// resolution) on dev and on the other half, whose articles no rule or threshold was chosen on.
// `--looser-bias` and `--source-bias` score the same models once per value (`ExtractOptions`; both
// lists: every pair).
// Prints a line per half on stderr and the figures as one JSON line on stdout. Articles whose text
// `normalizeText` changes in length are left out (their offsets would shift). About a minute.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ExtractOptions, QuoteModel } from "@newsflow/nlp";
import { MODELS_DIR, readArtefact, SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { type QuoteModelJson, quoteModelFromJson } from "@newsflow/nlp/train";
import { type ErrorArticle, errorArticles, scoreErrorArticles } from "../quotes/error-articles.js";
import { type GoldArticle, goldParagraphs, readPolnear } from "../quotes/polnear.js";
import { quoteFigures } from "../quotes/score-quotes.js";
import { DEFAULT_QUOTE_TRAIN_CONFIG, trainQuoteModel } from "../quotes/train-quotes.js";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({ options: { train: { type: "string" }, dev: { type: "string" }, "looser-bias": { type: "string" }, "source-bias": { type: "string" } } });
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

function score(model: QuoteModel, prepared: Prepared, options: ExtractOptions) {
  const f = quoteFigures(scoreErrorArticles(model, prepared.articles, options));
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { articles: prepared.count, content: r(f.content.f1), attribution: r(f.attribution.f1), direct: r(f.direct.f1), contentExact: r(f.contentExact.f1) };
}

const halves = [train.filter((_, i) => i % 2 === 0), train.filter((_, i) => i % 2 === 1)] as const;
const preparedDev = prepare(dev);
const preparedHalves = halves.map(prepare);
const out = halves.flatMap((half, h) => {
  const json = trainQuoteModel(goldParagraphs(half), dev, goldParagraphs(dev), shipped.clusters, DEFAULT_QUOTE_TRAIN_CONFIG);
  const model = quoteModelFromJson(json);
  return settings.map((options) => {
    const row = { trainedOn: h === 0 ? "even" : "odd", epoch: json.meta.epoch, ...options, dev: score(model, preparedDev, options), otherHalf: score(model, preparedHalves[1 - h]!, options) };
    process.stderr.write(`quote-halves: ${JSON.stringify(row)}\n`);
    return row;
  });
});
process.stdout.write(`${JSON.stringify({ halves: out })}\n`);
