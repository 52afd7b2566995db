#!/usr/bin/env node
// Trains the shipped NER model: `pnpm --filter @newsflow/nlp train:ner` (builds first).
// Reads CoNLL-2003 and unlabeled news text by path from ../shared/data (relative to the repo
// root) unless flags say otherwise; writes models/ner.bin.gz. Deterministic for a given seed.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { parseConll } from "../dist/ner/conll.js";
import { serializeModel } from "../dist/ner/model-format.js";
import { trainTagger } from "../dist/ner/train.js";
import { buildLexicon } from "../dist/ner/lexicon.js";
import { externalNames } from "./gazetteer-sources.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../..");
const data = join(repoRoot, "../shared/data");
const { values } = parseArgs({
  options: {
    train: { type: "string", default: join(data, "ner/conll2003/train.txt") },
    dev: { type: "string", default: join(data, "ner/conll2003/dev.txt") },
    unlabeled: { type: "string", multiple: true },
    out: { type: "string", default: join(here, "../models/ner.bin.gz") },
    bits: { type: "string", default: "20" },
    epochs: { type: "string", default: "20" },
    ensemble: { type: "string", default: "1" },
    seed: { type: "string", default: "13" },
    clusters: { type: "string", default: "on" },
    external: { type: "string", default: "on" },
    "coarse-clusters": { type: "string", default: "150" },
    "fine-clusters": { type: "string", default: "1000" },
  },
});
const log = (m) => process.stderr.write(`${m}\n`);
for (const p of [values.train, values.dev]) {
  if (!existsSync(p)) {
    log(`no such file: ${p} (pass --train/--dev, or put the data in ../shared/data)`);
    process.exit(2);
  }
}
const started = Date.now();
const train = parseConll(readFileSync(values.train, "utf8"));
const dev = parseConll(readFileSync(values.dev, "utf8"));
log(`train: ${train.length} documents; dev: ${dev.length} documents`);

// Unlabeled text for word clusters: the BBC and PolNeAR article texts plus the training tokens.
const unlabeledPaths = values.unlabeled ?? [
  join(data, "summaries/bbc/articles.jsonl"),
  join(data, "quotes/polnear/train.jsonl"),
];
const texts = [];
for (const p of unlabeledPaths) {
  if (!existsSync(p)) {
    log(`skipping missing unlabeled text ${p}`);
    continue;
  }
  for (const line of readFileSync(p, "utf8").split("\n")) {
    if (line.trim()) texts.push(JSON.parse(line).text);
  }
}
const lexicon =
  values.clusters === "on"
    ? buildLexicon(texts, train.flatMap((d) => d.sentences.map((s) => s.tokens)), {
        seed: Number(values.seed),
        coarse: Number(values["coarse-clusters"]),
        fine: Number(values["fine-clusters"]),
        log,
      })
    : new Map();
log(`lexicon: ${lexicon.size} words`);
const external = values.external === "on" ? externalNames(log) : [];

const result = trainTagger(train, dev, {
  bits: Number(values.bits),
  maxEpochs: Number(values.epochs),
  seed: Number(values.seed),
  lexicon,
  externalNames: external,
  folds: 5,
  ensemble: Number(values.ensemble),
  log,
});
const meta = {
  trainedOn: "CoNLL-2003 English train",
  bestEpoch: result.bestEpoch,
  dev: result.dev,
  marginScale: result.marginScale,
  seed: Number(values.seed),
};
const bytes = gzipSync(serializeModel({ bits: Number(values.bits), weights: result.weights, resources: result.resources, meta }), { level: 9 });
writeFileSync(values.out, bytes);
log(`best epoch ${result.bestEpoch}: dev F1 ${result.dev.f1.toFixed(4)}; wrote ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB) in ${Math.round((Date.now() - started) / 1000)} s`);
