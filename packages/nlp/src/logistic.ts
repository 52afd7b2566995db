/** The logistic function: the probability that log-odds `z` stand for. */
export const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

/** The log-odds of probability `p`, held first within [`lo`, `hi`] so that a sure 0 or 1 stays finite. */
export function logit(p: number, lo = 0.001, hi = 0.999): number {
  const c = Math.min(Math.max(p, lo), hi);
  return Math.log(c / (1 - c));
}
