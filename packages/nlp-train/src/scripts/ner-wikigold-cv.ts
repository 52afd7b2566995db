// Cross-validated wikigold score of NER training with wikigold:
// `node dist/scripts/ner-wikigold-cv.js [--weight N] [--folds K] [--dir DIR] [--eval-only] [--typer off] [-- TRAIN FLAGS]`.
// For each fold i it trains on CoNLL train plus the other folds' documents N times
// (train-ner.js --wikigold N --wikigold-folds K --wikigold-fold i --out DIR/fold-i.bin.gz), then
// tags fold i on the production path with that model and pools the K folds' mentions into one
// score. Flags after `--` go to every training run (e.g. `--self-train off`). Last line: JSON.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadNerModel } from "@newsflow/nlp/node";
import { createEntityTagger, ENTITY_TYPES } from "@newsflow/nlp/train";
import { parseConll, scoreSpans, splitFolds, type TypedSpan } from "../ner/conll.js";
import { evaluateProductionPath } from "../ner/production-eval.js";
import { sharedDataPath } from "../shared-data.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    weight: { type: "string", default: "1" },
    folds: { type: "string", default: "5" },
    dir: { type: "string", default: join(tmpdir(), "ner-wikigold-cv") },
    "eval-only": { type: "boolean", default: false },
    /** --typer off: score the fold models without their context typer (the rules alone). */
    typer: { type: "string", default: "on" },
  },
});
const log = (m: string) => process.stderr.write(`${m}\n`);
const folds = Number(values.folds);
const wikigoldPath = sharedDataPath("ner", "wikigold", "wikigold.conll.txt");
if (!existsSync(wikigoldPath)) {
  log(`no such file: ${wikigoldPath} (put the shared data in ../shared/data)`);
  process.exit(2);
}
const wikigold = parseConll(readFileSync(wikigoldPath, "utf8"));
mkdirSync(values.dir, { recursive: true });
const trainScript = new URL("train-ner.js", import.meta.url).pathname;
const modelPath = (i: number) => join(values.dir, `fold-${i}.bin.gz`);

const gold: TypedSpan[][] = [];
const production: TypedSpan[][] = [];
const perFold: number[] = [];
for (let i = 0; i < folds; i++) {
  if (!values["eval-only"]) {
    const args = [trainScript, "--wikigold", values.weight, "--wikigold-folds", String(folds), "--wikigold-fold", String(i), "--out", modelPath(i), ...positionals];
    log(`fold ${i}: node ${args.join(" ")}`);
    execFileSync(process.execPath, args, { stdio: "inherit" });
  }
  const model = loadNerModel(modelPath(i));
  if (values.typer === "off") model.typer = null;
  const result = evaluateProductionPath(splitFolds(wikigold, folds, i).heldOut, createEntityTagger(model), model, 1);
  gold.push(...result.spans.gold);
  production.push(...result.spans.production);
  perFold.push(result.production.f1);
  log(`fold ${i}: wikigold F1 ${result.production.f1.toFixed(4)} on the production path`);
}
const pooled = scoreSpans(gold, production, ENTITY_TYPES);
const round = (x: number) => Math.round(x * 10000) / 10000;
log(`pooled over ${folds} folds (wikigold x${values.weight}): F1 ${pooled.f1.toFixed(4)} (${ENTITY_TYPES.map((t) => `${t} ${pooled.perType[t]!.f1.toFixed(3)}`).join(", ")})`);
process.stdout.write(
  `${JSON.stringify({
    weight: Number(values.weight),
    folds,
    f1: round(pooled.f1),
    precision: round(pooled.precision),
    recall: round(pooled.recall),
    perType: Object.fromEntries(ENTITY_TYPES.map((t) => [t, round(pooled.perType[t]!.f1)])),
    perFold: perFold.map(round),
  })}\n`,
);
