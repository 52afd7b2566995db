// Why matched attributions get a wrong source, for reading: `node dist/scripts/quote-source-errors.js
// [--data FILE] [--show CLASS] [--held-out DIR]` (`--held-out` as for `quote-direct-errors`) runs the pipeline of `eval quotes` (extraction, entities, resolution)
// over a PolNeAR-format file, pairs predictions with gold as the scorer does, and prints on stderr
// each class of wrong source with its count; `--show CLASS` prints that class's cases on stdout.
// Articles whose text `normalizeText` changes in length are left out (their offsets would shift).
import { parseArgs } from "node:util";
import type { ResolvedQuote } from "@newsflow/contracts";
import { articleQuotes, errorArticles } from "../quotes/error-articles.js";
import { articleModels } from "../quotes/fold-models.js";
import { readPolnear } from "../quotes/polnear.js";
import { matchAttributions, type ScoredAttribution, type Spans, tokenSpans } from "../quotes/score-quotes.js";
import { toAttributions } from "../quotes/to-attributions.js";
import { sharedDataPath } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: sharedDataPath("quotes", "polnear", "dev.jsonl") },
    show: { type: "string" },
    "held-out": { type: "string" },
  },
});

const PRONOUN = /^(?:he|she|they|it|we|i|you|his|her|their)$/i;
const textOf = (text: string, spans: Spans) => spans.map((s) => text.slice(s.start, s.end)).join(" … ");
const tokensOf = (text: string, spans: Spans): Set<string> => {
  const out = new Set<string>();
  for (const [a, b] of tokenSpans(text)) if (spans.some((s) => a >= s.start && b <= s.end)) out.add(`${a}`);
  return out;
};
const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));
const right = (text: string, gold: ScoredAttribution, p: ScoredAttribution) =>
  gold.source.length === 0 ? p.source.length === 0 : shares(tokensOf(text, gold.source), tokensOf(text, p.source));
const span = (s: Spans) => (s.length ? { start: Math.min(...s.map((x) => x.start)), end: Math.max(...s.map((x) => x.end)) } : null);

const articles = readPolnear(values.data);
const { modelOf } = articleModels(articles, values["held-out"]);
const counts = new Map<string, number>();
const cases: Array<{ cls: string; line: string }> = [];
let matched = 0;
let wrong = 0;
const skipped = { count: 0 };
const add = (cls: string, line: string) => {
  counts.set(cls, (counts.get(cls) ?? 0) + 1);
  cases.push({ cls, line });
};

for (const { article, text, paragraphs, canonical, placed } of errorArticles(articles, skipped)) {
  const model = modelOf(article);
  const run = (sourceBias?: number): ResolvedQuote[] =>
    articleQuotes({ paragraphs, canonical }, model, sourceBias === undefined ? {} : { sourceBias });
  const resolved = run();
  const predicted = toAttributions(resolved, placed);
  // The same article without the source re-decoding and without sources from other paragraphs.
  const plain = toAttributions(run(0), placed);
  const own = toAttributions(resolved.map(({ contextSource: _, ...q }) => q), placed);
  const pairs = matchAttributions(text, article.attributions, predicted);
  for (const [i, j] of pairs) {
    matched++;
    const g = article.attributions[i]!;
    const p = predicted[j]!;
    if (right(text, g, p)) continue;
    wrong++;
    const gs = span(g.source);
    const ps = span(p.source);
    const c = span(p.cue) ?? span(p.content)!;
    const twin = predicted.findIndex((o) => shares(tokensOf(text, g.cue), tokensOf(text, o.cue)));
    const twinNote = twin < 0 ? "" : `\n    gold cue's prediction (${pairs.some(([, b]) => b === twin) ? "matched elsewhere" : "unmatched"}): source [${textOf(text, predicted[twin]!.source)}] content [${textOf(text, predicted[twin]!.content).slice(0, 100)}]\n    gold content [${textOf(text, g.content).slice(0, 100)}]`;
    const line = `${twinNote}\n    gold [${textOf(text, g.source)}] pred [${textOf(text, p.source)}] cue [${textOf(text, p.cue)}] gold cue [${textOf(text, g.cue)}]\n    ${text.slice(Math.max(0, c.start - 160), c.end + 120).replace(/\s+/g, " ")}`;
    const sameCue = shares(tokensOf(text, g.cue), tokensOf(text, p.cue)) ? "same cue" : "other cue";
    const fromContext = p.source.length > 0 && own.every((o) => span(o.content)?.start !== span(p.content)?.start || o.source.length === 0);
    const plainTwin = plain.find((o) => span(o.content)?.start === span(p.content)?.start && span(o.cue)?.start === span(p.cue)?.start);
    const redecoded = p.source.length > 0 && plainTwin !== undefined && plainTwin.source.length === 0;
    if (!gs) {
      add(fromContext ? "source where gold has none (from context)" : redecoded ? "source where gold has none (re-decoded)" : `source where gold has none (${sameCue})`, line);
    } else if (!ps) {
      add(p.cue.length === 0 ? "no source, gold has one (no cue: uncovered quotation)" : `no source, gold has one (${sameCue})`, line);
    } else if (fromContext) {
      add("wrong source taken from context", line);
    } else if (redecoded) {
      add("wrong source from the re-decoding", line);
    } else {
      const goldText = textOf(text, g.source);
      const where = ps.end <= c.start === gs.end <= c.start ? "same side" : "other side";
      const pronoun = PRONOUN.test(goldText.trim()) ? "gold a pronoun" : PRONOUN.test(textOf(text, p.source).trim()) ? "pred a pronoun" : "noun phrases";
      add(`wrong noun phrase (${sameCue}, ${where}, ${pronoun})`, line);
    }
  }
}
process.stderr.write(`matched ${matched}, wrong source ${wrong} (${((100 * wrong) / Math.max(1, matched)).toFixed(1)}%), articles skipped ${skipped.count}\n`);
for (const [cls, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stderr.write(`${String(n).padStart(5)}  ${cls}\n`);
for (const c of cases) if (values.show !== undefined && c.cls.startsWith(values.show)) process.stdout.write(`${c.cls}: ${c.line}\n`);
