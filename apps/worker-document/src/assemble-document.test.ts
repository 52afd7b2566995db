import { describe, expect, it } from "vitest";
import { assembleDocument } from "./assemble-document.js";

const paragraphs = [
  { index: 0, start: 0, end: 31, text: "Croft said the border is closed." },
  { index: 1, start: 33, end: 50, text: "Nothing else here." },
];
const sentence = (text: string) => ({ sentences: [{ start: 0, end: text.length, text, score: 1 }], summary: [], short: text, keyPhrases: [] });

describe("assembleDocument", () => {
  it("lists every missing paragraph task with the recorded reason", () => {
    const { result } = assembleDocument({
      docId: "d",
      title: null,
      paragraphs,
      summaries: [sentence(paragraphs[0]!.text), null],
      entities: [{ mentions: [{ text: "Croft", type: "PER", start: 0, end: 5, confidence: 0.9 }] }, { mentions: [] }],
      quotes: [{ quotes: [] }, null],
      failures: { "quotes:1": "tagger exploded" },
    });
    expect(result.missing).toEqual([
      { paragraphIndex: 1, task: "summarize", reason: "no result" },
      { paragraphIndex: 1, task: "quotes", reason: "tagger exploded" },
    ]);
    expect(result.entities.map((e) => e.name)).toEqual(["Croft"]);
    expect(result.summary.sentences.map((s) => s.paragraphIndex)).toEqual([0]);
  });
});
