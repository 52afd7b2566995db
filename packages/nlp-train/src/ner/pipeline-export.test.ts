import { describe, expect, it } from "vitest";
import { parseConll } from "./conll.js";
import { documentText, scoreExport } from "./pipeline-export.js";

const conll = `-DOCSTART- -X- -X- O

1. NNP B-NP O
Michelle NNP I-NP I-PER
Freeman NNP I-NP I-PER
( ( O O
Jamaica NNP B-NP I-LOC
) ) O O

: : O O

Freeman NNP B-NP I-PER
won VBD B-VP O
. . O O
`;
const [doc] = parseConll(conll);
const mention = (text: string, type: "PER" | "LOC", start: number) => ({ text, type, start, end: start + text.length, confidence: 0.9 });

describe("scoring an export of the real pipeline", () => {
  it("writes each sentence as one paragraph, tokens joined by single spaces", () => {
    expect(documentText(doc!)).toBe("1. Michelle Freeman ( Jamaica )\n\n:\n\nFreeman won .\n");
  });

  it("reads sentence i from paragraphs[i], with offsets into that sentence", () => {
    const exported = {
      paragraphs: [
        { text: "1. Michelle Freeman ( Jamaica )", entities: { mentions: [mention("Michelle Freeman", "PER", 3), mention("Jamaica", "LOC", 22)] } },
        { text: ":", entities: { mentions: [] } },
        { text: "Freeman won .", entities: { mentions: [mention("Freeman", "PER", 0)] } },
      ],
    };
    const { scores, misaligned, sentences } = scoreExport([doc!], [exported]);
    expect({ f1: scores.f1, misaligned, sentences }).toEqual({ f1: 1, misaligned: 0, sentences: 3 });
  });

  it("counts what a dropped paragraph or a stripped list number costs", () => {
    // The splitter before this fix: "1. " stripped (offsets shifted by 3), the lone colon dropped.
    const exported = {
      paragraphs: [
        { text: "Michelle Freeman ( Jamaica )", entities: { mentions: [mention("Michelle Freeman", "PER", 0), mention("Jamaica", "LOC", 19)] } },
        { text: "Freeman won .", entities: { mentions: [mention("Freeman", "PER", 0)] } },
      ],
    };
    const { scores, misaligned } = scoreExport([doc!], [exported]);
    expect(misaligned).toBe(3);
    expect(scores.f1).toBe(0);
  });
});
