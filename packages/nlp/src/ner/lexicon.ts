/** Placeholder replaced below. */
export function buildLexicon(_texts: string[], _tokens: string[][], _o: { seed: number; log?: (m: string) => void }): Map<string, number> {
  return new Map();
}
