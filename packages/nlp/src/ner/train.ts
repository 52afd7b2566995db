import { spansFromTags, scoreSpans, type ConllDocument, type SpanScores } from "./conll.js";
import { decodeSentence, type DocumentHistory, type Learner } from "./decode.js";
import {
  buildDocumentContext,
  type EncodedSentence,
  encodeSentence,
  type FeatureResources,
  GAZ_PREFIX,
  type Gazetteer,
  lowerForm,
  ngramKey,
  normalizeToken,
} from "./features.js";
import { hashString } from "./hash.js";
import { createRandom } from "./random.js";
import { ENTITY_TYPES, labelsFromSpans, NUM_LABELS, spansFromLabels } from "./labels.js";

/** Settings of one training run. */
export interface TrainConfig {
  bits: number;
  maxEpochs: number;
  seed: number;
  lexicon: Map<string, number>;
  /** Extra gazetteer entries (names by type index) from outside the training data. */
  externalNames: Array<{ name: string[]; type: number }>;
  folds: number;
  /** How many differently shuffled runs to average (default 1). */
  ensemble?: number;
  log?: (message: string) => void;
}

/** The outcome: averaged weights of the best epoch on dev and what it scored. */
export interface TrainResult {
  weights: Float32Array;
  resources: FeatureResources;
  bestEpoch: string;
  dev: SpanScores;
  marginScale: number;
  epochs: Array<{ epoch: number; devF1: number }>;
}

const TYPE_INDEX = new Map(ENTITY_TYPES.map((t, i) => [t as string, i]));

function addName(entries: Map<number, number>, tokens: readonly string[], type: number): number {
  const hashes = tokens.map((t) => hashString(lowerForm(normalizeToken(t))));
  for (let len = 1; len < hashes.length; len++) {
    const prefix = ngramKey(hashes, 0, len);
    entries.set(prefix, (entries.get(prefix) ?? 0) | GAZ_PREFIX);
  }
  const key = ngramKey(hashes, 0, hashes.length);
  entries.set(key, (entries.get(key) ?? 0) | (1 << type));
  return tokens.length;
}

/**
 * Gazetteers from the training mentions: one with every document (shipped) and one per fold
 * without that fold's documents, so training features never see a document's own names
 * (otherwise the model learns to trust the gazetteer blindly).
 */
export function buildGazetteers(
  docs: readonly ConllDocument[],
  folds: number,
  external: TrainConfig["externalNames"],
): { full: Gazetteer; byFold: Gazetteer[] } {
  const make = (): Gazetteer => ({ entries: new Map(), maxLen: 1 });
  const full = make();
  const byFold = Array.from({ length: folds }, make);
  const add = (g: Gazetteer, name: readonly string[], type: number) => {
    if (name.length > 6) return;
    g.maxLen = Math.max(g.maxLen, addName(g.entries, name, type));
  };
  for (const e of external) {
    add(full, e.name, e.type);
    for (const g of byFold) add(g, e.name, e.type);
  }
  docs.forEach((doc, d) => {
    for (const s of doc.sentences) {
      for (const span of spansFromTags(s.tags)) {
        const type = TYPE_INDEX.get(span.type);
        if (type === undefined) continue;
        const name = s.tokens.slice(span.start, span.end);
        add(full, name, type);
        for (let f = 0; f < folds; f++) if (f !== d % folds) add(byFold[f]!, name, type);
      }
    }
  });
  return { full, byFold };
}

interface EncodedDocument {
  sentences: EncodedSentence[];
  gold: Uint8Array[];
  goldSpans: ReturnType<typeof spansFromTags>[];
}

function encodeDocuments(docs: readonly ConllDocument[], resFor: (d: number) => FeatureResources): EncodedDocument[] {
  return docs.map((doc, d) => {
    const res = resFor(d);
    const norm = doc.sentences.map((s) => s.tokens.map(normalizeToken));
    const ctx = buildDocumentContext(norm);
    return {
      sentences: norm.map((tokens) => encodeSentence(tokens, res, NUM_LABELS, ctx)),
      gold: doc.sentences.map((s) =>
        labelsFromSpans(
          spansFromTags(s.tags)
            .filter((x) => TYPE_INDEX.has(x.type))
            .map((x) => ({ start: x.start, end: x.end, type: TYPE_INDEX.get(x.type)! })),
          s.tokens.length,
        ),
      ),
      goldSpans: doc.sentences.map((s) => spansFromTags(s.tags)),
    };
  });
}

function evaluate(weights: Float32Array, bits: number, docs: readonly EncodedDocument[]): { scores: SpanScores; marginMean: number } {
  const gold: ReturnType<typeof spansFromTags>[] = [];
  const pred: ReturnType<typeof spansFromTags>[] = [];
  let marginSum = 0;
  let marginCount = 0;
  for (const doc of docs) {
    const hist: DocumentHistory = new Map();
    doc.sentences.forEach((enc, k) => {
      const out = new Uint8Array(enc.n);
      const margin = new Float32Array(enc.n);
      decodeSentence(weights, bits, enc, hist, out, margin);
      for (let i = 0; i < enc.n; i++) {
        if (out[i] !== 0) {
          marginSum += margin[i]!;
          marginCount++;
        }
      }
      gold.push(doc.goldSpans[k]!);
      pred.push(spansFromLabels(out, enc.n).map((s) => ({ start: s.start, end: s.end, type: ENTITY_TYPES[s.type]! })));
    });
  }
  return { scores: scoreSpans(gold, pred, ENTITY_TYPES), marginMean: marginCount ? marginSum / marginCount : 1 };
}

/**
 * Trains the averaged perceptron on `train` `ensemble` times with different shuffles, scoring
 * the averaged weights on `dev` after every epoch and keeping each run's best epoch (early
 * stopping after four epochs without gain); the shipped weights are the mean of the runs
 * (parameter mixing: it smooths the perceptron's dependence on example order at no tagging cost).
 */
export function trainTagger(train: readonly ConllDocument[], dev: readonly ConllDocument[], config: TrainConfig): TrainResult {
  const log = config.log ?? (() => {});
  const { bits } = config;
  const gaz = buildGazetteers(train, config.folds, config.externalNames);
  const shipped: FeatureResources = { bits, lexicon: config.lexicon, gazetteer: gaz.full };
  const foldRes = gaz.byFold.map((g) => ({ bits, lexicon: config.lexicon, gazetteer: g }));
  log(`gazetteer: ${gaz.full.entries.size} names`);
  const trainEnc = encodeDocuments(train, (d) => foldRes[d % config.folds]!);
  const devEnc = encodeDocuments(dev, () => shipped);
  const size = (1 << bits) * NUM_LABELS;
  const runs = Math.max(1, config.ensemble ?? 1);
  const sum = new Float64Array(size);
  const epochs: TrainResult["epochs"] = [];
  const bestEpochs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const best = trainRun(trainEnc, devEnc, bits, config.maxEpochs, config.seed + r * 7919, (m) => log(`run ${r + 1}: ${m}`));
    for (let i = 0; i < size; i++) sum[i]! += best.weights[i]!;
    epochs.push(...best.epochs);
    bestEpochs.push(best.epoch);
  }
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i++) weights[i] = sum[i]! / runs;
  const { scores, marginMean } = evaluate(weights, bits, devEnc);
  log(`mean of ${runs} runs: dev F1 ${scores.f1.toFixed(4)} (P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)})`);
  return { weights, resources: shipped, bestEpoch: bestEpochs.join(","), dev: scores, marginScale: marginMean / 2, epochs };
}

function trainRun(
  trainEnc: readonly EncodedDocument[],
  devEnc: readonly EncodedDocument[],
  bits: number,
  maxEpochs: number,
  seed: number,
  log: (m: string) => void,
): { weights: Float32Array; epoch: number; f1: number; epochs: TrainResult["epochs"] } {
  const size = (1 << bits) * NUM_LABELS;
  const learner: Learner = { w: new Float64Array(size), u: new Float64Array(size), clock: 1 };
  const random = createRandom(seed);
  const order = trainEnc.map((_, i) => i);
  let best: { weights: Float32Array; epoch: number; f1: number } | null = null;
  const epochs: TrainResult["epochs"] = [];
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const d of order) {
      const doc = trainEnc[d]!;
      const hist: DocumentHistory = new Map();
      doc.sentences.forEach((enc, k) => {
        const out = new Uint8Array(enc.n);
        decodeSentence(learner.w, bits, enc, hist, out, null, learner, doc.gold[k]!);
      });
    }
    const avg = new Float32Array(size);
    for (let i = 0; i < size; i++) avg[i] = learner.w[i]! - learner.u[i]! / learner.clock;
    const { scores } = evaluate(avg, bits, devEnc);
    epochs.push({ epoch, devF1: scores.f1 });
    log(`epoch ${epoch}: dev F1 ${scores.f1.toFixed(4)} (P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)})`);
    if (best === null || scores.f1 > best.f1) best = { weights: avg, epoch, f1: scores.f1 };
    else if (epoch - best.epoch >= 4) break;
  }
  return { ...best!, epochs };
}
