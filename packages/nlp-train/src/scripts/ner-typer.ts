// The context typer's weight against the tagger: `node dist/scripts/ner-typer.js [--model PATH]
// [--epochs N] [--alphas 0,10,20,...]` trains the typer as train:ner does (CoNLL train and wikigold's
// gold names, the model's lexicon and name lists) and scores dev (production path) and the news
// check sets at each alpha; alpha -1 is the rules alone. A measurement: the shipped alpha is train:ner's.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadNerModel } from "@newsflow/nlp/node";
import { createEntityTagger } from "@newsflow/nlp/train";
import { parseConll } from "../ner/conll.js";
import { trainContextTyper, typerInstances } from "../ner/context-typer.js";
import { documentModel, evaluateProductionPath } from "../ner/production-eval.js";
import { evaluateWebNews, readNewsCheckSets } from "../ner/web-news.js";
import { sharedDataPath } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    epochs: { type: "string", default: "5" },
    seed: { type: "string", default: "13" },
    alphas: { type: "string", default: "-1,0,10,15,20,25,30" },
  },
});
const model = loadNerModel(values.model);
const tagger = createEntityTagger(model);
const read = (...p: string[]) => parseConll(readFileSync(sharedDataPath(...p), "utf8"));
const started = performance.now();
const instances = typerInstances([...read("ner", "conll2003", "train.txt"), ...read("ner", "wikigold", "wikigold.conll.txt")], model.resources, 18);
const typer = trainContextTyper(instances, { bits: 18, epochs: Number(values.epochs), seed: Number(values.seed), alpha: 0 });
process.stderr.write(`typer: ${instances.length} names in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const dev = read("ner", "conll2003", "dev.txt");
const sets = readNewsCheckSets();
for (const alpha of values.alphas.split(",").map(Number)) {
  model.typer = alpha < 0 ? null : { ...typer, alpha };
  const d = evaluateProductionPath(dev, tagger, model, 1).production;
  const row = [`alpha ${alpha}: dev ${d.f1.toFixed(4)} (${Object.values(d.perType).map((x) => x.f1.toFixed(3)).join(" ")})`];
  for (const s of sets) row.push(`${s.set} ${evaluateWebNews(s.bodies, s.annotations, tagger, documentModel(model)).production.f1.toFixed(3)}`);
  process.stdout.write(`${row.join("  ")}\n`);
}
