import { describe, expect, it } from "vitest";
import { createLcgRandom, createRandom, shuffleInPlace } from "./random.js";

describe("random", () => {
  it("keeps the context typer's generator sequence, which the shipped typer was trained in", () => {
    const random = createLcgRandom(13);
    expect([random(), random(), random()]).toEqual([0.3401210163719952, 0.7113941803108901, 0.17734891548752785]);
    expect(createLcgRandom(0)()).toBe(createLcgRandom(1)());
  });

  it("shuffles in place into a permutation, the same one for the same seed", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = [...items];
    const b = [...items];
    shuffleInPlace(a, createRandom(7));
    shuffleInPlace(b, createRandom(7));
    expect(a).toEqual(b);
    expect(a).not.toEqual(items);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
  });
});
