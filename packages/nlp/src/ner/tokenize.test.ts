import { describe, expect, it } from "vitest";
import { tokenize, tokenizeSentences } from "./tokenize.js";

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("keeps hyphenated names whole and splits possessives off", () => {
    expect(texts("Iraq's forces took Al-Qaim and al-Abadi's town.")).toEqual([
      "Iraq", "'s", "forces", "took", "Al-Qaim", "and", "al-Abadi", "'s", "town", ".",
    ]);
  });

  it("keeps dotted acronyms, numbers and dates whole", () => {
    expect(texts("The U.S. paid $1,200.50 on 1996-08-22.")).toEqual(["The", "U.S.", "paid", "$", "1,200.50", "on", "1996-08-22", "."]);
  });

  it("makes quotes, brackets and dashes tokens of their own, including curly ones", () => {
    expect(texts("\u201CAlbu Kamal is liberated\u201D \u2014 (IS) -- US -backed")).toEqual([
      "\u201C", "Albu", "Kamal", "is", "liberated", "\u201D", "\u2014", "(", "IS", ")", "--", "US", "-", "backed",
    ]);
  });

  it("keeps initials and abbreviations with their dot, except at the end of the text", () => {
    expect(texts("P. Simmons of First Albany Corp. in St. Louis , Fla. bought Co.")).toEqual([
      "P.", "Simmons", "of", "First", "Albany", "Corp.", "in", "St.", "Louis", ",", "Fla.", "bought", "Co", ".",
    ]);
  });

  it("keeps apostrophes inside transliterated names and country-letter currencies whole", () => {
    expect(texts("Gama'a's keeper Songo'o paid C$ 5, don't")).toEqual(["Gama'a", "'s", "keeper", "Songo'o", "paid", "C$", "5", ",", "don", "'t"]);
  });

  it("gives character offsets into the text", () => {
    const text = "  Croft said";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text)[0]).toEqual({ text: "Croft", start: 2, end: 7 });
  });

  it("keeps O'Brien-style names but not a possessive", () => {
    expect(texts("O'Brien's")).toEqual(["O'Brien", "'s"]);
  });
});

describe("tokenizeSentences", () => {
  it("splits at sentence ends but not after Mr.", () => {
    const s = tokenizeSentences("Mr. Croft spoke. Then he left.");
    expect(s.map((x) => x.map((t) => t.text))).toEqual([["Mr.", "Croft", "spoke", "."], ["Then", "he", "left", "."]]);
  });

  it("reads sentences as the shipped entity model was trained on: no sentence ends after \"U.S.\"", () => {
    expect(tokenizeSentences("They stay in the U.S. He said so.")).toHaveLength(1);
  });
});
