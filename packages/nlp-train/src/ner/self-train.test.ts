import type { EntityMention } from "@newsflow/contracts";
import { loadNerModel } from "@newsflow/nlp/node";
import { GAZ_SOURCES } from "@newsflow/nlp/train";
import { describe, expect, it } from "vitest";
import { findAliases, findAutoNames, mergeAliasGroups, namesBeforeKnownAs } from "./self-train.js";

const article = "Iraqi forces entered Syria on Sunday.\n\nOfficials in Syria said the border was closed.";

describe("findAutoNames", () => {
  const model = loadNerModel();

  it("lists a name the tagger finds often and consistently under the auto source of its type", () => {
    const names = findAutoNames(model, [article, article], { minCount: 3 }).names;
    expect(names).toContainEqual({ tokens: ["Syria"], source: GAZ_SOURCES.indexOf("autoLOC") });
  });

  it("lists an alias seen once under the type of the listed name it stands for", () => {
    const aliased = "Officials in Syria, also known as Suriya, said the border was closed.";
    const names = findAutoNames(model, [article, article, aliased], { minCount: 3 }).names;
    expect(names).toContainEqual({ tokens: ["Suriya"], source: GAZ_SOURCES.indexOf("autoLOC") });
    const without = findAutoNames(model, [article, article, aliased], { minCount: 3, aliases: false }).names;
    expect(without.map((n) => n.tokens.join(" "))).not.toContain("Suriya");
  });

  it("groups the aliases with the name written before 'also known as', however the tagger cut that name", () => {
    // The shipped model tags "Islamic" alone in this sentence: the group must come from the text.
    const sentence = "Efforts against the Islamic State, also known as ISIS, ISIL and Daesh, continued.";
    const more = "ISIS fighters fled.\n\nISIL said it would fight.\n\nISIS and ISIL lost ground.";
    const { aliasGroups } = findAutoNames(model, [sentence, more], { minCount: 3 });
    expect(aliasGroups).toContainEqual(["Daesh", "ISIL", "ISIS", "Islamic State"]);
  });

  it("leaves out names seen fewer times than asked", () => {
    const names = findAutoNames(model, [article], { minCount: 3 }).names;
    expect(names.map((n) => n.tokens.join(" "))).not.toContain("Syria");
  });
});

/** A mention of `name` at its first occurrence in `text`. */
const at = (text: string, name: string, type: EntityMention["type"] = "ORG") => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, text: name, type });

describe("findAliases", () => {
  it("reads the names after 'also known as' as aliases of the mention before it", () => {
    const text = "efforts against the Islamic State, also known as ISIS, ISIL and Daesh.";
    expect(findAliases(text, [at(text, "Islamic State")]).map((a) => a.alias)).toEqual(["ISIS", "ISIL", "Daesh"]);
  });

  it("reads an acronym in brackets and the name before ', or'", () => {
    const text = "the Kurdistan Workers' Party (PKK) said Burma, or Myanmar, voted.";
    expect(findAliases(text, [at(text, "Kurdistan Workers' Party"), at(text, "Myanmar", "LOC")])).toEqual([
      { name: "Kurdistan Workers' Party", alias: "PKK" },
      { name: "Myanmar", alias: "Burma" },
    ]);
  });

  it("takes no alias from a list, a dateline or a lower-case phrase", () => {
    const list = "flights to Paris, Berlin, or London, were cancelled.";
    expect(findAliases(list, [at(list, "London")])).toEqual([]);
    const dateline = "WASHINGTON (AP) The Senate voted.";
    expect(findAliases(dateline, [at(dateline, "WASHINGTON")])).toEqual([]);
    const phrase = "Hezbollah, also known as the party of God, fought.";
    expect(findAliases(phrase, [at(phrase, "Hezbollah")])).toEqual([]);
  });

  it("takes a bracketed acronym only after a name it could abbreviate, and never after a person", () => {
    const agency = "Paris (AFP) The vote was close.";
    expect(findAliases(agency, [at(agency, "Paris", "LOC")])).toEqual([]);
    const senator = "said Senator Jane Smith (DMA) on Monday.";
    expect(findAliases(senator, [at(senator, "Jane Smith", "PER")])).toEqual([]);
  });
});

describe("namesBeforeKnownAs", () => {
  it("reads the capitalised name before 'also known as', without a sentence's leading The", () => {
    const text = "The Islamic State, also known as ISIS, fled. Residents of Qaraqosh (also known as Bakhdida) returned.";
    expect(namesBeforeKnownAs(text).map((n) => [n.text, text.slice(n.start, n.end)])).toEqual([
      ["Islamic State", "Islamic State"],
      ["Qaraqosh", "Qaraqosh"],
    ]);
  });

  it("reads no name from a lower-case word or the tail of a hyphenated one", () => {
    expect(namesBeforeKnownAs("the drug, also known as ecstasy, and al-Sham, also known as HTS.")).toEqual([]);
  });
});

describe("mergeAliasGroups", () => {
  it("merges groups that share a name, sorted, and drops single names", () => {
    expect(mergeAliasGroups([["Islamic State", "ISIS", "ISIL"], ["Myanmar", "Burma"], ["ISIS", "Daesh"], ["Solo"]])).toEqual([
      ["Burma", "Myanmar"],
      ["Daesh", "ISIL", "ISIS", "Islamic State"],
    ]);
  });
});
