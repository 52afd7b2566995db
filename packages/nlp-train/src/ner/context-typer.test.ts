import { typerScores, WordLexicon } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { parseConll } from "./conll.js";
import { trainContextTyper, typerInstances } from "./context-typer.js";

const resources = { bits: 4, lexicon: WordLexicon.from(new Map()), gazetteers: [] };

// Persons before "said", organisations before "shares"; the names themselves differ throughout.
const conll = [
  "-DOCSTART- O",
  "",
  "Smith B-PER",
  "said O",
  "so O",
  ". O",
  "",
  "Acme B-ORG",
  "shares O",
  "fell O",
  ". O",
  "",
  "-DOCSTART- O",
  "",
  "Jones B-PER",
  "said O",
  "no O",
  ". O",
  "",
  "Zenco B-ORG",
  "shares O",
  "rose O",
  ". O",
].join("\n");

describe("context typer training", () => {
  it("makes one instance per name and document, typed by its gold mentions", () => {
    const instances = typerInstances(parseConll(conll), resources, 12);
    expect(instances.map((x) => x.type)).toEqual([0, 1, 0, 1]);
  });

  it("learns the contexts, not the names, and gives the same table for the same seed", () => {
    const instances = typerInstances(parseConll(conll), resources, 12);
    const a = trainContextTyper(instances, { bits: 12, epochs: 5, seed: 13, alpha: 20 });
    const b = trainContextTyper(instances, { bits: 12, epochs: 5, seed: 13, alpha: 20 });
    expect(a.weights).toEqual(b.weights);
    expect(a.alpha).toBe(20);
    // A name never seen, in each context.
    const [person, company] = typerInstances(parseConll("Brown B-PER\nsaid O\n.\n\nOmnia B-ORG\nshares O\n. O"), resources, 12);
    const p = typerScores(a, person!.rows);
    const c = typerScores(a, company!.rows);
    expect(p[0]).toBeGreaterThan(p[1]!);
    expect(c[1]).toBeGreaterThan(c[0]!);
  });
});
