import { describe, expect, it } from "vitest";
import { encodeSentence, type FeatureResources, packLexicon, WordLexicon, withEmbeddingClusters } from "./features.js";

describe("withEmbeddingClusters", () => {
  it("keeps packLexicon's clusters and capitalisation rate below the word-vector clusters", () => {
    const v = withEmbeddingClusters(packLexicon(5, 900, 4), 1023, 127);
    expect(v).toBeGreaterThan(2 ** 32);
    expect(Number.isSafeInteger(v)).toBe(true);
    expect(v & 0x7ff).toBe(5);
    expect((v >> 11) & 0x7ff).toBe(900);
    expect((v >> 22) & 7).toBe(4);
    // Replacing the word-vector clusters leaves the rest alone.
    expect(withEmbeddingClusters(v, 0, 0) % 2 ** 25).toBe(packLexicon(5, 900, 4));
  });

  it("gives words of one word-vector cluster shared features that the tagger can weigh", () => {
    const pledged = withEmbeddingClusters(packLexicon(1, 2, 1), 40, 3);
    const features = (word: string, lexicon: Map<string, number>) => {
      const e = encodeSentence([word], { bits: 20, gazetteers: [], lexicon: WordLexicon.from(lexicon) } satisfies FeatureResources, null);
      return new Set(e.feats.subarray(e.rows[0], e.rows[1]));
    };
    const shared = (vowed: number) => {
      const lexicon = new Map([["pledged", pledged], ["vowed", vowed]]);
      const other = features("pledged", lexicon);
      return [...features("vowed", lexicon)].filter((f) => other.has(f)).length;
    };
    // "vowed", a word our texts lack, in the fine and coarse clusters of "pledged" or in others:
    // the word's fine and coarse cluster and its fine cluster with its shape are three more shared features.
    expect(shared(withEmbeddingClusters(0, 40, 3)) - shared(withEmbeddingClusters(0, 41, 9))).toBe(3);
  });
});

describe("encodeSentence", () => {
  it("gives each token its own rows and hashes (the arrays share one buffer, and none overlaps another)", () => {
    const tokens = "Mr. Croft said the Islamic State fighters fled Al-Qaim on Tuesday , officials said .".split(" ");
    const res = { bits: 20, gazetteers: [], lexicon: WordLexicon.from(new Map()) } satisfies FeatureResources;
    const e = encodeSentence(tokens, res, null);
    const again = encodeSentence(tokens, res, null);
    const arrays = (x: typeof e) => [x.rows, x.lw, x.shape, x.histKey];
    const before = arrays(again).map((a) => [...a]);
    // Overwriting one array changes none of the others.
    again.lw.fill(-1);
    expect(arrays(again).map((a, k) => (k === 1 ? before[k] : [...a]))).toEqual(before);
    expect([...e.rows]).toEqual(before[0]);
    expect(e.rows).toHaveLength(tokens.length + 1);
    expect(e.rows[tokens.length]).toBeGreaterThan(e.rows[tokens.length - 1]!);
    // "said" twice: the same lower-case hash; "Croft" and "said": not.
    expect(e.lw[2]).toBe(e.lw[13]);
    expect(e.lw[1]).not.toBe(e.lw[2]);
    expect(e.histKey[1]).not.toBe(0);
    expect(e.histKey[2]).toBe(0);
  });
});
