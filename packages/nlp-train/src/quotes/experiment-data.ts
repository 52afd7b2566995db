import { fileURLToPath } from "node:url";
import { MODELS_DIR, readArtefact, SHIPPED_QUOTE_MODEL } from "@newsflow/nlp/node";
import { bestPath, type ChainModel, CUE_LABEL, emissionScores, type QuoteModelJson, shareBucket } from "@newsflow/nlp/train";
import { requireSharedData } from "../shared-data.js";
import { ChainTrainer } from "./chain-trainer.js";
import { goldParagraphs, readPolnear } from "./polnear.js";
import { buildCueLexicon, DEFAULT_QUOTE_TRAIN_CONFIG, type EncodedParagraph, encodeParagraph, epochOrder } from "./train-quotes.js";

/** PolNeAR's training and dev paragraphs as the trainers read them, and each training paragraph's article. */
export interface EncodedPolnear {
  train: EncodedParagraph[];
  trainArticle: string[];
  dev: EncodedParagraph[];
  /** The shipped model's word clusters and the cue shares learnt from train, to encode other text alike. */
  clusters: Map<string, number>;
  lexicon: Map<string, number>;
}

/**
 * PolNeAR train and dev encoded as `train:quotes` encodes them, with the shipped model's word
 * clusters and the cue shares of a lexicon built from train (as training builds it), for the
 * experiment scripts that train taggers outside `trainQuoteModel`.
 */
export function encodedPolnear(): EncodedPolnear {
  const shipped = JSON.parse(readArtefact(fileURLToPath(new URL(SHIPPED_QUOTE_MODEL, MODELS_DIR))).toString("utf8")) as QuoteModelJson;
  const clusters = new Map(shipped.clusters);
  const trainGold = goldParagraphs(readPolnear(requireSharedData("quotes", "polnear", "train.jsonl")));
  const train = trainGold.map((p) => encodeParagraph(p, clusters));
  const dev = goldParagraphs(readPolnear(requireSharedData("quotes", "polnear", "dev.jsonl"))).map((p) => encodeParagraph(p, clusters));
  const lexicon = new Map(buildCueLexicon(train, DEFAULT_QUOTE_TRAIN_CONFIG));
  for (const p of [...train, ...dev]) for (let i = 0; i < p.tokens.length; i++) p.tokens.share[i] = shareBucket(lexicon.get(p.tokens.lower[i]!));
  return { train, trainArticle: trainGold.map((p) => p.articleId), dev, clusters, lexicon };
}

/** One sequence a tagger learns or is scored on: `n` tokens, their hashed features and gold labels. */
export interface TaggedSequence {
  n: number;
  x: Uint32Array;
  gold: Uint8Array;
}

/**
 * A perceptron chain tagger (`ChainTrainer`, 2^bits rows, three labels) trained on `sequences`
 * for `epochs` epochs in `train:quotes`' order. `onEpoch` sees each epoch's averaged model; the
 * last one is returned.
 */
export function trainChainTagger(
  sequences: readonly TaggedSequence[],
  perToken: number,
  epochs: number,
  onEpoch?: (model: ChainModel, epoch: number) => void,
  bits = 18,
): ChainModel {
  const trainer = new ChainTrainer(bits, 3);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const k of epochOrder(sequences.length, epoch)) trainer.learn(sequences[k]!.x, perToken, sequences[k]!.n, sequences[k]!.gold);
    onEpoch?.(trainer.averaged(), epoch);
  }
  return trainer.averaged();
}

/** A chain tagger's best path over one sequence (a copy). */
export const decodeChain = (model: ChainModel, s: TaggedSequence, perToken: number): Uint8Array => bestPath(model, emissionScores(model, s.x, perToken, s.n), s.n).slice();

/** Per token of a cue tagger's emission scores, the best cue label's score less O's. */
export function cueMargins(scores: Float32Array, n: number): Float32Array {
  const margin = new Float32Array(n);
  for (let i = 0; i < n; i++) margin[i] = Math.max(scores[i * 3 + CUE_LABEL.BEGIN]!, scores[i * 3 + CUE_LABEL.INSIDE]!) - scores[i * 3 + CUE_LABEL.O]!;
  return margin;
}

/** The runs of cue labels (a B or I token followed by I tokens), as "first:last". */
function cueSpans(labels: Uint8Array): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === CUE_LABEL.O) continue;
    let j = i;
    while (j + 1 < labels.length && labels[j + 1] === CUE_LABEL.INSIDE) j++;
    out.add(`${i}:${j}`);
    i = j;
  }
  return out;
}

const prf = (tp: number, predicted: number, gold: number) => `${(tp / predicted).toFixed(3)}/${(tp / gold).toFixed(3)}/${((2 * tp) / (predicted + gold)).toFixed(3)}`;

/**
 * Cue tagging against gold label sequences, one line: token P/R/F1 (a token in a gold cue tagged
 * B or I) and exact cue spans.
 */
export function cueTaggingFigures(gold: readonly Uint8Array[], predicted: readonly Uint8Array[]): string {
  let tp = 0;
  let tagged = 0;
  let inCue = 0;
  let spanTp = 0;
  let spanPredicted = 0;
  let spanGold = 0;
  gold.forEach((g, k) => {
    const p = predicted[k]!;
    for (let i = 0; i < g.length; i++) {
      const isGold = g[i] !== CUE_LABEL.O;
      const isPredicted = p[i] !== CUE_LABEL.O;
      if (isGold && isPredicted) tp++;
      if (isPredicted) tagged++;
      if (isGold) inCue++;
    }
    const gs = cueSpans(g);
    const ps = cueSpans(p);
    spanGold += gs.size;
    spanPredicted += ps.size;
    for (const x of ps) if (gs.has(x)) spanTp++;
  });
  return `token P/R/F1 ${prf(tp, tagged, inCue)}, spans ${prf(spanTp, spanPredicted, spanGold)}`;
}

/** Precision/recall/F1 as "P/R/F1" with three decimals. */
export { prf as formatPrf };
