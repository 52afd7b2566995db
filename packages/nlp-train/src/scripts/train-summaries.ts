#!/usr/bin/env node
// Trains the document summary's sentence ranker on the BBC articles not held out, taken through
// the production path (producer split, summarize worker, the shipped entity tagger, the document
// step's entity reconciliation), and writes
// packages/nlp/models/summary-weights.json. Deterministic: the same data and tagger give the same
// file byte for byte. Held-out (dev) articles are never seen; they are scored at the end.
//   pnpm --filter @newsflow/nlp-train train:summaries [--data PATH] [--out PATH] [--write-dev FILE]
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { MODELS_DIR, SHIPPED_NER_MODEL, SHIPPED_SUMMARY_WEIGHTS } from "@newsflow/nlp/node";
import { requireSharedData, SHARED_DATA } from "../shared-data.js";
import { isHeldOut, readSummaryArticles } from "../summaries/articles.js";
import { evaluateSummaries } from "../summaries/evaluate.js";
import { shippedEntities, summaryCases } from "../summaries/production.js";
import { trainSummaryWeights } from "../summaries/train.js";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    out: { type: "string", default: fileURLToPath(new URL(SHIPPED_SUMMARY_WEIGHTS, MODELS_DIR)) },
    "write-dev": { type: "string" },
  },
});
const say = (m: string) => process.stderr.write(`train:summaries: ${m}\n`);
const data = values.data ?? requireSharedData("summaries", "bbc", "articles.jsonl");

const articles = readSummaryArticles(data);
const train = articles.filter((a) => !isHeldOut(a.id));
const dev = articles.filter((a) => isHeldOut(a.id));
if (values["write-dev"]) {
  writeFileSync(values["write-dev"], `${dev.map((a) => JSON.stringify(a)).join("\n")}\n`);
  say(`wrote the ${dev.length} held-out articles to ${values["write-dev"]}`);
}
say(`${train.length} training articles, ${dev.length} held out; tagging with ${SHIPPED_NER_MODEL}`);

const { tagger, document } = shippedEntities();
const t0 = performance.now();
const trainSet = summaryCases(train, tagger, document, (done, total) => say(`prepared ${done}/${total} training articles`));
const weights = trainSummaryWeights(trainSet.cases, { data: relative(SHARED_DATA, data), entities: SHIPPED_NER_MODEL });
writeFileSync(values.out, `${JSON.stringify(weights, null, 2)}\n`);
say(`wrote ${values.out} in ${((performance.now() - t0) / 1000).toFixed(1)}s: ${weights.features.map((f, i) => `${f}=${weights.weights[i]}`).join(" ")}`);

const devScores = evaluateSummaries(summaryCases(dev, tagger, document).cases, weights);
const f = (x: number) => x.toFixed(3);
say(`dev (${devScores.articles}): R-1 ${f(devScores.rouge1)} R-2 ${f(devScores.rouge2)} R-L ${f(devScores.rougeL)}; Lead-N ${f(devScores.lead.rouge1)} / ${f(devScores.lead.rouge2)} / ${f(devScores.lead.rougeL)}`);
