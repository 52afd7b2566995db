// How much of a tagger's dev score rests on names it was trained on, and what that says about
// held-out text with more new names: the 2003-style test set has more names that CoNLL train
// never wrote than dev has, and recent news more again.
import { type ConllDocument, countSpans, type SpanCounts, spansFromTags, sumCounts, type TypedSpan } from "./conll.js";

/** Mentions counted apart by whether their words occur as a mention in the training set. */
export interface SeenCounts {
  seen: SpanCounts;
  unseen: SpanCounts;
}

/** The token strings of every mention in `docs` (any type): the names a tagger trained on them has seen. */
export function mentionNames(docs: readonly ConllDocument[]): Set<string> {
  const names = new Set<string>();
  for (const d of docs) for (const s of d.sentences) for (const x of spansFromTags(s.tags)) names.add(s.tokens.slice(x.start, x.end).join(" "));
  return names;
}

/**
 * Gold and predicted mentions of each sentence split by whether their words are in `seen`, each
 * side counted as conlleval counts (`countSpans`, all types together). A gold mention and a
 * prediction with its span have the same words, so they fall on the same side.
 */
export function countBySeen(tokens: readonly string[][], gold: readonly TypedSpan[][], predicted: readonly TypedSpan[][], seen: ReadonlySet<string>): SeenCounts {
  const side = (want: boolean) => {
    const pick = (spans: readonly TypedSpan[][]) => spans.map((xs, i) => xs.filter((x) => seen.has(tokens[i]!.slice(x.start, x.end).join(" ")) === want));
    return sumCounts(countSpans(pick(gold), pick(predicted)).values());
  };
  return { seen: side(true), unseen: side(false) };
}

/**
 * F1 on text whose gold mentions are unseen in share `u`, if seen and unseen names are found and
 * over-predicted at the rates `c` measured: recall and predictions per gold mention mix linearly.
 *
 * @example mixtureF1(c, c.unseen.gold / (c.seen.gold + c.unseen.gold)) // the measured F1 itself
 */
export function mixtureF1(c: SeenCounts, u: number): number {
  const rate = (x: SpanCounts, n: number) => (x.gold === 0 ? 0 : n / x.gold);
  const right = (1 - u) * rate(c.seen, c.seen.correct) + u * rate(c.unseen, c.unseen.correct);
  const predicted = (1 - u) * rate(c.seen, c.seen.predicted) + u * rate(c.unseen, c.unseen.predicted);
  return (2 * right) / (1 + predicted);
}

/** The unseen share at which `mixtureF1` falls to `f1` (1 when even all-unseen text scores above it). */
export function unseenShareFor(c: SeenCounts, f1: number): number {
  if (mixtureF1(c, 1) >= f1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (mixtureF1(c, mid) > f1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
