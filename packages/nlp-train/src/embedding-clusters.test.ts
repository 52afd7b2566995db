import { describe, expect, it } from "vitest";
import { addEmbeddingClusters, embeddingClusters, type WordVectors } from "./embedding-clusters.js";

/** Unit vectors in 4 dimensions around `center`, slightly apart. */
function vectors(groups: Array<[string[], number[]]>): WordVectors {
  const words: string[] = [];
  const rows: number[] = [];
  for (const [ws, center] of groups) {
    ws.forEach((w, k) => {
      const v = center.map((x, d) => x + (d === k % 4 ? 0.05 : 0));
      const norm = Math.hypot(...v);
      words.push(w);
      rows.push(...v.map((x) => x / norm));
    });
  }
  return { words, dims: 4, vectors: Float32Array.from(rows) };
}

describe("embeddingClusters", () => {
  const data = vectors([
    [["said", "told", "added"], [1, 0, 0, 0]],
    [["paris", "london", "berlin"], [0, 1, 0, 0]],
    [["2014", "1996"], [0, 0, 1, 0]],
  ]);
  const clusters = embeddingClusters(data, { fine: 3, coarse: 2, seed: 1 });
  const fine = (w: string) => clusters.get(w)! & 0x7ff;
  const coarse = (w: string) => clusters.get(w)! >>> 11;

  it("puts words with close vectors in one fine cluster and apart from the others", () => {
    expect(fine("told")).toBe(fine("said"));
    expect(fine("berlin")).toBe(fine("paris"));
    expect(fine("paris")).not.toBe(fine("said"));
  });

  it("nests the fine clusters in the coarse ones, and is deterministic for a seed", () => {
    expect(coarse("told")).toBe(coarse("said"));
    expect(coarse("added")).toBeLessThan(2);
    expect(embeddingClusters(data, { fine: 3, coarse: 2, seed: 1 })).toEqual(clusters);
  });

  it("keys words as the tagger looks them up, digits folded (the more frequent spelling wins)", () => {
    expect(clusters.has("0000")).toBe(true);
    expect(clusters.has("2014")).toBe(false);
  });

  it("adds the clusters to a lexicon without touching what the texts said, and adds the words only the vectors know", () => {
    const lexicon = new Map([["said", 12345]]);
    const merged = addEmbeddingClusters(lexicon, clusters);
    expect(merged.get("said")! % 2 ** 25).toBe(12345);
    expect(Math.floor(merged.get("said")! / 2 ** 25)).toBe((fine("said") + 1) | ((coarse("said") + 1) << 11));
    expect(merged.get("london")! % 2 ** 25).toBe(0);
    expect(lexicon.size).toBe(1);
  });
});
