import { describe, expect, it } from "vitest";
import { hasText, listMarkerLength, normalizeText, splitParagraphs } from "./split-paragraphs.js";

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

  it("makes each list item a paragraph, marker and all", () => {
    const text = "Intro.\n\n- Iraqi Prime Minister spoke.\n- Second item\n1. Michelle Freeman ( Jamaica ) 12.71 seconds";
    const { paragraphs } = splitParagraphs(text, { detectTitle: false });
    expect(paragraphs.map((p) => p.text)).toEqual(["Intro.", "- Iraqi Prime Minister spoke.", "- Second item", "1. Michelle Freeman ( Jamaica ) 12.71 seconds"]);
    expect(text.slice(paragraphs[3]!.start, paragraphs[3]!.end)).toBe("1. Michelle Freeman ( Jamaica ) 12.71 seconds");
  });

  it("gives back paragraph i for block i, whatever the block holds", () => {
    // One sentence a paragraph, as CoNLL-style text is sent: a results line, a lone colon and a
    // row of dashes are sentences too, and an evaluator reads paragraphs[i] for sentence i.
    const sentences = ["Results of the race :", "1. Michelle Freeman ( Jamaica ) 12.71 seconds", ":", "- - - -", "2. Ludmila Engquist ( Sweden ) 12.74"];
    const { paragraphs } = splitParagraphs(sentences.join("\n\n"));
    expect(paragraphs.map((p) => p.text)).toEqual(sentences);
    expect(paragraphs.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it("handles CRLF, Unicode spaces and zero-width characters", () => {
    const text = normalizeText("A\u00A0b.\r\n\r\nC\u200Bd.\u2029\u2029E.");
    expect(splitParagraphs(text, { detectTitle: false }).paragraphs.map((p) => p.text)).toEqual(["A b.", "Cd.", "E."]);
  });

  it("measures the list marker that opens a paragraph", () => {
    expect(["- Item", "•  Item", "12) Item", "1. Michelle Freeman", "-5 degrees", "Item"].map(listMarkerLength)).toEqual([2, 3, 4, 3, 0, 0]);
  });

  it("keeps blocks with no letters or digits, which hasText tells apart", () => {
    const { paragraphs } = splitParagraphs("***\n\nReal text.", { detectTitle: false });
    expect(paragraphs.map((p) => [p.text, hasText(p.text)])).toEqual([
      ["***", false],
      ["Real text.", true],
    ]);
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
