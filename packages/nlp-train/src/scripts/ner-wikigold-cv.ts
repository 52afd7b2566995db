// Cross-validated wikigold score of NER training with wikigold:
// `node dist/scripts/ner-wikigold-cv.js [--weight N] [--folds K] [--dir DIR] [--eval-only] [--typer off] [--alphas A,B] [-- TRAIN FLAGS]`.
// For each fold i it trains on CoNLL train plus the other folds' documents N times
// (train-ner.js --wikigold N --wikigold-folds K --wikigold-fold i --out DIR/fold-i.bin.gz), then
// tags fold i on the production path with that model and pools the K folds' mentions into one
// score. Flags after `--` go to every training run (e.g. `--self-train off`). `--alphas` scores the
// same fold models once per context-typer alpha (the weight of the tagger's confidence against the
// typer, `ContextTyper.alpha`; -1: no typer), a line each on stderr and `byAlpha` in the JSON.
// Last line: JSON.
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
    alphas: { type: "string" },
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

const alphas = values.alphas ? values.alphas.split(",").map(Number) : [];
if (alphas.some((a) => !Number.isFinite(a))) {
  log(`--alphas must be numbers separated by commas, got ${values.alphas}`);
  process.exit(2);
}
const gold: TypedSpan[][] = [];
const production: TypedSpan[][] = [];
const perFold: number[] = [];
const byAlpha = alphas.map((alpha) => ({ alpha, production: [] as TypedSpan[][] }));
for (let i = 0; i < folds; i++) {
  if (!values["eval-only"]) {
    const args = [trainScript, "--wikigold", values.weight, "--wikigold-folds", String(folds), "--wikigold-fold", String(i), "--out", modelPath(i), ...positionals];
    log(`fold ${i}: node ${args.join(" ")}`);
    execFileSync(process.execPath, args, { stdio: "inherit" });
  }
  const model = loadNerModel(modelPath(i));
  const heldOut = splitFolds(wikigold, folds, i).heldOut;
  const typer = model.typer;
  for (const a of byAlpha) {
    model.typer = a.alpha < 0 || !typer ? null : { ...typer, alpha: a.alpha };
    a.production.push(...evaluateProductionPath(heldOut, createEntityTagger(model), model, 1).spans.production);
  }
  model.typer = values.typer === "off" ? null : typer;
  const result = evaluateProductionPath(heldOut, createEntityTagger(model), model, 1);
  gold.push(...result.spans.gold);
  production.push(...result.spans.production);
  perFold.push(result.production.f1);
  log(`fold ${i}: wikigold F1 ${result.production.f1.toFixed(4)} on the production path`);
}
const pooled = scoreSpans(gold, production, ENTITY_TYPES);
const round = (x: number) => Math.round(x * 10000) / 10000;
const alphaScores = byAlpha.map((a) => {
  const s = scoreSpans(gold, a.production, ENTITY_TYPES);
  log(`alpha ${a.alpha}: pooled F1 ${s.f1.toFixed(4)} (${ENTITY_TYPES.map((t) => `${t} ${s.perType[t]!.f1.toFixed(3)}`).join(", ")})`);
  return { alpha: a.alpha, f1: round(s.f1) };
});
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
    ...(alphaScores.length > 0 ? { byAlpha: alphaScores } : {}),
  })}\n`,
);
