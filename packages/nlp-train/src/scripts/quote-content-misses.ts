// Why gold attributions go unmatched, by their content: `node dist/scripts/quote-content-misses.js
// [--data FILE] [--model PATH | --held-out DIR] [--show CLASS]` runs the pipeline of `eval quotes`
// (extraction, entities, resolution) over a PolNeAR-format file (dev by default, the shipped model
// unless `--model`; with `--held-out`, a `quote-halves --save` folder, and `--data` the training
// file, each article is read by the fold model that did not see it), pairs predictions with gold as
// the scorer does, and puts each unmatched gold attribution in a class by the prediction whose content overlaps its content most (token F1):
// none overlaps it ("no overlap": its cue was missed, or its content lies elsewhere), that
// content covers the gold one and runs on ("too long"), lies inside it ("too short"), or both
// stick out ("partial"); with ", prediction matched elsewhere" when that prediction is matched to
// another gold attribution. Prints on stderr each class with its count; `--show CLASS` prints that
// class's cases (gold and predicted contents) on stdout; `--by-cue N` prints on stderr too the N
// last words of gold cues ("said", "of" in "criticism of") with the most "no overlap" attributions,
// each as that count of all the gold attributions whose cue ends in it. Articles whose text
// `normalizeText` changes in length are left out.
import { parseArgs } from "node:util";
import { loadQuoteModel } from "@newsflow/nlp/node";
import { articleQuotes, errorArticles } from "../quotes/error-articles.js";
import { articleModels } from "../quotes/fold-models.js";
import { readPolnear } from "../quotes/polnear.js";
import { matchAttributions, type Spans, tokenF1, tokenSpans, tokensIn } from "../quotes/score-quotes.js";
import { toAttributions } from "../quotes/to-attributions.js";
import { sharedDataPath } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: sharedDataPath("quotes", "polnear", "dev.jsonl") },
    model: { type: "string" },
    show: { type: "string" },
    "held-out": { type: "string" },
    "by-cue": { type: "string" },
  },
});
if (values.model && values["held-out"]) throw new Error("quote-content-misses: give --model or --held-out, not both");
const articles = readPolnear(values.data);
const own = values.model ? loadQuoteModel(values.model) : null;
const { modelOf } = own ? { modelOf: () => own } : articleModels(articles, values["held-out"]);
const textOf = (text: string, spans: Spans) => spans.map((s) => text.slice(s.start, s.end)).join(" … ");

const counts = new Map<string, number>();
/** Per last word of a gold cue: its gold attributions, and those of them that overlap no prediction. */
const byCue = new Map<string, { gold: number; missed: number }>();
const cueWord = (text: string, spans: Spans): string => {
  const words = textOf(text, spans).toLowerCase().match(/[\p{L}\p{N}’']+|:/gu) ?? [];
  return words[words.length - 1] ?? "(no cue)";
};
const cases: Array<{ cls: string; line: string }> = [];
let gold = 0;
const skipped = { count: 0 };
for (const { article, text, paragraphs, canonical, placed } of errorArticles(articles, skipped)) {
  const model = modelOf(article);
  const resolved = articleQuotes({ paragraphs, canonical }, model);
  const predicted = toAttributions(resolved, placed);
  const pairs = matchAttributions(text, article.attributions, predicted);
  const matchedGold = new Set(pairs.map(([i]) => i));
  const matchedPredicted = new Set(pairs.map(([, j]) => j));
  const tokens = tokenSpans(text);
  const predictedTokens = predicted.map((p) => tokensIn(tokens, p.content));
  gold += article.attributions.length;
  article.attributions.forEach((g, i) => {
    const key = cueWord(text, g.cue);
    const word = byCue.get(key) ?? { gold: 0, missed: 0 };
    byCue.set(key, word);
    word.gold++;
    if (matchedGold.has(i)) return;
    const goldTokens = tokensIn(tokens, g.content);
    let best = -1;
    let bestF1 = 0;
    predictedTokens.forEach((p, j) => {
      const f1 = tokenF1(goldTokens, p);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = j;
      }
    });
    let cls = "no overlap";
    if (best < 0) word.missed++;
    if (best >= 0) {
      const p = predictedTokens[best]!;
      const shared = [...goldTokens].filter((x) => p.has(x)).length;
      cls = shared === goldTokens.size ? "too long" : shared === p.size ? "too short" : "partial";
      if (matchedPredicted.has(best)) cls += ", prediction matched elsewhere";
    }
    counts.set(cls, (counts.get(cls) ?? 0) + 1);
    const line = best < 0 ? textOf(text, g.content).slice(0, 160) : `gold [${goldTokens.size}] ${textOf(text, g.content).slice(0, 160)}\n    pred [${predictedTokens[best]!.size}] ${textOf(text, predicted[best]!.content).slice(0, 200)}`;
    cases.push({ cls, line });
  });
}
const unmatched = [...counts.values()].reduce((a, b) => a + b, 0);
process.stderr.write(`gold ${gold}, unmatched ${unmatched}, articles skipped ${skipped.count}\n`);
for (const [cls, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stderr.write(`${String(n).padStart(5)}  ${cls}\n`);
if (values["by-cue"] !== undefined) {
  process.stderr.write("no overlap by the last word of the gold cue (missed of all gold attributions with that word):\n");
  const top = [...byCue].sort((a, b) => b[1].missed - a[1].missed).slice(0, Number(values["by-cue"]) || 20);
  for (const [w, c] of top) process.stderr.write(`${String(c.missed).padStart(5)} of ${String(c.gold).padStart(5)}  ${w}\n`);
}
for (const c of cases) if (values.show !== undefined && c.cls.startsWith(values.show)) process.stdout.write(`${c.cls}: ${c.line}\n`);
