// Trains the quote model on PolNeAR's training articles, picks the epoch on dev, and writes
// packages/nlp/models/quotes-model.json.gz. Deterministic: same data, same file.
//   node scripts/pnpm.mjs --filter @newsflow/nlp-train train:quotes [--train PATH] [--dev PATH] [--out PATH] [--epochs N] [--clusters-from-ner]
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadNerLexicon, MODELS_DIR, readArtefact, SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { QUOTE_MODEL_FORMAT, type QuoteModelJson } from "@newsflow/nlp/train";
import { goldParagraphs, readPolnear } from "../quotes/polnear.js";
import { DEFAULT_QUOTE_TRAIN_CONFIG, trainQuoteModel, writeQuoteModel } from "../quotes/train-quotes.js";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    train: { type: "string" },
    dev: { type: "string" },
    out: { type: "string", default: fileURLToPath(new URL(SHIPPED_QUOTE_MODEL, MODELS_DIR)) },
    epochs: { type: "string", default: String(DEFAULT_QUOTE_TRAIN_CONFIG.epochs) },
    "clusters-from-ner": { type: "boolean", default: false },
    ensemble: { type: "string", default: "1" },
  },
});
const say = (line: string) => process.stderr.write(`train:quotes: ${line}\n`);
const t0 = performance.now();
const train = readPolnear(values.train ?? requireSharedData("quotes", "polnear", "train.jsonl"));
const dev = readPolnear(values.dev ?? requireSharedData("quotes", "polnear", "dev.jsonl"));
// The word clusters: [word, c1 | c2 << 11], in word order. Taken from the quote model file being
// replaced when there is one (of any version: every version carries them), so that retraining the
// entity tagger (whose unlabeled-text clusterings they were copied from) does not move the quote
// model; `--clusters-from-ner` copies them afresh.
const previous = existsSync(values.out) ? (JSON.parse(readArtefact(values.out).toString("utf8")) as Partial<QuoteModelJson>) : null;
const clusters =
  values["clusters-from-ner"] || previous?.format !== QUOTE_MODEL_FORMAT || !previous.clusters
    ? [...loadNerLexicon()]
        .map(([word, packed]): [string, number] => [word, packed & 0x3fffff])
        .filter(([, c]) => c !== 0)
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    : previous.clusters;
const model = trainQuoteModel(goldParagraphs(train), dev, goldParagraphs(dev), clusters, { ...DEFAULT_QUOTE_TRAIN_CONFIG, epochs: Number(values.epochs), ensemble: Number(values.ensemble) }, say);
writeQuoteModel(values.out, model);
say(`wrote ${values.out} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
