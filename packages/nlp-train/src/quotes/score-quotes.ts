import { type PRF, prf } from "../metrics.js";

/** A span of article text, possibly discontinuous. */
export type Spans = Array<{ start: number; end: number }>;

/** A gold or predicted attribution in article offsets. */
export interface ScoredAttribution {
  content: Spans;
  source: Spans;
  cue: Spans;
}

/** Counts that add up across articles. */
export interface QuoteCounts {
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
  sourceGold: number;
  sourceRight: number;
  cueGold: number;
  cueRight: number;
  attributionRight: number;
  directGold: number;
  directPredicted: number;
  directMatchedGold: number;
  directMatchedPredicted: number;
  /** Token overlap of source and cue over matched pairs, and the tokens predicted and gold over all attributions. */
  sourceTokensRight: number;
  sourceTokensPredicted: number;
  sourceTokensGold: number;
  cueTokensRight: number;
  cueTokensPredicted: number;
  cueTokensGold: number;
}

export const emptyCounts = (): QuoteCounts => ({
  gold: 0, predicted: 0, matched: 0, exact: 0, sourceGold: 0, sourceRight: 0, cueGold: 0, cueRight: 0,
  attributionRight: 0, directGold: 0, directPredicted: 0, directMatchedGold: 0, directMatchedPredicted: 0,
  sourceTokensRight: 0, sourceTokensPredicted: 0, sourceTokensGold: 0, cueTokensRight: 0, cueTokensPredicted: 0, cueTokensGold: 0,
});

// Double marks (also written '' in some newspapers' text) and an opening single mark; a lone ’ is
// an apostrophe far more often than a quote.
const QUOTE_CHARS = /["\u201C\u201D\u201E\u2018\u00AB\u00BB]/;
const OPENING = /(?:["\u201C\u201E\u2018\u00AB]|'')$/;
const CLOSING = /^[,.;:!?]?(?:["\u201D\u2019\u00BB]|'')/;

/**
 * A direct quote, as the contract defines it: its content contains a quotation mark or is
 * enclosed by them (marks right outside the content, white space and a final comma or stop aside).
 */
export function isDirect(text: string, spans: Spans): boolean {
  if (spans.length === 0) return false;
  const content = textOf(text, spans);
  if (QUOTE_CHARS.test(content) || content.includes("''")) return true;
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return OPENING.test(text.slice(Math.max(0, start - 3), start).trimEnd()) && CLOSING.test(text.slice(end, end + 3).trimStart());
}

/** Token spans (maximal runs of letters/digits) of a text. */
export function tokenSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

/** Indexes of the `tokens` (from `tokenSpans`) that lie inside `spans`. */
export function tokensIn(tokens: Array<[number, number]>, spans: Spans): Set<number> {
  const set = new Set<number>();
  for (const s of spans) {
    tokens.forEach(([a, b], i) => {
      if (a >= s.start && b <= s.end) set.add(i);
    });
  }
  return set;
}

/** Token F1 of two token sets (0 when either is empty): a content matches at >= 0.5. */
export function tokenF1(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return (2 * both) / (a.size + b.size);
}

const overlaps = (a: Set<number>, b: Set<number>) => [...a].some((x) => b.has(x));
const shared = (a: Set<number>, b: Set<number>) => [...a].filter((x) => b.has(x)).length;
const textOf = (text: string, spans: Spans) => spans.map((s) => text.slice(s.start, s.end)).join(" ");
const normal = (s: string) => s.trim().replace(/^["\u201C\u201D\u2018\u2019'\s]+|["\u201C\u201D\u2018\u2019'\s.,;:!?]+$/g, "").replace(/\s+/g, " ");

/**
 * The matched (gold, predicted) index pairs of one article: content token F1 >= 0.5, each side
 * matched once, greedily by best overlap.
 */
function matchContents(gold: readonly Set<number>[], predicted: readonly Set<number>[]): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((gi, i) => {
    predicted.forEach((pj, j) => {
      const score = tokenF1(gi, pj);
      if (score >= 0.5) pairs.push([score, i, j]);
    });
  });
  pairs.sort((x, y) => y[0] - x[0]);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of pairs) {
    if (gUsed.has(i) || pUsed.has(j)) continue;
    gUsed.add(i);
    pUsed.add(j);
    out.push([i, j]);
  }
  return out;
}

/** The matched (gold, predicted) index pairs of one article, as `scoreArticle` pairs them. */
export function matchAttributions(text: string, gold: readonly ScoredAttribution[], predicted: readonly ScoredAttribution[]): Array<[number, number]> {
  const tokens = tokenSpans(text);
  return matchContents(gold.map((a) => tokensIn(tokens, a.content)), predicted.map((a) => tokensIn(tokens, a.content)));
}

/** What `scoreArticle` found in one article, for scripts that go on to classify its errors. */
export interface ArticleMatch {
  /** The matched (gold, predicted) index pairs (`matchAttributions`). */
  pairs: Array<[number, number]>;
  /** The token indices of each gold attribution's content, in order... */
  goldContent: Set<number>[];
  /** ...and of each predicted one's. */
  predictedContent: Set<number>[];
}

/**
 * Score one article's predictions against its gold attributions, as the eval contract defines:
 * content match = token-level F1 >= 0.5, each side matched once, greedily by best overlap.
 * Source and cue tokens count as right where a matched pair shares them (token overlap, as
 * Citron reports on PARC 3.0), against every predicted and every gold attribution's tokens.
 * `match`, when given, receives what the scoring found: the matched pairs and each side's content tokens.
 */
export function scoreArticle(text: string, gold: readonly ScoredAttribution[], predicted: readonly ScoredAttribution[], counts = emptyCounts(), match?: ArticleMatch): QuoteCounts {
  const tokens = tokenSpans(text);
  const g = gold.map((a) => ({ a, content: tokensIn(tokens, a.content), source: tokensIn(tokens, a.source), cue: tokensIn(tokens, a.cue), direct: isDirect(text, a.content) }));
  const p = predicted.map((a) => ({ a, content: tokensIn(tokens, a.content), source: tokensIn(tokens, a.source), cue: tokensIn(tokens, a.cue), direct: isDirect(text, a.content) }));
  const matched = matchContents(
    g.map((x) => x.content),
    p.map((x) => x.content),
  );
  if (match) {
    match.pairs.push(...matched);
    match.goldContent.push(...g.map((x) => x.content));
    match.predictedContent.push(...p.map((x) => x.content));
  }
  for (const [i, j] of matched) {
    const gi = g[i]!;
    const pj = p[j]!;
    counts.matched++;
    if (gi.source.size > 0) {
      counts.sourceGold++;
      if (overlaps(gi.source, pj.source)) counts.sourceRight++;
    }
    if (gi.cue.size > 0) {
      counts.cueGold++;
      if (overlaps(gi.cue, pj.cue)) counts.cueRight++;
    }
    counts.sourceTokensRight += shared(gi.source, pj.source);
    counts.cueTokensRight += shared(gi.cue, pj.cue);
    const sourceOk = gi.source.size === 0 ? pj.a.source.length === 0 : overlaps(gi.source, pj.source);
    if (sourceOk) counts.attributionRight++;
    if (gi.direct) counts.directMatchedGold++;
    if (pj.direct && gi.direct) counts.directMatchedPredicted++;
  }
  // Exact content: identical after trimming white space, quotation marks and final punctuation.
  const exactUsed = new Set<number>();
  for (const pj of p) {
    const want = normal(textOf(text, pj.a.content));
    const i = g.findIndex((gi, k) => !exactUsed.has(k) && normal(textOf(text, gi.a.content)) === want);
    if (i >= 0) {
      exactUsed.add(i);
      counts.exact++;
    }
  }
  for (const x of g) {
    counts.sourceTokensGold += x.source.size;
    counts.cueTokensGold += x.cue.size;
  }
  for (const x of p) {
    counts.sourceTokensPredicted += x.source.size;
    counts.cueTokensPredicted += x.cue.size;
  }
  counts.gold += g.length;
  counts.predicted += p.length;
  counts.directGold += g.filter((x) => x.direct).length;
  counts.directPredicted += p.filter((x) => x.direct).length;
  return counts;
}


/**
 * The figures of `eval quotes` from summed counts: content (matched by token F1 >= 0.5), exact
 * content, source and cue token overlap, attribution (matched with the right source) and direct quotes.
 */
export function quoteFigures(c: QuoteCounts): Record<"content" | "contentExact" | "source" | "cue" | "attribution" | "direct", PRF> & {
  sourceAccuracy: number;
  cueAccuracy: number;
} {
  return {
    content: prf(c.matched, c.predicted, c.matched, c.gold),
    contentExact: prf(c.exact, c.predicted, c.exact, c.gold),
    source: prf(c.sourceTokensRight, c.sourceTokensPredicted, c.sourceTokensRight, c.sourceTokensGold),
    cue: prf(c.cueTokensRight, c.cueTokensPredicted, c.cueTokensRight, c.cueTokensGold),
    attribution: prf(c.attributionRight, c.predicted, c.attributionRight, c.gold),
    direct: prf(c.directMatchedPredicted, c.directPredicted, c.directMatchedGold, c.directGold),
    sourceAccuracy: c.sourceGold ? c.sourceRight / c.sourceGold : 0,
    cueAccuracy: c.cueGold ? c.cueRight / c.cueGold : 0,
  };
}
