import { describe, expect, it } from "vitest";
import { HashedMlp } from "./hashed-mlp.js";

/** Two features a token; the label is the XOR of two bits, which no linear model over them separates. */
function xorTokens(): { features: Uint32Array; gold: number[] } {
  const rows: number[] = [];
  const gold: number[] = [];
  for (let a = 0; a < 2; a++)
    for (let b = 0; b < 2; b++) {
      rows.push(10 + a, 20 + b);
      gold.push(a ^ b);
    }
  return { features: Uint32Array.from(rows), gold };
}

const argmax = (lp: Float32Array) => (lp[1]! > lp[0]! ? 1 : 0);

describe("HashedMlp", () => {
  it("returns log-probabilities that sum to one", () => {
    const net = new HashedMlp(6, 2, 4, 3, 0.1);
    const lp = net.forward(Uint32Array.from([3, 5]), 0);
    expect([...lp].reduce((s, x) => s + Math.exp(x), 0)).toBeCloseTo(1, 5);
  });

  it("learns XOR with hidden units, which logistic regression (no hidden units) cannot", () => {
    const { features, gold } = xorTokens();
    const fit = (hidden: number) => {
      const net = new HashedMlp(6, 2, hidden, 2, 0.1, 7);
      for (let epoch = 0; epoch < 300; epoch++) for (const [i, g] of gold.entries()) net.learn(features, i, g);
      return gold.filter((g, i) => argmax(net.forward(features, i)) === g).length;
    };
    expect(fit(8)).toBe(4);
    expect(fit(0)).toBeLessThan(4);
  });

  it("is deterministic for a seed", () => {
    const { features, gold } = xorTokens();
    const run = () => {
      const net = new HashedMlp(6, 2, 8, 2, 0.1, 3);
      for (const [i, g] of gold.entries()) net.learn(features, i, g);
      return [...net.forward(features, 1)];
    };
    expect(run()).toEqual(run());
  });
});
