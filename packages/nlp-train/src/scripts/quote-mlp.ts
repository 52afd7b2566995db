// Does a small neural network over a quote tagger's own features do better than the averaged
// perceptron? `node dist/scripts/quote-mlp.js [--tagger cue|role] [--hidden H] [--epochs N]
// [--rate R] [--bits B] [--skip-perceptron]` trains both on PolNeAR train and prints, per epoch,
// each one's tagging of dev:
// - `cue` (the default): the cue tagger over every token (`cueFeatures`); token P/R/F1 (a token in
//   a gold cue, tagged B or I) and exact cue spans.
// - `role`: the content/source labeller over the window of each gold cue (`roleFeatures`, the other
//   gold cues marked); per role its token P/R/F1, the share of gold contents whose predicted
//   content overlaps them with F1 >= 0.5 (the scorer's match rule, per cue) and the share of
//   sources predicted exactly.
// The network (`HashedMlp`) sums a learned vector per hashed feature into H ReLU units, with a
// linear part over the same features beside it (H = 0: logistic regression), softmax over the three
// labels, AdaGrad on each token's cross-entropy. It decodes by Viterbi over its log-probabilities:
// for cues with the BIO constraint (I never starts or follows O), for roles without constraints
// (each token's best label). An "O bias" added to the O log-probability trades precision for recall.
// Deterministic (a seeded generator). An experiment: nothing here is shipped.
import { parseArgs } from "node:util";
import {
  bestPath,
  type ChainModel,
  CUE_FEATURES,
  cueFeatures,
  ROLE_FEATURES,
  ROLE_LABEL,
  roleFeatures,
} from "@newsflow/nlp/train";
import { cueTaggingFigures, decodeChain, encodedPolnear, formatPrf, type TaggedSequence, trainChainTagger } from "../quotes/experiment-data.js";
import { HashedMlp } from "../quotes/hashed-mlp.js";
import { type EncodedParagraph, epochOrder } from "../quotes/train-quotes.js";

const { values } = parseArgs({
  options: {
    tagger: { type: "string", default: "cue" },
    hidden: { type: "string", default: "32" },
    epochs: { type: "string", default: "8" },
    bits: { type: "string", default: "18" },
    rate: { type: "string", default: "0.05" },
    "skip-perceptron": { type: "boolean", default: false },
  },
});
const say = (line: string) => process.stderr.write(`quote-mlp: ${line}\n`);
if (values.tagger !== "cue" && values.tagger !== "role") {
  say(`--tagger must be cue or role, got ${values.tagger}`);
  process.exit(2);
}
const CUE = values.tagger === "cue";
const H = Number(values.hidden);
const EPOCHS = Number(values.epochs);
const BITS = Number(values.bits);
const RATE = Number(values.rate);
const PER_TOKEN = CUE ? CUE_FEATURES : ROLE_FEATURES;

const { train: trainParagraphs, dev: devParagraphs } = encodedPolnear();
const sequences = (ps: readonly EncodedParagraph[]): TaggedSequence[] =>
  CUE
    ? ps.map((p) => ({ n: p.tokens.length, x: cueFeatures(p.tokens), gold: p.cueLabels }))
    : ps.flatMap((p) => p.roles.map((r) => ({ n: r.labels.length, x: roleFeatures(p.tokens, r.cue, p.isCue, r.from, r.from + r.labels.length), gold: r.labels })));
const train = sequences(trainParagraphs);
const dev = sequences(devParagraphs);
say(`${values.tagger} tagger: ${train.length} training sequences (${train.reduce((n, s) => n + s.n, 0)} tokens), ${dev.length} dev`);

/** Dev's figures for predicted label sequences, one line. */
function score(predict: (s: TaggedSequence) => Uint8Array): string {
  if (CUE) return cueTaggingFigures(
    dev.map((s) => s.gold),
    dev.map((s) => predict(s)),
  );
  const roles = [ROLE_LABEL.CONTENT, ROLE_LABEL.SOURCE];
  const t = roles.map(() => ({ tp: 0, predicted: 0, gold: 0, withGold: 0, matched: 0 }));
  for (const s of dev) {
    const p = predict(s);
    roles.forEach((role, k) => {
      let tp = 0;
      let predicted = 0;
      let gold = 0;
      for (let i = 0; i < s.n; i++) {
        if (p[i] === role && s.gold[i] === role) tp++;
        if (p[i] === role) predicted++;
        if (s.gold[i] === role) gold++;
      }
      const c = t[k]!;
      c.tp += tp;
      c.predicted += predicted;
      c.gold += gold;
      if (gold === 0) return;
      c.withGold++;
      // Content: the scorer's overlap rule; source: exact.
      if (role === ROLE_LABEL.CONTENT ? (2 * tp) / (predicted + gold) >= 0.5 : tp === gold && predicted === gold) c.matched++;
    });
  }
  const [content, source] = t;
  return `content P/R/F1 ${formatPrf(content!.tp, content!.predicted, content!.gold)} matched ${(content!.matched / content!.withGold).toFixed(3)}; source ${formatPrf(source!.tp, source!.predicted, source!.gold)} exact ${(source!.matched / source!.withGold).toFixed(3)}`;
}

if (!values["skip-perceptron"]) {
  let t0 = performance.now();
  trainChainTagger(train, PER_TOKEN, EPOCHS, (model, epoch) => {
    say(`perceptron epoch ${epoch + 1}: ${score((s) => decodeChain(model, s, PER_TOKEN))} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    t0 = performance.now();
  }, BITS);
}

const network = new HashedMlp(BITS, PER_TOKEN, H, 3, RATE);
// Transitions for Viterbi over log-probabilities: for cues I never starts a sequence or follows O.
const NO = -1e9;
const transitions = CUE ? Float32Array.from([0, 0, NO, 0, 0, NO, 0, 0, 0, 0, 0, 0]) : new Float32Array(12);
const decoder: ChainModel = { bits: BITS, labels: 3, weights: new Float32Array(0), scale: 1, transitions };
function decode(s: TaggedSequence, oBias: number): Uint8Array {
  const scores = new Float32Array(s.n * 3);
  for (let i = 0; i < s.n; i++) {
    const lp = network.forward(s.x, i);
    scores[i * 3] = lp[0]! + oBias;
    scores[i * 3 + 1] = lp[1]!;
    scores[i * 3 + 2] = lp[2]!;
  }
  return bestPath(decoder, scores, s.n).slice();
}

for (let epoch = 0; epoch < EPOCHS; epoch++) {
  const t0 = performance.now();
  let loss = 0;
  let tokens = 0;
  for (const k of epochOrder(train.length, epoch)) {
    const s = train[k]!;
    for (let i = 0; i < s.n; i++) loss += network.learn(s.x, i, s.gold[i]!);
    tokens += s.n;
  }
  say(`network H=${H} epoch ${epoch + 1}: train loss ${(loss / tokens).toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  for (const oBias of [0, -1, -2]) say(`  O bias ${oBias}: ${score((s) => decode(s, oBias))}`);
}
