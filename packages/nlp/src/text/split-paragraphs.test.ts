import { describe, expect, it } from "vitest";
import { normalizeText, splitParagraphs } from "./split-paragraphs.js";

describe("splitParagraphs", () => {
  it("splits on blank lines and keeps offsets into the text", () => {
    const text = "First one.\nStill first.\n\n  Second.  \n";
    const { paragraphs } = splitParagraphs(text, { detectTitle: false });
    expect(paragraphs.map((p) => p.text)).toEqual(["First one. Still first.", "Second."]);
    expect(text.slice(paragraphs[1]!.start, paragraphs[1]!.end)).toBe("Second.");
  });

  it("recognises a first short line without final punctuation as the title", () => {
    const { title, paragraphs } = splitParagraphs("Drone Shows Fighters Flee\n\nBody text here.");
    expect(title).toBe("Drone Shows Fighters Flee");
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]!.index).toBe(0);
  });

  it("does not take a sentence for a title", () => {
    const { title } = splitParagraphs("This is a sentence.\n\nAnother one.");
    expect(title).toBeNull();
  });

  it("keeps list items as paragraphs without the bullet", () => {
    const text = "Intro.\n\n- Iraqi Prime Minister spoke.\n- Second item";
    const { paragraphs } = splitParagraphs(text, { detectTitle: false });
    expect(paragraphs.map((p) => p.text)).toEqual(["Intro.", "Iraqi Prime Minister spoke.", "Second item"]);
    expect(text.slice(paragraphs[1]!.start, paragraphs[1]!.end)).toBe("Iraqi Prime Minister spoke.");
  });

  it("handles CRLF, Unicode spaces and zero-width characters", () => {
    const text = normalizeText("A\u00A0b.\r\n\r\nC\u200Bd.\u2029\u2029E.");
    expect(splitParagraphs(text, { detectTitle: false }).paragraphs.map((p) => p.text)).toEqual(["A b.", "Cd.", "E."]);
  });

  it("drops blocks with no letters or digits", () => {
    expect(splitParagraphs("***\n\nReal text.", { detectTitle: false }).paragraphs).toHaveLength(1);
  });
});

describe("paragraph offsets", () => {
  it("map every character of a paragraph back to the document", () => {
    const text = "One line\n  and   the next.\n\nSecond  para.";
    for (const p of splitParagraphs(text, { detectTitle: false }).paragraphs) {
      expect(p.text.length).toBe(p.end - p.start);
      expect(p.text.replace(/ /g, "")).toBe(text.slice(p.start, p.end).replace(/\s/g, ""));
    }
  });
});
