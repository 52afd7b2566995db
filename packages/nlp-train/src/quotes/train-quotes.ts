import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { extractQuotes, type QuoteModel, resolveQuotes } from "@newsflow/nlp";
import { type ChainModel, CUE_FEATURES, CUE_LABEL, type CueTokens, cueFeatures, passiveCueParticiple, QUOTE_MODEL_FORMAT, QUOTE_MODEL_VERSION, type QuoteModelJson, type QuoteTokens, quoteModelFromJson, quoteTokens, ROLE_FEATURES, ROLE_LABEL, roleFeatures, roleWindow, shareBucket, TRAINED_READING } from "@newsflow/nlp/train";
import { ChainTrainer, chainToJson } from "./chain-trainer.js";
import type { GoldArticle, GoldParagraph } from "./polnear.js";
import { emptyCounts, type QuoteCounts, quoteFigures, type Spans, scoreArticle } from "./score-quotes.js";
import { toAttributions } from "./to-attributions.js";

export interface QuoteTrainConfig {
  /** Most epochs; training stops `patience` epochs after the best one on dev. */
  epochs: number;
  patience: number;
  cueBits: number;
  roleBits: number;
  /** A word enters the cue lexicon when annotated as a cue at least this often... */
  lexiconMinCount: number;
  /** ...and at least this share of its occurrences. */
  lexiconMinShare: number;
  /** Perceptrons trained side by side in different orders and averaged (parameter mixing); 1 by default. */
  ensemble?: number;
}

export const DEFAULT_QUOTE_TRAIN_CONFIG: QuoteTrainConfig = { epochs: 14, patience: 3, cueBits: 18, roleBits: 18, lexiconMinCount: 3, lexiconMinShare: 0.02 };

interface RoleExample {
  cue: CueTokens;
  from: number;
  labels: Uint8Array;
}

/** A training paragraph as the trainers read it: tokens, cue labels, and per gold cue its role labels. */
export interface EncodedParagraph {
  tokens: QuoteTokens;
  cueLabels: Uint8Array;
  isCue: Uint8Array;
  roles: RoleExample[];
}

/** Tokens of `t` lying inside `spans` (by their middle character). */
function tokensIn(t: QuoteTokens, spans: Spans): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const mid = (t.start[i]! + t.end[i]! - 1) / 2;
    if (spans.some((s) => s.start <= mid && mid < s.end)) out.push(i);
  }
  return out;
}

/** Tokens and labels of a gold paragraph (`clusters`: the word clusters of the model being trained). */
export function encodeParagraph(p: GoldParagraph, clusters: ReadonlyMap<string, number>): EncodedParagraph {
  // Read as the shipped model's examples were (mixed quotation marks unpaired, numbers split at their commas).
  const tokens = quoteTokens(p.text, clusters, TRAINED_READING);
  const cueLabels = new Uint8Array(tokens.length);
  const roles: RoleExample[] = [];
  for (const at of p.attributions) {
    tokensIn(tokens, at.cue).forEach((i, k) => {
      cueLabels[i] = k === 0 ? CUE_LABEL.BEGIN : CUE_LABEL.INSIDE;
    });
  }
  for (const at of p.attributions) {
    const cueTokens = tokensIn(tokens, at.cue);
    if (cueTokens.length === 0) continue;
    const cue = { first: cueTokens[0]!, last: cueTokens[cueTokens.length - 1]! };
    const { from, to } = roleWindow(tokens, cue);
    const labels = new Uint8Array(to - from);
    for (const i of tokensIn(tokens, at.content)) if (i >= from && i < to) labels[i - from] = ROLE_LABEL.CONTENT;
    for (const i of tokensIn(tokens, at.source)) if (i >= from && i < to) labels[i - from] = ROLE_LABEL.SOURCE;
    roles.push({ cue, from, labels });
  }
  return { tokens, cueLabels, isCue: cueLabels.map((l) => (l === CUE_LABEL.O ? 0 : 1)), roles };
}

/** The cue lexicon: per word, the share of its occurrences in the training paragraphs that lie in an annotated cue. */
export function buildCueLexicon(encoded: readonly EncodedParagraph[], config: QuoteTrainConfig): Array<[string, number]> {
  const seen = new Map<string, number>();
  const cue = new Map<string, number>();
  for (const p of encoded) {
    for (let i = 0; i < p.tokens.length; i++) {
      const w = p.tokens.lower[i]!;
      seen.set(w, (seen.get(w) ?? 0) + 1);
      if (p.cueLabels[i] !== CUE_LABEL.O) cue.set(w, (cue.get(w) ?? 0) + 1);
    }
  }
  return [...cue]
    .filter(([w, n]) => n >= config.lexiconMinCount && n / seen.get(w)! >= config.lexiconMinShare)
    .map(([w, n]): [string, number] => [w, Math.round((n / seen.get(w)!) * 1000) / 1000])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** The words that stand before the final "to" of a training cue of two words or more ("according to"), in word order. */
export function cueWordsBeforeTo(encoded: readonly EncodedParagraph[]): string[] {
  const words = new Set<string>();
  for (const p of encoded) {
    for (const { cue } of p.roles) if (cue.last > cue.first && p.tokens.lower[cue.last] === "to") words.add(p.tokens.lower[cue.last - 1]!);
  }
  return [...words].sort();
}

/**
 * The participles of passive training cues (`passiveCueParticiple`) seen twice or more with a source
 * before the cue at most one time in ten, sorted: "accused", "asked", "expected"..., not "worried"
 * or "concerned", whose subject is the one who holds the view.
 */
export function agentlessPassives(encoded: readonly EncodedParagraph[]): string[] {
  const seen = new Map<string, { total: number; before: number }>();
  for (const p of encoded) {
    for (const { cue, from, labels } of p.roles) {
      const participle = passiveCueParticiple(p.tokens.lower, cue.first, cue.last);
      if (participle === null) continue;
      const s = seen.get(participle) ?? { total: 0, before: 0 };
      s.total++;
      if (labels.some((l, k) => l === ROLE_LABEL.SOURCE && from + k < cue.first)) s.before++;
      seen.set(participle, s);
    }
  }
  return [...seen]
    .filter(([, s]) => s.total >= 2 && s.before <= 0.1 * s.total)
    .map(([w]) => w)
    .sort();
}

/**
 * The paragraphs in a different fixed order each epoch (a stride through them), so training is
 * reproducible without a random generator.
 */
export function epochOrder(n: number, epoch: number): number[] {
  const strides = [7919, 104729, 15485863, 3571, 611953];
  let stride = strides[epoch % strides.length]! % Math.max(1, n);
  while (n > 1 && gcd(stride, n) !== 1) stride++;
  return Array.from({ length: n }, (_, i) => (i * stride + epoch * 31) % n);
}
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Scores a model on articles the way `eval quotes` does, without entities (resolution by context only). */
export function scoreQuoteModel(model: QuoteModel, articles: readonly GoldArticle[], paragraphs: readonly GoldParagraph[]): QuoteCounts {
  const counts = emptyCounts();
  const byArticle = new Map<string, GoldParagraph[]>();
  for (const p of paragraphs) byArticle.set(p.articleId, [...(byArticle.get(p.articleId) ?? []), p]);
  for (const a of articles) {
    const ps = byArticle.get(a.id);
    if (!ps) continue;
    const resolved = resolveQuotes(
      ps.map((p) => ({ index: p.index, text: p.text, quotes: extractQuotes(p.text, model) })),
      [],
    );
    scoreArticle(a.text, a.attributions, toAttributions(resolved, ps.map((p) => ({ index: p.index, toArticle: (i: number) => p.offset + i }))), counts);
  }
  return counts;
}

/**
 * Trains the quote model: the cue tagger over every token of the training paragraphs and the
 * per-cue content/source labeller over the gold cues, both averaged perceptrons with Viterbi
 * decoding, one epoch of each in turn; the epoch with the best attribution F1 on dev is kept.
 * `onEpoch` sees each epoch's model before it is scored on dev.
 */
export function trainQuoteModel(
  train: readonly GoldParagraph[],
  devArticles: readonly GoldArticle[],
  dev: readonly GoldParagraph[],
  clusters: Array<[string, number]>,
  config = DEFAULT_QUOTE_TRAIN_CONFIG,
  say: (line: string) => void = () => {},
  onEpoch: (model: QuoteModelJson) => void = () => {},
): QuoteModelJson {
  const clusterMap = new Map(clusters);
  const encoded = train.map((p) => encodeParagraph(p, clusterMap));
  const lexiconEntries = buildCueLexicon(encoded, config);
  const lexicon = new Map(lexiconEntries);
  const endsWithTo = cueWordsBeforeTo(encoded);
  const agentless = agentlessPassives(encoded);
  // The share buckets as the runtime look them up (`wordKnowledge`), now that the lexicon is known.
  for (const p of encoded) for (let i = 0; i < p.tokens.length; i++) p.tokens.share[i] = shareBucket(lexicon.get(p.tokens.lower[i]!));
  const cueInputs = encoded.map((p) => cueFeatures(p.tokens));
  say(`${encoded.length} paragraphs, ${encoded.reduce((n, p) => n + p.roles.length, 0)} cues, lexicon ${lexiconEntries.length} words`);
  const members = config.ensemble ?? 1;
  const cueTrainers = Array.from({ length: members }, () => new ChainTrainer(config.cueBits, 3));
  const roleTrainers = Array.from({ length: members }, () => new ChainTrainer(config.roleBits, 3));
  let best: { epoch: number; f1: number; model: QuoteModelJson } | null = null;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    let cueWrong = 0;
    let roleWrong = 0;
    for (let m = 0; m < members; m++) {
      for (const k of epochOrder(encoded.length, epoch * members + m)) {
        const p = encoded[k]!;
        cueWrong += cueTrainers[m]!.learn(cueInputs[k]!, CUE_FEATURES, p.tokens.length, p.cueLabels);
        for (const r of p.roles) {
          const features = roleFeatures(p.tokens, r.cue, p.isCue, r.from, r.from + r.labels.length);
          roleWrong += roleTrainers[m]!.learn(features, ROLE_FEATURES, r.labels.length, r.labels);
        }
      }
    }
    const json: QuoteModelJson = {
      format: QUOTE_MODEL_FORMAT,
      version: QUOTE_MODEL_VERSION,
      meta: { epoch: epoch + 1, trainParagraphs: encoded.length },
      lexicon: lexiconEntries,
      clusters,
      endsWithTo,
      agentlessPassives: agentless,
      cue: chainToJson(meanChain(cueTrainers.map((t) => t.averaged()))),
      role: chainToJson(meanChain(roleTrainers.map((t) => t.averaged()))),
    };
    onEpoch(json);
    const figures = quoteFigures(scoreQuoteModel(quoteModelFromJson(json), devArticles, dev));
    const f1 = figures.attribution.f1;
    say(
      `epoch ${epoch + 1}: cue errors ${cueWrong}, role errors ${roleWrong}; dev content ${figures.content.f1.toFixed(3)} attribution ${f1.toFixed(3)} direct ${figures.direct.f1.toFixed(3)} source ${figures.source.f1.toFixed(3)} cue ${figures.cue.f1.toFixed(3)}`,
    );
    if (!best || f1 > best.f1) best = { epoch, f1, model: json };
    else if (epoch - best.epoch >= config.patience) break;
  }
  say(`kept epoch ${best!.epoch + 1} (dev attribution F1 ${best!.f1.toFixed(3)})`);
  return best!.model;
}

/** The mean of chain models of one shape (one model: itself). */
export function meanChain(models: readonly ChainModel[]): ChainModel {
  if (models.length === 1) return models[0]!;
  const mean = (pick: (m: ChainModel) => Float32Array | Int16Array) => {
    const out = new Float32Array(pick(models[0]!).length);
    for (const m of models) pick(m).forEach((w, i) => {
      out[i]! += w / models.length;
    });
    return out;
  };
  return { ...models[0]!, weights: mean((m) => m.weights), transitions: mean((m) => m.transitions) };
}

/** Writes a quote model file; gzip's level and mtime are fixed by zlib's defaults, so the same model gives the same bytes. */
export function writeQuoteModel(file: string, model: QuoteModelJson): void {
  writeFileSync(file, gzipSync(JSON.stringify(model), { level: 9 }));
}
