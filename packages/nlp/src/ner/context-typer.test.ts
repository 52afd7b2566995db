import type { EntityMention } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { type ContextTyper, nameFeatureRows, retypeByContext, typerScores } from "./context-typer.js";
import { WordLexicon } from "./features.js";
import { hashString32 } from "./hash.js";
import { tokenizeSentences } from "./tokenize.js";

const resources = { bits: 4, lexicon: WordLexicon.from(new Map()), gazetteers: [] };
const BITS = 12;

/** A typer whose only weights say: a name followed by "said" is a person (type 0), +1 per feature row. */
function saidTyper(alpha: number): ContextTyper {
  const weights = new Int16Array((1 << BITS) * 4);
  weights[(hashString32("R1=said") & ((1 << BITS) - 1)) * 4 + 0] = 100;
  return { bits: BITS, weights, scale: 100, alpha };
}

function mention(text: string, name: string, type: string, confidence: number, from = 0): EntityMention {
  const start = text.indexOf(name, from);
  return { text: name, type, start, end: start + name.length, confidence } as EntityMention;
}

describe("context typer", () => {
  it("reads the words around a name and, of the name itself, only its suffix, word clusters and lists", () => {
    const rows = nameFeatureRows(resources, [{ tokens: ["Jordan", "said", "so"], start: 0, end: 1 }], BITS);
    const again = nameFeatureRows(resources, [{ tokens: ["Riordan", "said", "so"], start: 0, end: 1 }], BITS);
    expect([...rows].sort()).toEqual([...again].sort());
    expect(typerScores(saidTyper(0), rows)[0]).toBe(1);
  });

  it("retypes a name when its contexts outweigh the tagger's confidence, and keeps spans and other types", () => {
    const paragraphs = ["Jordan said the film was about history.", "Fighting spread from Syria to Iraq."];
    const mentions = [[mention(paragraphs[0]!, "Jordan", "LOC", 0.6)], [mention(paragraphs[1]!, "Syria", "LOC", 0.9), mention(paragraphs[1]!, "Iraq", "LOC", 0.9)]];
    const weak = retypeByContext(paragraphs.map(tokenizeSentences), mentions, saidTyper(0.5), resources);
    expect(weak.map((ms) => ms.map((m) => `${m.type}:${m.text}:${m.start}`))).toEqual([["PER:Jordan:0"], ["LOC:Syria:21", "LOC:Iraq:30"]]);
    // A heavier weight on the tagger's own type (logit 0.41 + 0.5, times alpha 2 > 1) keeps it.
    expect(retypeByContext(paragraphs.map(tokenizeSentences), mentions, saidTyper(2), resources)[0]![0]!.type).toBe("LOC");
    // The input is not changed.
    expect(mentions[0]![0]!.type).toBe("LOC");
  });

  it("leaves a mention the tagger is sure of (0.75 or more) its own type", () => {
    const text = "Jordan said no. Jordan said yes.";
    const mentions = [[mention(text, "Jordan", "LOC", 0.6), mention(text, "Jordan", "LOC", 0.8, 5)]];
    expect(retypeByContext([tokenizeSentences(text)], mentions, saidTyper(0.1), resources)[0]!.map((m) => m.type)).toEqual(["PER", "LOC"]);
  });

  it("scores a name's occurrences together", () => {
    const text = "Jordan said no. Later Jordan left. Jordan said yes.";
    const mentions = [[mention(text, "Jordan", "LOC", 0.6), mention(text, "Jordan", "LOC", 0.6, 5), mention(text, "Jordan", "LOC", 0.6, 30)]];
    const out = retypeByContext([tokenizeSentences(text)], mentions, saidTyper(0.5), resources);
    expect(out[0]!.map((m) => m.type)).toEqual(["PER", "PER", "PER"]);
  });
});
