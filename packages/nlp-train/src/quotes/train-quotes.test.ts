import { describe, expect, it } from "vitest";
import type { GoldAttribution, GoldParagraph } from "./polnear.js";
import { agentlessPassives, encodeParagraph, meanChain } from "./train-quotes.js";

/** A paragraph with one attribution, its roles given by their text. */
function paragraph(text: string, cue: string, content: string, source?: string): GoldParagraph {
  const at = (part: string) => {
    const start = text.indexOf(part);
    return [{ start, end: start + part.length }];
  };
  const attribution: GoldAttribution = { cue: at(cue), content: at(content), source: source ? at(source) : [] };
  return { articleId: "a", index: 0, offset: 0, text, attributions: [attribution] };
}

describe("agentlessPassives", () => {
  it("lists the participles of passive cues seen twice or more that rarely have a source before them", () => {
    const encoded = [
      paragraph("Mr. Quiros was accused of fraud.", "was accused of", "fraud"),
      paragraph("The mayor has been accused of lying by rivals.", "has been accused of", "lying", "rivals"),
      paragraph("Voters are worried about jobs.", "are worried about", "jobs", "Voters"),
      paragraph("Farmers were worried about rain.", "were worried about", "rain", "Farmers"),
      paragraph("He was asked about taxes.", "was asked about", "taxes"),
      paragraph("Officials said the talks failed.", "said", "the talks failed", "Officials"),
    ].map((p) => encodeParagraph(p, new Map()));
    // "accused": twice, never a source before it (the "by" agent comes after); "worried": always
    // one before it; "asked": once only; "said" is no passive.
    expect(agentlessPassives(encoded)).toEqual(["accused"]);
  });
});

describe("meanChain", () => {
  it("averages the weights and transitions of chain models of one shape, and gives one model back as it is", () => {
    const a = { bits: 1, labels: 2, scale: 1, weights: Float32Array.from([1, 2, 3, 4]), transitions: Float32Array.from([0, 2, 4, 6, 8, 10]) };
    const b = { bits: 1, labels: 2, scale: 1, weights: Float32Array.from([3, 2, -3, 0]), transitions: Float32Array.from([2, 2, 0, 6, -8, 0]) };
    const mean = meanChain([a, b]);
    expect([...mean.weights]).toEqual([2, 2, 0, 2]);
    expect([...mean.transitions]).toEqual([1, 2, 2, 6, 0, 5]);
    expect(mean.labels).toBe(2);
    expect(meanChain([a])).toBe(a);
  });
});
