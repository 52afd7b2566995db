/** Precision, recall and F1. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * Precision, recall and F1 from counts. `rightOfPredicted` predictions were right out of
 * `predicted`, and `rightOfGold` gold items were found out of `gold` (the two differ when
 * matching is not one to one, as with overlapping spans).
 *
 * @example prf(8, 10, 8, 16) // { precision: 0.8, recall: 0.5, f1: 0.615... }
 */
export function prf(rightOfPredicted: number, predicted: number, rightOfGold: number, gold: number): PRF {
  const precision = ratio(rightOfPredicted, predicted);
  const recall = ratio(rightOfGold, gold);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
