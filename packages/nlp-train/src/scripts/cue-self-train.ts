// Self-training for the cue tagger: do cues that the tagger is sure of in unlabeled news, added to
// its training data, teach it the cue words it meets too rarely in PolNeAR? `node
// dist/scripts/cue-self-train.js [--margins 30,60,100] [--o-margin L] [--epochs N]` trains the perceptron cue
// tagger on PolNeAR train (`N` epochs, 4 by default), tags every paragraph of the BBC articles
// (../shared/data/summaries/bbc, 2004-2005 UK news, tokenised and given cue shares as PolNeAR's
// paragraphs are), and for each margin M keeps as silver the paragraphs where the tagger found a
// cue and it is sure of every cue: each cue token's margin (best cue label's score less O's) at
// least M, and every other token's at most -L (0 by default: on the path as O). It then trains a new tagger on train plus the silver
// paragraphs and prints dev's cue tagging (token and exact-span P/R/F1) beside the first tagger's,
// with dev's cue recall on the gold cues none of whose words is in the cue lexicon or whose best
// word is a cue in under a tenth of its training occurrences (the "unseen" and "low" classes of
// `quote-cue-misses`). An experiment: nothing here is shipped.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { normalizeText, splitParagraphs } from "@newsflow/nlp";
import { bestPath, type ChainModel, CUE_FEATURES, CUE_LABEL, cueFeatures, emissionScores, quoteTokens, shareBucket } from "@newsflow/nlp/train";
import { cueMargins, cueTaggingFigures, decodeChain, encodedPolnear, type TaggedSequence, trainChainTagger } from "../quotes/experiment-data.js";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    margins: { type: "string", default: "30,60,100" },
    epochs: { type: "string", default: "4" },
    "o-margin": { type: "string", default: "0" },
  },
});
const MARGINS = values.margins.split(",").map(Number);
const EPOCHS = Number(values.epochs);
const O_MARGIN = Number(values["o-margin"]);
const say = (line: string) => process.stderr.write(`cue-self-train: ${line}\n`);

const { train, dev, clusters, lexicon } = encodedPolnear();
const sequence = (p: (typeof train)[number]): TaggedSequence => ({ n: p.tokens.length, x: cueFeatures(p.tokens), gold: p.cueLabels });
const trainSeq = train.map(sequence);
const devSeq = dev.map(sequence);
const trainTagger = (sequences: readonly TaggedSequence[]): ChainModel => trainChainTagger(sequences, CUE_FEATURES, EPOCHS);

/** Each dev gold cue's class by its words' best cue share: rare (no word in the lexicon, or under 0.1) or not. */
const rareCue = dev.map((p) => {
  const rare = new Uint8Array(p.tokens.length);
  for (const r of p.roles) {
    let best = -1;
    for (let i = r.cue.first; i <= r.cue.last; i++) best = Math.max(best, lexicon.get(p.tokens.lower[i]!) ?? -1);
    if (best < 0.1) rare.fill(1, r.cue.first, r.cue.last + 1);
  }
  return rare;
});

function report(name: string, model: ChainModel): void {
  const predicted = devSeq.map((s) => decodeChain(model, s, CUE_FEATURES));
  // Recall on the rare gold cues: a cue counts as found when any of its tokens is tagged.
  let rare = 0;
  let found = 0;
  dev.forEach((p, k) => {
    for (const r of p.roles) {
      if (!rareCue[k]![r.cue.first]) continue;
      rare++;
      for (let i = r.cue.first; i <= r.cue.last; i++) {
        if (predicted[k]![i] !== CUE_LABEL.O) {
          found++;
          break;
        }
      }
    }
  });
  say(`${name}: ${cueTaggingFigures(
    dev.map((p) => p.cueLabels),
    predicted,
  )}; rare gold cues found ${found} of ${rare}`);
}

const first = trainTagger(trainSeq);
report("PolNeAR train only", first);

// The unlabeled paragraphs, tokenised and given cue shares as the training paragraphs are.
const bbc = readFileSync(requireSharedData("summaries", "bbc", "articles.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .flatMap((line) => splitParagraphs(normalizeText((JSON.parse(line) as { text: string }).text), { detectTitle: false }).paragraphs.map((p) => p.text));
const unlabeled = bbc.map((text) => {
  const tokens = quoteTokens(text, clusters);
  for (let i = 0; i < tokens.length; i++) tokens.share[i] = shareBucket(lexicon.get(tokens.lower[i]!));
  const x = cueFeatures(tokens);
  const scores = emissionScores(first, x, CUE_FEATURES, tokens.length);
  // The first tagger's path, as silver labels.
  return { n: tokens.length, x, gold: bestPath(first, scores, tokens.length).slice(), margin: cueMargins(scores, tokens.length) };
});
say(`${unlabeled.length} BBC paragraphs tagged, ${unlabeled.filter((u) => u.gold.some((l) => l !== CUE_LABEL.O)).length} with a cue`);

for (const m of MARGINS) {
  const silver = unlabeled.filter((u) => u.gold.some((l) => l !== CUE_LABEL.O) && u.gold.every((l, i) => (l === CUE_LABEL.O ? u.margin[i]! <= -O_MARGIN : u.margin[i]! >= m)));
  const cues = silver.reduce((n, u) => n + u.gold.filter((l) => l === CUE_LABEL.BEGIN).length, 0);
  say(`margin ${m}: ${silver.length} silver paragraphs, ${cues} cues`);
  report(`train + silver at margin ${m}`, trainTagger([...trainSeq, ...silver]));
}
