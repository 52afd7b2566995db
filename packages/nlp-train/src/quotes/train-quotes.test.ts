import { extractQuotes } from "@newsflow/nlp";
import { featureCounts, quoteModelFromJson } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import type { GoldAttribution, GoldParagraph } from "./polnear.js";
import { agentlessPassives, DEFAULT_QUOTE_TRAIN_CONFIG, encodeParagraph, trainQuoteModel } from "./train-quotes.js";

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

describe("trainQuoteModel with WordNet rows", () => {
  it("stores the rows in the model, whose taggers then read them, and extracts with them", () => {
    const train = [
      paragraph("Officials said the talks failed.", "said", "the talks failed", "Officials"),
      paragraph("The minister denounced the plan as reckless.", "denounced", "the plan as reckless", "The minister"),
      paragraph("Critics condemned the vote.", "condemned", "the vote", "Critics"),
    ];
    const wordNet = {
      senses: [
        ["condemned", 2],
        ["denounced", 1],
      ] as Array<[string, number]>,
      rows: [
        [20, 843259, 828170, 1060446],
        [20, 865823, 843259, 828170],
      ],
    };
    const config = { ...DEFAULT_QUOTE_TRAIN_CONFIG, epochs: 2, cueBits: 10, roleBits: 10 };
    const json = trainQuoteModel(train, [], [], [], config, undefined, undefined, wordNet);
    expect(json.senses).toEqual(wordNet.senses);
    expect(json.senseRows).toEqual(wordNet.rows);
    const model = quoteModelFromJson(json);
    expect(model.withSenses).toBe(true);
    expect(model.senseRows).toHaveLength(4 * 3);
    expect(featureCounts(model.withSenses).cue).toBeGreaterThan(featureCounts(false).cue);
    expect(() => extractQuotes("Critics denounced the vote.", model)).not.toThrow();
    const without = trainQuoteModel(train, [], [], [], config);
    expect("senses" in without).toBe(false);
    expect(quoteModelFromJson(without).withSenses).toBe(false);
  });
});
