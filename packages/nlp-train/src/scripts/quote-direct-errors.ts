// The false and missed direct attributions, for reading: `node dist/scripts/quote-direct-errors.js
// [--data FILE] [--show CLASS] [--all] [--held-out DIR [--only-folds 0,1,2]]` runs the pipeline of `eval quotes` (extraction, entities, resolution)
// over a PolNeAR-format file, pairs predictions with gold as the scorer does, and prints on stderr
// each class of false (predicted direct, not matched to a direct gold attribution) and missed
// (direct gold attribution matched to no prediction) with its count; `--show CLASS` prints that
// class's cases on stdout, and the figures of `eval quotes` (F1) before the classes; `--all` does the same for every attribution, direct or not.
// `--without-context-speakers` scores the quotes without the speakers resolution took from context
// (a sourceless quote joined to no other keeps no speaker), to see what they are worth. Articles
// whose text `normalizeText` changes in length are left out.
import { parseArgs } from "node:util";
import { articleQuotes, errorArticles } from "../quotes/error-articles.js";
import { articleModels } from "../quotes/fold-models.js";
import { readPolnear } from "../quotes/polnear.js";
import { type ArticleMatch, emptyCounts, isDirect, quoteFigures, type ScoredAttribution, type Spans, scoreArticle } from "../quotes/score-quotes.js";
import { toAttributions } from "../quotes/to-attributions.js";
import { sharedDataPath } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: sharedDataPath("quotes", "polnear", "dev.jsonl") },
    show: { type: "string" },
    all: { type: "boolean", default: false },
    "held-out": { type: "string" },
    "only-folds": { type: "string" },
    "without-context-speakers": { type: "boolean", default: false },
  },
});

const textOf = (text: string, spans: Spans) => spans.map((s) => text.slice(s.start, s.end)).join(" … ");
const shared = (a: Set<number>, b: Set<number>) => [...a].filter((x) => b.has(x)).length;
const span = (s: Spans) => (s.length ? { start: Math.min(...s.map((x) => x.start)), end: Math.max(...s.map((x) => x.end)) } : null);

/** How the best-overlapping other side compares: none, longer, shorter, or shifted. */
function overlapClass(mine: Set<number>, other: Set<number> | undefined): string {
  if (!other) return "overlaps nothing";
  const both = shared(mine, other);
  if (both === mine.size) return "other side longer";
  if (both === other.size) return "other side shorter";
  return "shifted";
}

// With `--held-out DIR` (the fold models of `quote-halves --save DIR`, and `--data` the file they were
// trained from) each article is read by the model that did not see it.
const articles = readPolnear(values.data);
const { modelOf, foldOf } = articleModels(articles, values["held-out"]);
// `--only-folds 0,1,2` keeps those folds' articles: a rule chosen on some folds is checked on the others.
const onlyFolds = values["only-folds"] ? new Set(values["only-folds"].split(",").map(Number)) : null;
if (onlyFolds && !values["held-out"]) throw new Error("quote-direct-errors: --only-folds needs --held-out");
const counts = new Map<string, number>();
const totals = emptyCounts();
const cases: Array<{ cls: string; line: string }> = [];
const skipped = { count: 0 };
const add = (cls: string, line: string) => {
  counts.set(cls, (counts.get(cls) ?? 0) + 1);
  cases.push({ cls, line });
};

for (const { article, text, paragraphs, canonical, placed } of errorArticles(onlyFolds ? articles.filter((a) => onlyFolds.has(foldOf(a))) : articles, skipped)) {
  const model = modelOf(article);
  const all = articleQuotes({ paragraphs, canonical }, model);
  const resolved = values["without-context-speakers"]
    ? all.map((q) => (q.resolution === "context" && !q.source && q.joinedTo === undefined ? { ...q, speaker: null, speakerEntityId: null, resolution: "unresolved" as const, contextSource: undefined } : q))
    : all;
  const predicted = toAttributions(resolved, placed);
  const gold: readonly ScoredAttribution[] = article.attributions;
  const match: ArticleMatch = { pairs: [], goldContent: [], predictedContent: [] };
  scoreArticle(text, gold, predicted, totals, match);
  const { pairs, goldContent: gTok, predictedContent: pTok } = match;
  const best = (mine: Set<number>, others: Set<number>[]) => {
    let k = -1;
    let n = 0;
    others.forEach((o, i) => {
      const s = shared(mine, o);
      if (s > n) [k, n] = [i, s];
    });
    return k;
  };
  const counted = (a: ScoredAttribution) => values.all || isDirect(text, a.content);
  const show = (a: ScoredAttribution | undefined) =>
    a ? `[${textOf(text, a.source)}] <${textOf(text, a.cue)}> {${textOf(text, a.content).replace(/\s+/g, " ").slice(0, 240)}}` : "-";
  const context = (s: Spans) => {
    const c = span(s)!;
    return text.slice(Math.max(0, c.start - 200), c.end + 160).replace(/\s+/g, " ");
  };
  predicted.forEach((p, j) => {
    if (!counted(p)) return;
    const pair = pairs.find(([, b]) => b === j);
    if (pair && counted(gold[pair[0]]!)) return;
    const k = pair ? pair[0] : best(pTok[j]!, gTok);
    const g = k >= 0 ? gold[k] : undefined;
    const cls = pair ? "false: matched a gold that is not direct" : `false: ${overlapClass(pTok[j]!, g ? gTok[k] : undefined)}${g && !isDirect(text, g.content) ? " (gold not direct)" : ""}`;
    add(cls, `\n    pred ${show(p)}\n    gold ${show(g)}\n    ${context(p.content)}`);
  });
  gold.forEach((g, i) => {
    if (!counted(g)) return;
    if (pairs.some(([a]) => a === i)) return;
    const k = best(gTok[i]!, pTok);
    const p = k >= 0 ? predicted[k] : undefined;
    const taken = k >= 0 && pairs.some(([, b]) => b === k) ? ", that prediction matched elsewhere" : "";
    add(`missed: ${overlapClass(gTok[i]!, p ? pTok[k] : undefined)}${taken}`, `\n    gold ${show(g)}\n    pred ${show(p)}\n    ${context(g.content)}`);
  });
}
process.stderr.write(`articles skipped ${skipped.count}\n`);
const f = quoteFigures(totals);
const r4 = (x: number) => x.toFixed(4);
process.stderr.write(`content ${r4(f.content.f1)}, attribution ${r4(f.attribution.f1)}, direct ${r4(f.direct.f1)}, exact content ${r4(f.contentExact.f1)}, source token F1 ${r4(f.source.f1)}\n`);
for (const [cls, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stderr.write(`${String(n).padStart(5)}  ${cls}\n`);
for (const c of cases) if (values.show !== undefined && c.cls.startsWith(values.show)) process.stdout.write(`${c.cls}: ${c.line}\n`);
