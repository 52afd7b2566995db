// Does a small neural network over the cue tagger's own features find cues better than the
// averaged perceptron? `node dist/scripts/cue-mlp.js [--hidden H] [--epochs N] [--bits B]` trains
// both on PolNeAR train and prints, per epoch, each one's cue tagging on dev: token P/R/F1 (a token
// in a gold cue, tagged B or I) and exact cue spans. The network sums a learned vector per hashed
// feature (the perceptron's `cueFeatures`, unchanged) into H ReLU units, with a linear part over the
// same features beside it, and scores B/I/O with a softmax; it is trained by AdaGrad on each token's
// cross-entropy and decoded by Viterbi over its log-probabilities with the BIO constraint (I never
// follows O or starts). Deterministic (a seeded generator). An experiment: nothing here is shipped.

import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { MODELS_DIR, readArtefact, SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { bestPath, CUE_FEATURES, CUE_LABEL, cueFeatures, type QuoteModelJson, shareBucket } from "@newsflow/nlp/train";
import { ChainTrainer } from "../quotes/chain-trainer.js";
import { goldParagraphs, readPolnear } from "../quotes/polnear.js";
import { buildCueLexicon, DEFAULT_QUOTE_TRAIN_CONFIG, encodeParagraph } from "../quotes/train-quotes.js";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    hidden: { type: "string", default: "32" },
    epochs: { type: "string", default: "8" },
    bits: { type: "string", default: "18" },
    rate: { type: "string", default: "0.05" },
    "skip-perceptron": { type: "boolean", default: false },
  },
});
const H = Number(values.hidden);
const EPOCHS = Number(values.epochs);
const BITS = Number(values.bits);
const RATE = Number(values.rate);
const say = (line: string) => process.stderr.write(`cue-mlp: ${line}\n`);

const shipped = JSON.parse(readArtefact(fileURLToPath(new URL(SHIPPED_QUOTE_MODEL, MODELS_DIR))).toString("utf8")) as QuoteModelJson;
const clusterMap = new Map(shipped.clusters);
const encode = (path: string) => goldParagraphs(readPolnear(path)).map((p) => encodeParagraph(p, clusterMap));
const train = encode(requireSharedData("quotes", "polnear", "train.jsonl"));
const dev = encode(requireSharedData("quotes", "polnear", "dev.jsonl"));
const lexicon = new Map(buildCueLexicon(train, DEFAULT_QUOTE_TRAIN_CONFIG));
for (const p of [...train, ...dev]) for (let i = 0; i < p.tokens.length; i++) p.tokens.share[i] = shareBucket(lexicon.get(p.tokens.lower[i]!));
const trainX = train.map((p) => cueFeatures(p.tokens));
const devX = dev.map((p) => cueFeatures(p.tokens));
say(`${train.length} train paragraphs (${train.reduce((n, p) => n + p.tokens.length, 0)} tokens), ${dev.length} dev`);

/** Token and exact-span P/R/F1 of predicted cue label sequences against dev's gold ones. */
function score(predict: (k: number) => Uint8Array): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let sTp = 0;
  let sPred = 0;
  let sGold = 0;
  const spans = (l: Uint8Array) => {
    const out = new Set<string>();
    for (let i = 0; i < l.length; i++) {
      if (l[i] === CUE_LABEL.O) continue;
      let j = i;
      while (j + 1 < l.length && l[j + 1] === CUE_LABEL.INSIDE) j++;
      out.add(`${i}:${j}`);
      i = j;
    }
    return out;
  };
  dev.forEach((p, k) => {
    const pred = predict(k);
    for (let i = 0; i < pred.length; i++) {
      const g = p.cueLabels[i] !== CUE_LABEL.O;
      const q = pred[i] !== CUE_LABEL.O;
      if (g && q) tp++;
      else if (q) fp++;
      else if (g) fn++;
    }
    const gs = spans(p.cueLabels);
    const ps = spans(pred);
    sGold += gs.size;
    sPred += ps.size;
    for (const s of ps) if (gs.has(s)) sTp++;
  });
  const f = (t: number, p: number, g: number) => `${(t / p).toFixed(3)}/${(t / g).toFixed(3)}/${((2 * t) / (p + g)).toFixed(3)}`;
  return `token P/R/F1 ${f(tp, tp + fp, tp + fn)}, spans ${f(sTp, sPred, sGold)}`;
}

function epochOrder(n: number, epoch: number): number[] {
  const stride = [7919, 104729, 15485863, 3571, 611953][epoch % 5]! % n;
  let s = stride;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(s, n) !== 1) s++;
  return Array.from({ length: n }, (_, i) => (i * s + epoch * 31) % n);
}

if (!values["skip-perceptron"]) {
  const trainer = new ChainTrainer(BITS, 3);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const t0 = performance.now();
    for (const k of epochOrder(train.length, epoch)) trainer.learn(trainX[k]!, CUE_FEATURES, train[k]!.tokens.length, train[k]!.cueLabels);
    const model = trainer.averaged();
    const figures = score((k) => {
      const n = dev[k]!.tokens.length;
      const scores = new Float32Array(n * 3);
      const { weights, labels } = model;
      const mask = (1 << BITS) - 1;
      for (let i = 0; i < n; i++) for (let f = i * CUE_FEATURES; f < (i + 1) * CUE_FEATURES; f++) for (let l = 0; l < labels; l++) scores[i * 3 + l]! += weights[(devX[k]![f]! & mask) * 3 + l]!;
      return bestPath(model, scores, n).slice();
    });
    say(`perceptron epoch ${epoch + 1}: ${figures} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}

// The network. A seeded generator (mulberry32) for the initial vectors.
let seed = 12345;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const rows = 1 << BITS;
const mask = rows - 1;
const E = Float32Array.from({ length: rows * H }, () => (random() - 0.5) * 0.1);
const EG = new Float32Array(rows * H);
const Lw = new Float32Array(rows * 3);
const LG = new Float32Array(rows * 3);
const b1 = new Float32Array(H).fill(0.01);
const b1G = new Float32Array(H);
const W2 = Float32Array.from({ length: H * 3 }, () => (random() - 0.5) * (2 / Math.sqrt(H)));
const W2G = new Float32Array(H * 3);
const b2 = new Float32Array(3);
const b2G = new Float32Array(3);
const EPS = 1e-6;
const hidden = new Float32Array(H);
const dHidden = new Float32Array(H);
const out = new Float32Array(3);

/** Log-probabilities of the three labels for token `i` (the hidden layer left in `hidden`). */
function forward(x: Uint32Array, i: number): Float32Array {
  hidden.set(b1);
  out.set(b2);
  for (let f = i * CUE_FEATURES; f < (i + 1) * CUE_FEATURES; f++) {
    const r = x[f]! & mask;
    const o = r * H;
    for (let j = 0; j < H; j++) hidden[j]! += E[o + j]!;
    out[0]! += Lw[r * 3]!;
    out[1]! += Lw[r * 3 + 1]!;
    out[2]! += Lw[r * 3 + 2]!;
  }
  for (let j = 0; j < H; j++) {
    const h = Math.max(hidden[j]!, 0);
    hidden[j] = h;
    if (h === 0) continue;
    out[0]! += h * W2[j * 3]!;
    out[1]! += h * W2[j * 3 + 1]!;
    out[2]! += h * W2[j * 3 + 2]!;
  }
  const m = Math.max(out[0]!, out[1]!, out[2]!);
  const z = Math.log(Math.exp(out[0]! - m) + Math.exp(out[1]! - m) + Math.exp(out[2]! - m)) + m;
  for (let l = 0; l < 3; l++) out[l]! -= z;
  return out;
}

const adagrad = (w: Float32Array, g2: Float32Array, at: number, g: number) => {
  g2[at]! += g * g;
  w[at]! -= (RATE * g) / Math.sqrt(g2[at]! + EPS);
};

function learnToken(x: Uint32Array, i: number, gold: number): number {
  const lp = forward(x, i);
  const loss = -lp[gold]!;
  // d loss / d logit = p - onehot
  const d = [Math.exp(lp[0]!), Math.exp(lp[1]!), Math.exp(lp[2]!)];
  d[gold]! -= 1;
  for (let j = 0; j < H; j++) {
    const h = hidden[j]!;
    dHidden[j] = h > 0 ? d[0]! * W2[j * 3]! + d[1]! * W2[j * 3 + 1]! + d[2]! * W2[j * 3 + 2]! : 0;
    if (h > 0) for (let l = 0; l < 3; l++) adagrad(W2, W2G, j * 3 + l, d[l]! * h);
  }
  for (let l = 0; l < 3; l++) adagrad(b2, b2G, l, d[l]!);
  for (let j = 0; j < H; j++) if (dHidden[j] !== 0) adagrad(b1, b1G, j, dHidden[j]!);
  for (let f = i * CUE_FEATURES; f < (i + 1) * CUE_FEATURES; f++) {
    const r = x[f]! & mask;
    const o = r * H;
    for (let j = 0; j < H; j++) if (dHidden[j] !== 0) adagrad(E, EG, o + j, dHidden[j]!);
    for (let l = 0; l < 3; l++) adagrad(Lw, LG, r * 3 + l, d[l]!);
  }
  return loss;
}

// Viterbi over log-probabilities with the BIO constraint: I never starts a sequence or follows O.
const NO = -1e9;
const transitions = Float32Array.from([0, 0, NO, 0, 0, NO, 0, 0, 0, 0, 0, 0]);
const bioModel = { bits: BITS, labels: 3, weights: new Float32Array(0), scale: 1, transitions };
function decode(x: Uint32Array, n: number, oBias: number): Uint8Array {
  const scores = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const lp = forward(x, i);
    scores[i * 3] = lp[0]! + oBias;
    scores[i * 3 + 1] = lp[1]!;
    scores[i * 3 + 2] = lp[2]!;
  }
  return bestPath(bioModel, scores, n).slice();
}

for (let epoch = 0; epoch < EPOCHS; epoch++) {
  const t0 = performance.now();
  let loss = 0;
  let tokens = 0;
  for (const k of epochOrder(train.length, epoch)) {
    const p = train[k]!;
    for (let i = 0; i < p.tokens.length; i++) loss += learnToken(trainX[k]!, i, p.cueLabels[i]!);
    tokens += p.tokens.length;
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  say(`network H=${H} epoch ${epoch + 1}: train loss ${(loss / tokens).toFixed(4)} (${seconds} s)`);
  for (const oBias of [0, -1, -2]) say(`  O bias ${oBias}: ${score((k) => decode(devX[k]!, dev[k]!.tokens.length, oBias))}`);
}
