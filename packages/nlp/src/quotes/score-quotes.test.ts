import { describe, expect, it } from "vitest";
import { emptyCounts, prf, scoreArticle } from "./score-quotes.js";

describe("scoreArticle", () => {
  const text = 'Croft said the border is closed. "We will hold it," the general said.';
  const gold = [
    { content: [{ start: 11, end: 31 }], source: [{ start: 0, end: 5 }], cue: [{ start: 6, end: 10 }] },
    { content: [{ start: 33, end: 51 }], source: [{ start: 52, end: 63 }], cue: [{ start: 64, end: 68 }] },
  ];

  it("matches by token F1 >= 0.5 and checks source and cue overlap", () => {
    const predicted = [
      { content: [{ start: 15, end: 31 }], source: [{ start: 0, end: 5 }], cue: [{ start: 6, end: 10 }] },
      { content: [{ start: 33, end: 51 }], source: [], cue: [{ start: 64, end: 68 }] },
      { content: [{ start: 0, end: 5 }], source: [], cue: [] },
    ];
    const c = scoreArticle(text, gold, predicted, emptyCounts());
    expect(c).toMatchObject({ gold: 2, predicted: 3, matched: 2, exact: 1, sourceGold: 2, sourceRight: 1, cueRight: 2, attributionRight: 1, directGold: 1, directMatchedGold: 1 });
    expect(prf(c.matched, c.predicted, c.matched, c.gold).f1).toBeCloseTo(0.8);
  });
});
