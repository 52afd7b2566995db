import { describe, expect, it } from "vitest";
import { findQuoteMarks } from "./quote-marks.js";

describe("findQuoteMarks", () => {
  it("pairs curly and straight quotation marks in order", () => {
    expect(findQuoteMarks('He said “yes” and then "no".').map((m) => [m.open, m.close])).toEqual([[8, 12], [23, 26]]);
  });

  it("takes two apostrophes for a straight double mark", () => {
    expect(findQuoteMarks("''It isn't over,'' he said.").map((m) => [m.open, m.close])).toEqual([[0, 17]]);
  });

  it("keeps a quotation inside another as part of the outer one", () => {
    const text = '"I read the question: “Do you agree?” and waited."';
    expect(findQuoteMarks(text)).toEqual([{ open: 0, close: text.length - 1, opensAcross: false, closesAcross: false }]);
  });

  it("marks a quotation still open at the end of the paragraph and one closed without an opening", () => {
    expect(findQuoteMarks("“We will go on.")[0]).toMatchObject({ open: 0, closesAcross: true });
    expect(findQuoteMarks("and we will win,” she said.")[0]).toMatchObject({ open: 0, close: 16, opensAcross: true });
  });

  it("pairs a curly opening mark with a straight closing one, and the other way round", () => {
    const text = '“We will win," he said, adding that it was "like candy.” Others disagreed.';
    const quoted = (m: { open: number; close: number }) => text.slice(m.open, m.close + 1);
    expect(findQuoteMarks(text).map(quoted)).toEqual(['“We will win,"', '"like candy.”']);
    // Curly marks paired only with curly ones, as the shipped quote model's features were
    // computed: one quotation from the first mark to the last, "he said" inside it.
    expect(findQuoteMarks(text, { pairMixed: false }).map(quoted)).toEqual([text.slice(0, text.indexOf("”") + 1)]);
  });

  it("keeps a straight quotation that opens inside a curly one as part of it", () => {
    const text = '“He called it "a disaster" and left,” she said.';
    expect(findQuoteMarks(text).map((m) => [m.open, m.close])).toEqual([[0, 36]]);
  });
});
