// Stacked cue tagging (Cohen & Carvalho 2005): does a second cue tagger that also sees the first
// one's decisions over the whole sentence find more cues? `node dist/scripts/cue-stack.js [--folds
// K] [--epochs N] [--first-epochs N] [--seeds S,...]` trains the perceptron cue tagger (stage 1,
// `cueFeatures`) on PolNeAR train in K folds by article, so that every training paragraph gets
// stage-1 scores from a model that did not see it, and on all of train for dev. Stage 2 is the
// same perceptron over `cueFeatures` plus features of the stage-1 output: the token's own margin
// (best cue label's score less O's, bucketed) alone and with its cue share and stem, its
// neighbours' margins and stage-1 labels, the nearest stage-1 cue before and after it in its
// sentence, how many stage-1 cues the sentence has, and the largest margin in the sentence away
// from the token. Prints per epoch stage 2's dev cue tagging (token and exact-span P/R/F1) beside
// stage 1's. `--seeds` xors each seed into every stage-2 feature hash (only collisions change), to
// see how far a retraining moves the figures. An experiment: nothing here is shipped.
import { parseArgs } from "node:util";
import { bestPath, type ChainModel, CUE_FEATURES, CUE_LABEL, cueFeatures, emissionScores, mixHash } from "@newsflow/nlp/train";
import { cueMargins, cueTaggingFigures, decodeChain, encodedPolnear, type TaggedSequence, trainChainTagger } from "../quotes/experiment-data.js";
import type { EncodedParagraph } from "../quotes/train-quotes.js";

const { values } = parseArgs({
  options: {
    folds: { type: "string", default: "5" },
    epochs: { type: "string", default: "8" },
    "first-epochs": { type: "string", default: "4" },
    seeds: { type: "string", default: "0" },
  },
});
const FOLDS = Number(values.folds);
const EPOCHS = Number(values.epochs);
const FIRST_EPOCHS = Number(values["first-epochs"]);
const SEEDS = values.seeds.split(",").map(Number);
const say = (line: string) => process.stderr.write(`cue-stack: ${line}\n`);

const { train, trainArticle, dev } = encodedPolnear();
const trainSeq: TaggedSequence[] = train.map((p) => ({ n: p.tokens.length, x: cueFeatures(p.tokens), gold: p.cueLabels }));
const devSeq: TaggedSequence[] = dev.map((p) => ({ n: p.tokens.length, x: cueFeatures(p.tokens), gold: p.cueLabels }));

/** Stage 1's view of a paragraph: per token its margin (best cue label over O) and its label on the best path. */
interface Stage1 {
  margin: Float32Array;
  label: Uint8Array;
}
function runStage1(model: ChainModel, s: TaggedSequence): Stage1 {
  const scores = emissionScores(model, s.x, CUE_FEATURES, s.n);
  return { margin: cueMargins(scores, s.n), label: bestPath(model, scores, s.n).slice() };
}

// Stage 1 for every training paragraph from the fold model that did not see its article.
const articleFold = new Map<string, number>();
for (const a of trainArticle) if (!articleFold.has(a)) articleFold.set(a, articleFold.size % FOLDS);
const trainStage1Out: Stage1[] = new Array(train.length);
for (let fold = 0; fold < FOLDS; fold++) {
  const inFold = (i: number) => articleFold.get(trainArticle[i]!) === fold;
  const model = trainChainTagger(
    trainSeq.filter((_, i) => !inFold(i)),
    CUE_FEATURES,
    FIRST_EPOCHS,
  );
  trainSeq.forEach((s, i) => {
    if (inFold(i)) trainStage1Out[i] = runStage1(model, s);
  });
  say(`stage 1, fold ${fold + 1}/${FOLDS} done`);
}
const full = trainChainTagger(trainSeq, CUE_FEATURES, FIRST_EPOCHS);
const devStage1Out = devSeq.map((s) => runStage1(full, s));
say(`stage 1 on dev (${FIRST_EPOCHS} epochs): ${cueTaggingFigures(
  dev.map((p) => p.cueLabels),
  devStage1Out.map((s) => s.label),
)}`);
say(`stage 1 cross-fitted on train: ${cueTaggingFigures(
  train.map((p) => p.cueLabels),
  trainStage1Out.map((s) => s.label),
)}`);

const STACK_FEATURES = 9;
const PER_TOKEN = CUE_FEATURES + STACK_FEATURES;
const MARGIN_EDGES = [-200, -120, -80, -50, -25, 0, 25, 50, 100, 150];
const marginBucket = (m: number): number => {
  let b = 0;
  while (b < MARGIN_EDGES.length && m >= MARGIN_EDGES[b]!) b++;
  return b;
};
const DISTANCE_EDGES = [1, 2, 3, 4, 6, 10, 15, 25];
const distanceBucket = (d: number): number => {
  let b = 0;
  while (b < DISTANCE_EDGES.length && d > DISTANCE_EDGES[b]!) b++;
  return b;
};
const h = (seed: number, ...parts: number[]) => parts.reduce((acc, x) => mixHash(acc, x), 0x5bd1e995 ^ seed);

/** `cueFeatures` followed by the stacked features of every token. */
function stackedFeatures(p: EncodedParagraph, base: Uint32Array, s1: Stage1, seed: number): Uint32Array {
  const t = p.tokens;
  const n = t.length;
  const out = new Uint32Array(n * PER_TOKEN);
  const b = Array.from(s1.margin, marginBucket);
  const bAt = (i: number) => (i >= 0 && i < n ? b[i]! : 11);
  const yAt = (i: number) => (i >= 0 && i < n ? s1.label[i]! : 3);
  for (let i = 0; i < n; i++) {
    const o = i * PER_TOKEN;
    for (let f = 0; f < CUE_FEATURES; f++) out[o + f] = base[i * CUE_FEATURES + f]!;
    const sentence = t.sentence[i]!;
    let left = 9;
    for (let j = i - 1; j >= 0 && t.sentence[j] === sentence; j--) {
      if (s1.label[j] !== CUE_LABEL.O) {
        left = distanceBucket(i - j);
        break;
      }
    }
    let right = 9;
    for (let j = i + 1; j < n && t.sentence[j] === sentence; j++) {
      if (s1.label[j] !== CUE_LABEL.O) {
        right = distanceBucket(j - i);
        break;
      }
    }
    let cues = 0;
    let far = -Infinity;
    for (let j = 0; j < n; j++) {
      if (t.sentence[j] !== sentence) continue;
      if (s1.label[j] === CUE_LABEL.BEGIN && (j > i || j < i - 3)) cues++;
      if (Math.abs(j - i) > 2) far = Math.max(far, s1.margin[j]!);
    }
    const q = o + CUE_FEATURES;
    out[q] = h(seed, 201, b[i]!);
    out[q + 1] = h(seed, 202, b[i]!, t.share[i]!);
    out[q + 2] = h(seed, 203, bAt(i - 1), b[i]!, bAt(i + 1));
    out[q + 3] = h(seed, 204, yAt(i - 1), yAt(i), yAt(i + 1));
    out[q + 4] = h(seed, 205, left, b[i]!);
    out[q + 5] = h(seed, 206, right, b[i]!);
    out[q + 6] = h(seed, 207, Math.min(cues, 3), b[i]!);
    out[q + 7] = h(seed, 208, b[i]!, t.stem[i]!);
    out[q + 8] = h(seed, 209, far === -Infinity ? 12 : marginBucket(far), t.share[i]!);
  }
  return out;
}

for (const seed of SEEDS) {
  const trainS = train.map((p, i): TaggedSequence => ({ ...trainSeq[i]!, x: stackedFeatures(p, trainSeq[i]!.x, trainStage1Out[i]!, seed) }));
  const devS = dev.map((p, k): TaggedSequence => ({ ...devSeq[k]!, x: stackedFeatures(p, devSeq[k]!.x, devStage1Out[k]!, seed) }));
  trainChainTagger(trainS, PER_TOKEN, EPOCHS, (model, epoch) => {
    say(`seed ${seed}, stage 2 epoch ${epoch + 1}: ${cueTaggingFigures(
      dev.map((p) => p.cueLabels),
      devS.map((s) => decodeChain(model, s, PER_TOKEN)),
    )}`);
  });
}
