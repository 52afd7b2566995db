import { describe, expect, it } from "vitest";
import { biLstmMacs, convForward, convMacs, lstmForward } from "./encoder-cost.js";

describe("convForward", () => {
  it("sums each token's window with zeros past the ends, then applies ReLU", () => {
    const conv = { dims: 1, width: 3, filters: 2, w: Float32Array.from([1, 2, 3, -1, -1, -1]), b: Float32Array.from([0, 0.5]) };
    const out = convForward(conv, Float32Array.from([1, 1, 1]), 3);
    // Filter 0: [0,1,1] . [1,2,3] = 5, [1,1,1] -> 6, [1,1,0] -> 3; filter 1 is negative everywhere but for its bias.
    expect([...out]).toEqual([5, 0, 6, 0, 3, 0]);
  });
});

describe("lstmForward", () => {
  it("carries the cell state from token to token, in either direction", () => {
    // One unit, input weight 1 on every gate, no recurrent weights: the cell adds sigmoid(x) * tanh(x) to what the forget gate keeps.
    const lstm = { dims: 1, units: 1, w: Float32Array.from([1, 0, 1, 0, 1, 0, 1, 0]), b: new Float32Array(4) };
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const c1 = s(2) * Math.tanh(2);
    const c2 = s(0) * c1 + s(0) * Math.tanh(0);
    const left = lstmForward(lstm, Float32Array.from([2, 0]), 2);
    expect(left[0]).toBeCloseTo(s(2) * Math.tanh(c1), 6);
    expect(left[1]).toBeCloseTo(s(0) * Math.tanh(c2), 6);
    const right = lstmForward(lstm, Float32Array.from([0, 2]), 2, true);
    expect(right[1]).toBeCloseTo(left[0]!, 6);
    expect(right[0]).toBeCloseTo(left[1]!, 6);
  });
});

describe("multiply-adds per token", () => {
  it("counts the window for the convolution and input plus state for every gate of both LSTM directions", () => {
    expect(convMacs({ dims: 100, width: 3, filters: 64 })).toBe(19_200);
    expect(biLstmMacs({ dims: 100, units: 64 })).toBe(83_968);
  });
});
