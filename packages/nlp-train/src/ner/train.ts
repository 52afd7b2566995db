import {
  buildDocumentContext,
  type DocumentHistory,
  decodeSentence,
  ENTITY_TYPES,
  type EncodedSentence,
  encodeSentence,
  type FeatureResources,
  type Gazetteer,
  HEADLINE_LOWER,
  type Learner,
  labelsFromSpans,
  NUM_LABELS,
  normalizeToken,
  spansFromLabels,
  WordLexicon,
} from "@newsflow/nlp/train";
import { type ConllDocument, type SpanScores, scoreSpans, spansFromTags } from "./conll.js";
import type { ListedName } from "./gazetteer-sources.js";
import { NameTableBuilder } from "./name-table.js";
import { createRandom, shuffleInPlace } from "./random.js";
import { replaceMentions, replacementPools } from "./replace-mentions.js";

/** Settings of one training run. */
export interface TrainConfig {
  bits: number;
  maxEpochs: number;
  seed: number;
  lexicon: Map<string, number>;
  /** Names from lists outside the training data (see readNameLists). */
  listedNames: readonly ListedName[];
  folds: number;
  /** "paragraph" (default): context units of 1-3 sentences, as the worker sees; "document": whole documents. */
  context?: "paragraph" | "document";
  /** Share of training sentences also seen title-cased, as web headlines are (default 0). */
  titleCaseShare?: number;
  /**
   * Mention replacement: this share of the training documents is seen a second time with its
   * PER/ORG/LOC names replaced from the name lists (each distinct name with probability
   * `replaceNames`, default 0.5). Default 0: none; `train:ner` uses 0.25.
   */
  replaceDocs?: number;
  replaceNames?: number;
  /** How many differently shuffled runs to average (default 1). */
  ensemble?: number;
  /**
   * Train exactly this many epochs and keep the last one's averaged weights, scoring nothing on
   * dev: the final model, trained on train + dev with the epoch count a run selected on dev chose.
   */
  fixedEpochs?: number;
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

/**
 * Gazetteers: one packed table of the listed names, and the training set's own mentions (sources
 * 0-3, by type) once with every document (shipped) and once per fold without that fold's
 * documents, so training features never see a document's own names (otherwise the model learns
 * to trust them blindly).
 */
export function buildGazetteers(
  docs: readonly ConllDocument[],
  folds: number,
  listed: readonly ListedName[],
): { lists: Gazetteer; full: Gazetteer; byFold: Gazetteer[] } {
  const lists = new NameTableBuilder();
  for (const n of listed) lists.add(n.tokens, n.source);
  const full = new NameTableBuilder();
  const byFold = Array.from({ length: folds }, () => new NameTableBuilder());
  docs.forEach((doc, d) => {
    for (const s of doc.sentences) {
      for (const span of spansFromTags(s.tags)) {
        const type = TYPE_INDEX.get(span.type);
        if (type === undefined || span.end - span.start > 6) continue;
        const name = s.tokens.slice(span.start, span.end);
        full.add(name, type);
        for (let f = 0; f < folds; f++) if (f !== d % folds) byFold[f]!.add(name, type);
      }
    }
  });
  return { lists: lists.build(), full: full.build(), byFold: byFold.map((b) => b.build()) };
}

/** A sentence the way a web headline writes it: "Iraqi forces retake the town" -> "Iraqi Forces Retake the Town". */
export function titleCaseTokens(tokens: readonly string[]): string[] {
  return tokens.map((t, i) => {
    if (i > 0 && HEADLINE_LOWER.has(t)) return t;
    const c = t.charAt(0);
    return c.toUpperCase() === c ? t : c.toUpperCase() + t.slice(1);
  });
}

interface EncodedDocument {
  sentences: EncodedSentence[];
  /** Where a context unit (a paragraph as the tagger sees it) starts: the history starts afresh. */
  resets: boolean[];
  gold: Uint8Array[];
  goldSpans: ReturnType<typeof spansFromTags>[];
}

function encodeDocuments(
  docs: readonly ConllDocument[],
  resFor: (d: number) => FeatureResources,
  titleCase: (d: number, k: number) => boolean,
  unitSize: (d: number, k: number) => number,
): EncodedDocument[] {
  return docs.map((doc, d) => {
    const res = resFor(d);
    const norm = doc.sentences.map((s, k) => (titleCase(d, k) ? titleCaseTokens(s.tokens) : s.tokens).map(normalizeToken));
    const sentences: EncodedSentence[] = [];
    const resets: boolean[] = [];
    for (let k = 0; k < norm.length; ) {
      const size = unitSize(d, k);
      const unit = norm.slice(k, k + size);
      const ctx = buildDocumentContext(unit);
      unit.forEach((tokens, j) => {
        sentences.push(encodeSentence(tokens, res, ctx));
        resets.push(j === 0);
      });
      k += size;
    }
    return {
      sentences,
      resets,
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
      if (doc.resets[k]) hist.clear();
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
 * stopping after four epochs without gain), or, with `fixedEpochs`, each run's last epoch of
 * that many; the shipped weights are the mean of the runs
 * (parameter mixing: it smooths the perceptron's dependence on example order at no tagging cost).
 */
export function trainTagger(train: readonly ConllDocument[], dev: readonly ConllDocument[], config: TrainConfig): TrainResult {
  const log = config.log ?? (() => {});
  const { bits } = config;
  const gaz = buildGazetteers(train, config.folds, config.listedNames);
  const lexicon = WordLexicon.from(config.lexicon);
  const shipped: FeatureResources = { bits, lexicon, gazetteers: [gaz.lists, gaz.full] };
  const foldRes = gaz.byFold.map((g) => ({ bits, lexicon, gazetteers: [gaz.lists, g] }));
  log(`gazetteers: ${gaz.lists.size} list entries, ${gaz.full.size} training-name entries`);
  // Replaced copies join the training set after the name lists are built (their names are the
  // lists' own) and keep their original's fold.
  const foldOf = train.map((_, d) => d % config.folds);
  const copies: ConllDocument[] = [];
  const replaceDocs = config.replaceDocs ?? 0;
  if (replaceDocs > 0) {
    const pools = replacementPools(config.listedNames);
    const pickDoc = createRandom(config.seed + 31);
    train.forEach((doc, d) => {
      if (pickDoc() >= replaceDocs) return;
      copies.push(replaceMentions(doc, pools, pickDoc, config.replaceNames ?? 0.5));
      foldOf.push(d % config.folds);
    });
    log(`mention replacement: ${copies.length} copies (pools ORG ${pools.ORG.length}, LOC ${pools.LOC.length}, given ${pools.firstNames.length}, family ${pools.lastNames.length})`);
  }
  const docs = [...train, ...copies];
  const share = config.titleCaseShare ?? 0;
  const pick = createRandom(config.seed + 17);
  const titled = docs.map((doc) => doc.sentences.map((s) => s.tokens.length >= 4 && pick() < share));
  // Context units: the tagger sees one paragraph at a time in production, so training reads a
  // document in units of one to three sentences (or whole, with --context document), and dev
  // (which picks the epoch) one sentence at a time, as `eval ner` rebuilds it.
  const whole = config.context === "document";
  const sizes = docs.map((doc) => doc.sentences.map(() => (whole ? Number.MAX_SAFE_INTEGER : 1 + Math.floor(pick() * 3))));
  const trainEnc = encodeDocuments(
    docs,
    (d) => foldRes[foldOf[d]!]!,
    (d, k) => titled[d]![k]!,
    (d, k) => sizes[d]![k]!,
  );
  const devEnc = encodeDocuments(
    dev,
    () => shipped,
    () => false,
    () => (whole ? Number.MAX_SAFE_INTEGER : 1),
  );
  const size = (1 << bits) * NUM_LABELS;
  const runs = Math.max(1, config.ensemble ?? 1);
  const sum = new Float64Array(size);
  const epochs: TrainResult["epochs"] = [];
  const bestEpochs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const best = trainRun(trainEnc, devEnc, bits, config.fixedEpochs ?? config.maxEpochs, config.fixedEpochs === undefined, config.seed + r * 7919, (m) =>
      log(`run ${r + 1}: ${m}`),
    );
    for (let i = 0; i < size; i++) sum[i]! += best.weights[i]!;
    epochs.push(...best.epochs);
    bestEpochs.push(best.epoch);
  }
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i++) weights[i] = sum[i]! / runs;
  const { scores, marginMean } = evaluate(weights, bits, devEnc);
  if (devEnc.length > 0) log(`mean of ${runs} runs: dev F1 ${scores.f1.toFixed(4)} (P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)})`);
  return { weights, resources: shipped, bestEpoch: bestEpochs.join(","), dev: scores, marginScale: marginMean / 2, epochs };
}

function trainRun(
  trainEnc: readonly EncodedDocument[],
  devEnc: readonly EncodedDocument[],
  bits: number,
  maxEpochs: number,
  select: boolean,
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
    shuffleInPlace(order, random);
    for (const d of order) {
      const doc = trainEnc[d]!;
      const hist: DocumentHistory = new Map();
      doc.sentences.forEach((enc, k) => {
        if (doc.resets[k]) hist.clear();
        const out = new Uint8Array(enc.n);
        decodeSentence(learner.w, bits, enc, hist, out, null, learner, doc.gold[k]!);
      });
    }
    if (!select && epoch < maxEpochs) {
      log(`epoch ${epoch}`);
      continue;
    }
    const avg = new Float32Array(size);
    for (let i = 0; i < size; i++) avg[i] = learner.w[i]! - learner.u[i]! / learner.clock;
    if (!select) {
      log(`epoch ${epoch}: kept (fixed count)`);
      best = { weights: avg, epoch, f1: Number.NaN };
      break;
    }
    const { scores } = evaluate(avg, bits, devEnc);
    epochs.push({ epoch, devF1: scores.f1 });
    log(`epoch ${epoch}: dev F1 ${scores.f1.toFixed(4)} (P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)})`);
    if (best === null || scores.f1 > best.f1) best = { weights: avg, epoch, f1: scores.f1 };
    else if (epoch - best.epoch >= 4) break;
  }
  return { ...best!, epochs };
}
