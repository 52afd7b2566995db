// How far a quote's confidence can be trusted: `node dist/scripts/quote-confidence.js [--data FILE]
// [--held-out DIR]` (with `--held-out`, as for `quote-direct-errors`: the training file's articles,
// each read by the fold model of `quote-halves --save DIR` that did not see it)
// runs the pipeline of `eval quotes` (extraction, entities, resolution) over a PolNeAR-format file
// and prints, per confidence band and per way the speaker was resolved, how many attributions the
// pipeline gave, the share whose content matches a gold attribution and the share that also has
// the right source (the contract's attribution, what the confidence estimates). Then the logistic
// fit of "right" on the logit of the cue-based confidences (not the fixed ones, `isFixedConfidence`:
// a quotation without a cue, a layout attribution, a poll, the looser pass's cap): slope 1 and offset 0 mean
// calibrated; else multiply extract-quotes'
// CONFIDENCE_SLOPE by the slope and set CONFIDENCE_OFFSET to slope * offset + the fitted offset.
// The last line is JSON.
import { parseArgs } from "node:util";
import type { ResolvedQuote } from "@newsflow/contracts";
import { calibrationGroup, isFixedConfidence, logistic, logit } from "@newsflow/nlp/train";
import { articleQuotes, errorArticles } from "../quotes/error-articles.js";
import { articleModels } from "../quotes/fold-models.js";
import { readPolnear } from "../quotes/polnear.js";
import { matchAttributions, tokenSpans, tokensIn } from "../quotes/score-quotes.js";
import { toAttributions } from "../quotes/to-attributions.js";
import { sharedDataPath } from "../shared-data.js";

const { values } = parseArgs({ options: { data: { type: "string", default: sharedDataPath("quotes", "polnear", "dev.jsonl") }, "held-out": { type: "string" } } });

/** Upper bounds of the confidence bands. */
const BANDS = [0.5, 0.6, 0.7, 0.8, 0.9, 1];
const bandOf = (c: number) => BANDS.find((b) => c <= b)!;
interface Tally {
  predicted: number;
  matched: number;
  right: number;
}
const tallies = new Map<string, Tally>();
const count = (key: string, matched: boolean, right: boolean) => {
  const t = tallies.get(key) ?? { predicted: 0, matched: 0, right: 0 };
  t.predicted++;
  if (matched) t.matched++;
  if (right) t.right++;
  tallies.set(key, t);
};

/** The resolved quotes that head an attribution (a piece joined to an earlier one adds to it), in `toAttributions`' order. */
const heads = (resolved: readonly ResolvedQuote[]): ResolvedQuote[] => {
  const seen = new Set<number>();
  return resolved.filter((q, i) => {
    if (q.joinedTo !== undefined && seen.has(q.joinedTo)) return false;
    seen.add(i);
    return true;
  });
};

/** Logistic regression of `y` on `x` (one feature), by Newton's method. */
function logisticFit(x: readonly number[], y: readonly number[]): { slope: number; offset: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    x.forEach((xi, i) => {
      const p = logistic(a * xi + b);
      const w = p * (1 - p);
      ga += (p - y[i]!) * xi;
      gb += p - y[i]!;
      haa += w * xi * xi;
      hab += w * xi;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  return { slope: a, offset: b };
}
/**
 * The offset `b` for which the logits `x` shifted by it predict as many right as `y` has (slope
 * held at 1: the maximum-likelihood offset of one group), by bisection.
 */
function offsetFit(x: readonly number[], y: readonly number[]): number {
  const right = y.reduce((a, v) => a + v, 0);
  let lo = -10;
  let hi = 10;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    const expected = x.reduce((a, xi) => a + logistic(xi + mid), 0);
    if (expected > right) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}
/** The cue-based confidences' logits and outcomes by `calibrationGroup`. */
const byGroup = new Map<string, { logits: number[]; rights: number[]; confidence: number }>();

const articles = readPolnear(values.data);
const { modelOf } = articleModels(articles, values["held-out"]);
const skipped = { count: 0 };
for (const { article, text, paragraphs, canonical, placed } of errorArticles(articles, skipped)) {
  const model = modelOf(article);
  const resolved = articleQuotes({ paragraphs, canonical }, model);
  const predicted = toAttributions(resolved, placed);
  const quotes = heads(resolved);
  const tokens = tokenSpans(text);
  const gold = new Map(matchAttributions(text, article.attributions, predicted).map(([i, j]) => [j, article.attributions[i]!]));
  predicted.forEach((p, j) => {
    const g = gold.get(j);
    const gs = g ? tokensIn(tokens, g.source) : null;
    const ps = tokensIn(tokens, p.source);
    const right = g !== undefined && (gs!.size === 0 ? p.source.length === 0 : [...gs!].some((t) => ps.has(t)));
    const q = quotes[j]!;
    count(`confidence <= ${bandOf(q.confidence)}`, g !== undefined, right);
    count(`speaker ${q.resolution}`, g !== undefined, right);
    if (!q.cue) count("no cue", g !== undefined, right);
    if (q.cue && !isFixedConfidence(q.confidence)) {
      const key = calibrationGroup(q);
      const group = byGroup.get(key) ?? { logits: [], rights: [], confidence: 0 };
      group.logits.push(logit(q.confidence));
      group.rights.push(right ? 1 : 0);
      group.confidence += q.confidence;
      byGroup.set(key, group);
    }
  });
}
const out: Record<string, Tally & { matchedShare: number; rightShare: number }> = {};
for (const [key, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
  out[key] = { ...t, matchedShare: t.matched / t.predicted, rightShare: t.right / t.predicted };
  process.stderr.write(`${key.padEnd(22)} ${String(t.predicted).padStart(5)} attributions, content matched ${(t.matched / t.predicted).toFixed(3)}, with the right source ${(t.right / t.predicted).toFixed(3)}\n`);
}
// Every group together, for the fit and the Brier score.
const logits = [...byGroup.values()].flatMap((g) => g.logits);
const rights = [...byGroup.values()].flatMap((g) => g.rights);
const fit = logisticFit(logits, rights);
// The Brier score of the same confidences (mean squared gap to right = 1 / wrong = 0; lower is better).
const brier = logits.reduce((a, x, i) => a + (logistic(x) - rights[i]!) ** 2, 0) / logits.length;
process.stderr.write(`fit of "right" on the confidence's logit (${logits.length} attributions): slope ${fit.slope.toFixed(3)}, offset ${fit.offset.toFixed(3)}; Brier score ${brier.toFixed(4)}\n`);
// Per calibration group (how the speaker was found, `calibrationGroup`): the mean cue-based
// confidence against the share right, and the logit offset that would make them agree (0 when
// calibrated; add it to resolve-quotes' CALIBRATION_OFFSET).
const groupOffsets: Record<string, { attributions: number; meanConfidence: number; rightShare: number; offset: number }> = {};
for (const [group, g] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
  const n = g.logits.length;
  const entry = { attributions: n, meanConfidence: g.confidence / n, rightShare: g.rights.reduce((a, v) => a + v, 0) / n, offset: offsetFit(g.logits, g.rights) };
  groupOffsets[group] = entry;
  process.stderr.write(`group ${group.padEnd(10)} ${String(n).padStart(5)} cue-based: mean confidence ${entry.meanConfidence.toFixed(3)}, right ${entry.rightShare.toFixed(3)}, offset ${entry.offset.toFixed(3)}\n`);
}
process.stderr.write(`articles skipped ${skipped.count}\n`);
process.stdout.write(`${JSON.stringify({ ...out, fit, brier, groupOffsets })}\n`);
