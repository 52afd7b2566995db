import { describe, expect, it } from "vitest";
import { prf } from "../metrics.js";
import { type ArticleMatch, emptyCounts, isDirect, matchAttributions, quoteFigures, scoreArticle } from "./score-quotes.js";

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
    const match: ArticleMatch = { pairs: [], goldContent: [], predictedContent: [] };
    const c = scoreArticle(text, gold, predicted, emptyCounts(), match);
    const pairs = match.pairs;
    // The pairs it scored, as matchAttributions gives them, and each side's content tokens.
    expect(pairs).toEqual(matchAttributions(text, gold, predicted));
    expect(match.predictedContent.map((t) => t.size)).toEqual([3, 4, 1]);
    expect(match.goldContent).toHaveLength(gold.length);
    expect(pairs.sort()).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(c).toMatchObject({ gold: 2, predicted: 3, matched: 2, exact: 1, sourceGold: 2, sourceRight: 1, cueRight: 2, attributionRight: 1, directGold: 1, directMatchedGold: 1 });
    expect(prf(c.matched, c.predicted, c.matched, c.gold).f1).toBeCloseTo(0.8);
  });

  it("scores source and cue by token overlap over matched pairs, against all predicted and gold tokens", () => {
    const predicted = [
      // "Croft said" as the source: 1 of its 2 tokens is the gold source.
      { content: gold[0]!.content, source: [{ start: 0, end: 10 }], cue: [{ start: 6, end: 10 }] },
      { content: [{ start: 0, end: 5 }], source: [{ start: 52, end: 55 }], cue: [] },
    ];
    const f = quoteFigures(scoreArticle(text, gold, predicted));
    expect(f.source.precision).toBeCloseTo(1 / 3);
    expect(f.source.recall).toBeCloseTo(1 / 3);
    expect(f.cue).toMatchObject({ precision: 1, recall: 0.5 });
  });

  it("does not match a prediction whose token F1 with the gold content is below 0.5", () => {
    // "the border" is 2 of the gold's 5 tokens: F1 = 2*2/(2+5) = 0.57; "border" alone: 2/6 = 0.33.
    expect(scoreArticle(text, [gold[0]!], [{ content: [{ start: 11, end: 21 }], source: [], cue: [] }]).matched).toBe(1);
    expect(scoreArticle(text, [gold[0]!], [{ content: [{ start: 15, end: 21 }], source: [], cue: [] }]).matched).toBe(0);
  });

  it("matches each gold attribution once, to the best overlapping prediction", () => {
    const predicted = [
      { content: [{ start: 11, end: 24 }], source: [], cue: [] },
      { content: [{ start: 11, end: 31 }], source: [{ start: 0, end: 5 }], cue: [] },
    ];
    expect(scoreArticle(text, [gold[0]!], predicted)).toMatchObject({ matched: 1, predicted: 2, attributionRight: 1 });
  });

  it("wants no source for a gold attribution without one", () => {
    const sourceless = [{ content: gold[0]!.content, source: [], cue: [] }];
    expect(scoreArticle(text, sourceless, [{ ...sourceless[0]!, source: [{ start: 0, end: 5 }] }]).attributionRight).toBe(0);
    expect(scoreArticle(text, sourceless, sourceless).attributionRight).toBe(1);
  });

  it("counts exact content after trimming quotation marks and final punctuation", () => {
    const predicted = [{ content: [{ start: 34, end: 49 }], source: [], cue: [] }];
    expect(scoreArticle(text, [gold[1]!], predicted)).toMatchObject({ matched: 1, exact: 1 });
  });
});

describe("isDirect", () => {
  it("takes a content with a double quotation mark, or enclosed by them, as direct", () => {
    expect(isDirect('"We will hold it," he said.', [{ start: 0, end: 18 }])).toBe(true);
    expect(isDirect('"We will hold it," he said.', [{ start: 1, end: 16 }])).toBe(true);
  });

  it("does not take an apostrophe for a quotation mark", () => {
    expect(isDirect("Clinton’s team avoided the hospital.", [{ start: 0, end: 35 }])).toBe(false);
  });
});
