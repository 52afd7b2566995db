// Trains the shipped NER model: `node scripts/pnpm.mjs --filter @newsflow/nlp-train train:ner`
// (builds first). Reads CoNLL-2003, the name lists, wikigold and every unlabeled text of the
// shared data by path; writes packages/nlp/models/ner.bin.gz. Deterministic for a given seed.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { MODELS_DIR } from "@newsflow/nlp/node";
import { deserializeModel, placeNameTable, serializeModel } from "@newsflow/nlp/train";
import { addEmbeddingClusters, cachedEmbeddingClusters } from "../embedding-clusters.js";
import { type ConllDocument, parseConll, splitFolds } from "../ner/conll.js";
import { trainContextTyper, typerInstances } from "../ner/context-typer.js";
import { readNameLists, readPlaceNames } from "../ner/gazetteer-sources.js";
import { buildLexicon } from "../ner/lexicon.js";
import { meanMentionMargin } from "../ner/margin-scale.js";
import { findAutoNames } from "../ner/self-train.js";
import { trainTagger } from "../ner/train.js";
import { sharedDataPath } from "../shared-data.js";

// pnpm hands flags after `--` on with the `--` itself.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    train: { type: "string", default: sharedDataPath("ner", "conll2003", "train.txt") },
    dev: { type: "string", default: sharedDataPath("ner", "conll2003", "dev.txt") },
    wikigold: { type: "string", default: "1" },
    "wikigold-folds": { type: "string", default: "0" },
    "wikigold-fold": { type: "string", default: "0" },
    out: { type: "string", default: new URL("ner.bin.gz", MODELS_DIR).pathname },
    bits: { type: "string", default: "21" },
    epochs: { type: "string", default: "20" },
    ensemble: { type: "string", default: "1" },
    seed: { type: "string", default: "13" },
    clusters: { type: "string", default: "on" },
    lists: { type: "string", default: "on" },
    "title-case": { type: "string", default: "0.05" },
    "replace-docs": { type: "string", default: "0.25" },
    "replace-names": { type: "string", default: "0.5" },
    context: { type: "string", default: "paragraph" },
    "self-train": { type: "string", default: "on" },
    aliases: { type: "string", default: "on" },
    "coarse-clusters": { type: "string", default: "150" },
    "fine-clusters": { type: "string", default: "1000" },
    "embedding-clusters": { type: "string", default: "on" },
    typer: { type: "string", default: "on" },
    "typer-alpha": { type: "string", default: "20" },
    "typer-epochs": { type: "string", default: "5" },
    // A final model trained again on train + dev (off: packages/nlp/EXPERIMENTS.md, "Training on
    // dev too"); --final-data FILE adds FILE instead of dev, to measure the step with dev held out.
    "final-with-dev": { type: "string", default: "off" },
    "final-data": { type: "string" },
    // Documents added to the tagger's training set only (not the typer's, not the word clusters'):
    // the silver sentences of scripts/ner-silver (EXPERIMENTS.md, "Silver sentences").
    extra: { type: "string" },
  },
});
/** Rows of the context typer's hashed table (times four types). */
const TYPER_BITS = 18;
const log = (m: string) => process.stderr.write(`${m}\n`);
for (const p of [values.train, values.dev]) {
  if (!existsSync(p)) {
    log(`no such file: ${p} (pass --train/--dev, or put the data in ../shared/data)`);
    process.exit(2);
  }
}
const started = Date.now();
const conllTrain = parseConll(readFileSync(values.train, "utf8"));
const dev = parseConll(readFileSync(values.dev, "utf8"));
const wikigoldPath = sharedDataPath("ner", "wikigold", "wikigold.conll.txt");
const wikigold = existsSync(wikigoldPath) ? parseConll(readFileSync(wikigoldPath, "utf8")) : [];
// --wikigold N: wikigold's documents N times in the training set (0: not trained on); with
// --wikigold-folds K --wikigold-fold i only the documents outside fold i (d % K !== i), for the
// cross-validation of scripts/ner-wikigold-cv.
const wikigoldFolds = Number(values["wikigold-folds"]);
const wikigoldTrain = wikigoldFolds > 0 ? splitFolds(wikigold, wikigoldFolds, Number(values["wikigold-fold"])).train : wikigold;
const train: ConllDocument[] = [...conllTrain];
for (let r = 0; r < Number(values.wikigold); r++) train.push(...wikigoldTrain);
const extra = values.extra ? parseConll(readFileSync(values.extra, "utf8")) : [];
train.push(...extra);
log(
  `train: ${train.length} documents (${conllTrain.length} CoNLL, ${wikigoldTrain.length} wikigold x${values.wikigold}, ${extra.length} extra` +
    `${wikigoldFolds > 0 ? `, fold ${values["wikigold-fold"]} of ${wikigoldFolds} held out` : ""}); dev: ${dev.length} documents`,
);

/** Article texts of a JSON-lines file (the `text` field), or of a JSON object of `articleBody`s. */
function articleTexts(path: string): string[] {
  if (!existsSync(path)) {
    log(`skipping missing unlabeled text ${path}`);
    return [];
  }
  const raw = readFileSync(path, "utf8");
  if (path.endsWith(".json")) return Object.values(JSON.parse(raw) as Record<string, { articleBody?: string }>).map((a) => a.articleBody ?? "");
  return raw
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

// Unlabeled text for word clusters and capitalisation rates: every article text of the shared
// data (BBC, PolNeAR train and dev, the web pages' article bodies) plus the tokens of CoNLL train
// and wikigold. CoNLL dev stays out: it picks the model.
const texts = [
  ...articleTexts(sharedDataPath("summaries", "bbc", "articles.jsonl")),
  ...articleTexts(sharedDataPath("quotes", "polnear", "train.jsonl")),
  ...articleTexts(sharedDataPath("quotes", "polnear", "dev.jsonl")),
  ...articleTexts(sharedDataPath("html", "ground-truth.json")),
];
const tokenized = [...conllTrain, ...wikigold].flatMap((d) => d.sentences.map((s) => s.tokens));
const seed = Number(values.seed);
const textLexicon =
  values.clusters === "on"
    ? buildLexicon(texts, tokenized, { seed, coarse: Number(values["coarse-clusters"]), fine: Number(values["fine-clusters"]), log })
    : new Map<string, number>();
// GloVe's word vectors (6B tokens of Wikipedia and newswire), clustered: what our 1.9M tokens cannot say about a rare word.
const lexicon = values["embedding-clusters"] === "on" ? addEmbeddingClusters(textLexicon, cachedEmbeddingClusters({ log })) : textLexicon;
log(`lexicon: ${lexicon.size} words`);
const listedNames = values.lists === "on" ? readNameLists(log) : [];

const config = {
  bits: Number(values.bits),
  maxEpochs: Number(values.epochs),
  seed,
  lexicon,
  listedNames,
  folds: 5,
  ensemble: Number(values.ensemble),
  titleCaseShare: Number(values["title-case"]),
  replaceDocs: Number(values["replace-docs"]),
  replaceNames: Number(values["replace-names"]),
  context: values.context === "document" ? ("document" as const) : ("paragraph" as const),
  log,
};
let result = trainTagger(train, dev, config);
let autoNames = 0;
// The name lists of the selected run: the given ones, plus the self-trained names.
let selectedLists = listedNames;
// Names the texts give as aliases of one another: the model file carries them for reconcileEntities.
let aliasGroups: string[][] = [];
if (values["self-train"] === "on") {
  // Self-training: the first model tags the unlabeled articles; the names it finds often and
  // consistently become one more list for the second model.
  const first = deserializeModel(serializeModel({ bits: config.bits, weights: result.weights, resources: result.resources, meta: { marginScale: result.marginScale } }));
  const found = findAutoNames(first, texts, { aliases: values.aliases === "on", log });
  const auto = found.names;
  aliasGroups = found.aliasGroups;
  autoNames = auto.length;
  log(`self-training: ${auto.length} names from the unlabeled articles; second model`);
  selectedLists = [...listedNames, ...auto];
  result = trainTagger(train, dev, { ...config, listedNames: selectedLists });
}
// A final model, if asked for: dev has chosen everything (settings, lists, the epoch count), and
// the tagger is trained again on train + dev (or --final-data) for the chosen number of epochs.
// Its confidence keeps the selected run's calibration: the margin scale moves by the ratio of the
// two models' mention margins on PolNeAR's dev articles, which neither is trained on for entities.
const selected = result;
let marginScale = result.marginScale;
const finalStep = values["final-with-dev"] === "on" || values["final-data"] !== undefined;
const finalExtra = values["final-data"] ? parseConll(readFileSync(values["final-data"], "utf8")) : dev;
if (finalStep) {
  const chosen = selected.bestEpoch.split(",").map(Number);
  const epochs = Math.round(chosen.reduce((a, e) => a + e, 0) / chosen.length);
  log(`final model: train + ${values["final-data"] ?? "dev"} (${finalExtra.length} documents), ${epochs} epochs (the epoch count dev chose)`);
  result = trainTagger([...train, ...finalExtra], [], { ...config, listedNames: selectedLists, fixedEpochs: epochs });
  const calibration = articleTexts(sharedDataPath("quotes", "polnear", "dev.jsonl"));
  const asModel = (r: typeof result) => deserializeModel(serializeModel({ bits: config.bits, weights: r.weights, resources: r.resources, meta: {} }));
  const ratio = meanMentionMargin(asModel(result), calibration) / meanMentionMargin(asModel(selected), calibration);
  marginScale = selected.marginScale * ratio;
  log(`final model: margin scale ${selected.marginScale.toFixed(2)} x ${ratio.toFixed(3)} = ${marginScale.toFixed(2)}`);
}
// The document step's context typer: each gold name of the training documents typed from the words
// around all the places its document writes it, with the final model's lexicon and name lists.
const typer =
  values.typer === "on"
    ? trainContextTyper(typerInstances([...conllTrain, ...(Number(values.wikigold) > 0 ? wikigoldTrain : []), ...(finalStep ? finalExtra : [])], result.resources, TYPER_BITS), {
        bits: TYPER_BITS,
        epochs: Number(values["typer-epochs"]),
        seed,
        alpha: Number(values["typer-alpha"]),
      })
    : null;
const meta = {
  trainedOn: `CoNLL-2003 English train${Number(values.wikigold) > 0 ? ` + wikigold x${values.wikigold}${wikigoldFolds > 0 ? ` (fold ${values["wikigold-fold"]} of ${wikigoldFolds} held out)` : ""}` : ""}${finalStep ? ` + ${values["final-data"] ?? "dev"} (final model)` : ""}`,
  // The run dev selected: its epoch and its dev figures (the final model's own dev figures would be on its training data).
  bestEpoch: selected.bestEpoch,
  dev: selected.dev,
  marginScale,
  seed,
  autoNames,
};
// Place names spelt with or without spaces and hyphens, for the tagger's place-over-person check.
const placeNames = placeNameTable(values.lists === "on" ? readPlaceNames() : []);
const bytes = gzipSync(serializeModel({ bits: Number(values.bits), weights: result.weights, resources: result.resources, placeNames, aliasGroups, typer, meta }), {
  level: 9,
});
writeFileSync(values.out, bytes);
log(`best epoch ${selected.bestEpoch}: dev F1 ${selected.dev.f1.toFixed(4)}${finalStep ? " (the run dev selected; the final model trains on more)" : ""}; wrote ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB) in ${Math.round((Date.now() - started) / 1000)} s`);
