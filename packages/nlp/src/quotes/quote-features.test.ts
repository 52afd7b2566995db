import { describe, expect, it } from "vitest";
import { CUE_FEATURES, cueFeatures, featureCounts, ROLE_FEATURES, roleFeatures } from "./quote-features.js";
import { quoteTokens } from "./quote-tokens.js";

// Two WordNet rows: "denounced" (synset 843259, a kind of 828170 "criticize") and "condemned"
// (865823, a kind of 843259), and a word of no verb sense.
const rows = Uint32Array.from([0, 0, 0, 0, 20, 843259, 828170, 1060446, 20, 865823, 843259, 828170]);
const words = new Map([
  ["denounced", 1 * 2 ** 32],
  ["condemned", 2 * 2 ** 32],
]);
const featuresOf = (text: string, withSenses: boolean, i: number): number[] => {
  const t = quoteTokens(text, words, rows);
  const per = featureCounts(withSenses).cue;
  return [...cueFeatures(t, withSenses).subarray(i * per, (i + 1) * per)];
};

describe("cueFeatures", () => {
  it("without WordNet, keeps the shipped feature set", () => {
    expect(featureCounts(false)).toEqual({ cue: CUE_FEATURES, role: ROLE_FEATURES });
    expect(featuresOf("Croft denounced it.", false, 1)).toHaveLength(CUE_FEATURES);
  });

  it("with WordNet, gives two verbs sharing a hypernym shared features, which the bare word features do not", () => {
    const a = new Set(featuresOf("Croft denounced it.", true, 1));
    const b = featuresOf("Croft condemned it.", true, 1);
    expect(b).toHaveLength(featureCounts(true).cue);
    const shared = b.filter((f) => a.has(f));
    const bare = new Set(featuresOf("Croft denounced it.", false, 1));
    const sharedBare = featuresOf("Croft condemned it.", false, 1).filter((f) => bare.has(f));
    // The senses' shared code and the hypernyms both chains hold ("criticize", "denounce").
    expect(shared.length).toBeGreaterThanOrEqual(sharedBare.length + 4);
  });
});

describe("roleFeatures", () => {
  it("reads the cue's WordNet row when the model has senses", () => {
    const t = quoteTokens("Croft denounced the plan.", words, rows);
    const cue = { first: 1, last: 1 };
    const isCue = Uint8Array.from([0, 1, 0, 0, 0, 0]);
    expect(roleFeatures(t, cue, isCue, 0, t.length, false)).toHaveLength(t.length * ROLE_FEATURES);
    expect(roleFeatures(t, cue, isCue, 0, t.length, true)).toHaveLength(t.length * featureCounts(true).role);
  });
});
