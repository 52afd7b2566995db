// How much of a tagger's dev score rests on names it was trained on, and what that says about
// held-out text with more new names: the 2003-style test set has more names that CoNLL train
// never wrote than dev has, and recent news more again.
import { type TypedSpan, spansFromTags, type ConllDocument } from "./conll.js";

/** Mentions counted apart by whether their words occur as a mention in the training set. */
export interface SeenCounts {
  seen: { gold: number; predicted: number; right: number };
  unseen: { gold: number; predicted: number; right: number };
}

/** The token strings of every mention in `docs` (any type): the names a tagger trained on them has seen. */
export function mentionNames(docs: readonly ConllDocument[]): Set<string> {
  const names = new Set<string>();
  for (const d of docs) for (const s of d.sentences) for (const x of spansFromTags(s.tags)) names.add(s.tokens.slice(x.start, x.end).join(" "));
  return names;
}

/**
 * Gold and predicted mentions of each sentence split by whether their words are in `seen`; a
 * prediction is right when a gold mention has its span and type.
 */
export function countBySeen(tokens: readonly string[][], gold: readonly TypedSpan[][], predicted: readonly TypedSpan[][], seen: ReadonlySet<string>): SeenCounts {
  const c: SeenCounts = { seen: { gold: 0, predicted: 0, right: 0 }, unseen: { gold: 0, predicted: 0, right: 0 } };
  tokens.forEach((words, i) => {
    const side = (x: TypedSpan) => (seen.has(words.slice(x.start, x.end).join(" ")) ? c.seen : c.unseen);
    const key = (x: TypedSpan) => `${x.start}:${x.end}:${x.type}`;
    const gk = new Set(gold[i]!.map(key));
    for (const x of gold[i]!) side(x).gold++;
    for (const x of predicted[i]!) {
      const s = side(x);
      s.predicted++;
      if (gk.has(key(x))) s.right++;
    }
  });
  return c;
}

/**
 * F1 on text whose gold mentions are unseen in share `u`, if seen and unseen names are found and
 * over-predicted at the rates `c` measured: recall and predictions per gold mention mix linearly.
 *
 * @example mixtureF1(c, c.unseen.gold / (c.seen.gold + c.unseen.gold)) // the measured F1 itself
 */
export function mixtureF1(c: SeenCounts, u: number): number {
  const rate = (x: SeenCounts["seen"], n: number) => (x.gold === 0 ? 0 : n / x.gold);
  const right = (1 - u) * rate(c.seen, c.seen.right) + u * rate(c.unseen, c.unseen.right);
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
