import { describe, expect, it } from "vitest";
import { goldParagraphs } from "./polnear.js";

describe("goldParagraphs", () => {
  const text = "Title here.\n\nCroft said the border is closed.\n\nNo one else spoke.";
  const at = (start: number, end: number) => [{ start, end }];
  const article = {
    id: "a",
    text,
    attributions: [{ content: at(24, 44), source: at(13, 18), cue: at(19, 23) }],
  };

  it("keeps each attribution in the paragraph of its cue, in paragraph offsets", () => {
    const ps = goldParagraphs([article]);
    expect(ps.map((p) => p.attributions.length)).toEqual([0, 1, 0]);
    const p = ps[1]!;
    expect(p).toMatchObject({ index: 1, offset: 13 });
    const a = p.attributions[0]!;
    expect(p.text.slice(a.cue[0]!.start, a.cue[0]!.end)).toBe("said");
    expect(p.text.slice(a.source[0]!.start, a.source[0]!.end)).toBe("Croft");
    expect(p.text.slice(a.content[0]!.start, a.content[0]!.end)).toBe("the border is closed");
  });

  it("reads a paragraph without its list marker, as extractQuotes does, and skips one with no letter or digit", () => {
    const listed = "Intro.\n\n- Croft said the border is closed.\n\n* * *";
    const ps = goldParagraphs([{ id: "b", text: listed, attributions: [{ content: at(21, 41), source: at(10, 15), cue: at(16, 20) }] }]);
    expect(ps.map((p) => [p.offset, p.text])).toEqual([
      [0, "Intro."],
      [10, "Croft said the border is closed."],
    ]);
    const a = ps[1]!.attributions[0]!;
    expect(ps[1]!.text.slice(a.cue[0]!.start, a.cue[0]!.end)).toBe("said");
    expect(ps[1]!.text.slice(a.content[0]!.start, a.content[0]!.end)).toBe("the border is closed");
  });
});
