import { describe, expect, it } from "vitest";
import { loadSummaryWeights } from "../node/index.js";
import { FEATURE_NAMES } from "../summarize/features.js";
import { assembleDocument } from "./assemble-document.js";

const summary = { weights: loadSummaryWeights() };

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
    }, summary);
    expect(result.missing).toEqual([
      { paragraphIndex: 1, task: "summarize", reason: "no result" },
      { paragraphIndex: 1, task: "quotes", reason: "tagger exploded" },
    ]);
    expect(result.entities.map((e) => e.name)).toEqual(["Croft"]);
    expect(result.summary.sentences.map((s) => s.paragraphIndex)).toEqual([0]);
  });

  it("reconciles the paragraphs' mentions with the alias groups it is given", () => {
    const texts = ["ISIS fighters fled.", "ISIS lost the town.", "They fled from Daesh."];
    let offset = 0;
    const ps = texts.map((text, index) => {
      const p = { index, start: offset, end: offset + text.length, text };
      offset += text.length + 2;
      return p;
    });
    const at = (text: string, name: string, type: "ORG" | "LOC", confidence: number) => ({ text: name, type, start: text.indexOf(name), end: text.indexOf(name) + name.length, confidence });
    const input = {
      docId: "d",
      title: null,
      paragraphs: ps,
      summaries: texts.map(sentence),
      entities: [{ mentions: [at(texts[0]!, "ISIS", "ORG", 0.8)] }, { mentions: [at(texts[1]!, "ISIS", "ORG", 0.7)] }, { mentions: [at(texts[2]!, "Daesh", "LOC", 0.55)] }],
      quotes: texts.map(() => ({ quotes: [] })),
      failures: {},
    };
    expect(assembleDocument(input, summary).reconciled[2]).toBeNull();
    const withAliases = assembleDocument({ ...input, entityAliases: [["Daesh", "ISIS"]] }, summary);
    expect(withAliases.reconciled[2]!.mentions.map((m) => `${m.type}:${m.text}`)).toEqual(["ORG:Daesh"]);
  });

  it("summarises with the weights and the budget it is given", () => {
    const texts = ["The border is closed.", "Croft said forces would stay.", "Talks resume on Monday."];
    let offset = 0;
    const ps = texts.map((text, index) => {
      const p = { index, start: offset, end: offset + text.length, text };
      offset += text.length + 2;
      return p;
    });
    const input = { docId: "d", title: null, paragraphs: ps, summaries: texts.map(sentence), entities: texts.map(() => ({ mentions: [] })), quotes: texts.map(() => ({ quotes: [] })), failures: {} };
    const lastFirst = { ...summary.weights, weights: FEATURE_NAMES.map((n) => (n === "relativePosition" ? 5 : 0)) };
    expect(assembleDocument(input, { weights: lastFirst, budget: { sentences: 1 } }).result.summary.text).toBe("Talks resume on Monday.");
    expect(assembleDocument(input, { weights: lastFirst, budget: { sentences: 2 } }).result.summary.sentences.map((s) => s.paragraphIndex)).toEqual([1, 2]);
  });
});

describe("assembleDocument's document-level entities", () => {
  it("types a name the same way across the document and returns the paragraphs whose mentions it changed", () => {
    const texts = ["Hezbollah fighters joined the offensive.", "A Hezbollah spokesman said so."];
    const doc = [{ index: 0, start: 0, end: texts[0]!.length, text: texts[0]! }, { index: 1, start: texts[0]!.length + 2, end: texts[0]!.length + 2 + texts[1]!.length, text: texts[1]! }];
    const { result, reconciled } = assembleDocument(
      {
        docId: "d",
        title: null,
        paragraphs: doc,
        summaries: [null, null],
        entities: [
          { mentions: [{ text: "Hezbollah", type: "ORG", start: 0, end: 9, confidence: 0.95 }] },
          { mentions: [{ text: "Hezbollah", type: "LOC", start: 2, end: 11, confidence: 0.4 }] },
        ],
        quotes: [null, null],
        failures: {},
      },
      summary,
    );
    expect(reconciled[0]).toBeNull();
    expect(reconciled[1]!.mentions.map((m) => m.type)).toEqual(["ORG"]);
    expect(result.entities.map((e) => [e.name, e.type, e.mentions.length])).toEqual([["Hezbollah", "ORG", 2]]);
  });
});
