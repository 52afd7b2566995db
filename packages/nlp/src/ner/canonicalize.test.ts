import type { EntityMention, EntityType } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { canonicalizeEntities, entityId, type ParagraphEntities } from "./canonicalize.js";

/** A paragraph whose mentions are found in its text by their surface form. */
function paragraph(index: number, text: string, mentions: Array<[string, EntityType]>): ParagraphEntities {
  let from = 0;
  const list: EntityMention[] = mentions.map(([m, type]) => {
    const start = text.indexOf(m, from);
    if (start < 0) throw new Error(`${m} not in ${text}`);
    from = start + m.length;
    return { text: m, type, start, end: start + m.length, confidence: 0.9 };
  });
  return { index, text, entities: { mentions: list } };
}

describe("canonicalizeEntities", () => {
  it("merges a surname with or without its particle into the full name", () => {
    const entities = canonicalizeEntities([
      paragraph(0, "Prime Minister Haider al-Abadi spoke.", [["Haider al-Abadi", "PER"]]),
      paragraph(1, "Later al-Abadi and Abadi's aides left.", [["al-Abadi", "PER"], ["Abadi", "PER"]]),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.name).toBe("Haider al-Abadi");
    expect(entities[0]!.id).toBe(entityId("PER", "Haider al-Abadi"));
    expect(entities[0]!.aliases.sort()).toEqual(["Abadi", "al-Abadi"]);
    expect(entities[0]!.mentions.map((m) => [m.paragraphIndex, m.text])).toEqual([[0, "Haider al-Abadi"], [1, "al-Abadi"], [1, "Abadi"]]);
  });

  it("merges a short form that the text introduces in brackets, even when tagged with another type", () => {
    const entities = canonicalizeEntities([
      paragraph(0, "Islamic State (IS) lost ground.", [["Islamic State", "ORG"], ["IS", "MISC"]]),
      paragraph(1, "IS fighters fled.", [["IS", "MISC"]]),
    ]);
    expect(entities.map((e) => [e.name, e.type, e.mentions.length])).toEqual([["Islamic State", "ORG", 3]]);
  });

  it("leaves a news agency in a dateline's brackets out of the place, and joins it to its name", () => {
    const entities = canonicalizeEntities([
      paragraph(0, "WASHINGTON (AP) — The Senate voted.", [["WASHINGTON", "LOC"], ["AP", "ORG"], ["Senate", "ORG"]]),
      paragraph(1, "The Associated Press reported the vote.", [["The Associated Press", "ORG"]]),
      paragraph(2, "The United Arab Emirates (UAE) agreed.", [["United Arab Emirates", "LOC"], ["UAE", "ORG"]]),
    ]);
    expect(entities.map((e) => [e.type, e.name, e.mentions.map((m) => m.text)])).toEqual([
      ["LOC", "WASHINGTON", ["WASHINGTON"]],
      ["ORG", "Senate", ["Senate"]],
      ["ORG", "The Associated Press", ["AP", "The Associated Press"]],
      ["LOC", "United Arab Emirates", ["United Arab Emirates", "UAE"]],
    ]);
  });

  it("merges an acronym whose letters spell the long form's initials", () => {
    const entities = canonicalizeEntities([
      paragraph(0, "The Islamic State of Iraq and Syria claimed it; ISIS said so.", [
        ["Islamic State of Iraq and Syria", "ORG"],
        ["ISIS", "ORG"],
      ]),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.aliases).toEqual(["ISIS"]);
  });

  it("merges case variants and keeps different types and different people apart", () => {
    const entities = canonicalizeEntities([
      paragraph(0, "ISIS and Isis; Jordan the country; Michael Jordan and Eddie Jordan; Jordan said.", [
        ["ISIS", "ORG"],
        ["Isis", "ORG"],
        ["Jordan", "LOC"],
        ["Michael Jordan", "PER"],
        ["Eddie Jordan", "PER"],
        ["Jordan", "PER"],
      ]),
    ]);
    expect(entities.map((e) => `${e.type}:${e.name}:${e.mentions.length}`)).toEqual([
      "ORG:ISIS:2",
      "LOC:Jordan:1",
      "PER:Michael Jordan:1",
      "PER:Eddie Jordan:1",
      "PER:Jordan:1",
    ]);
  });

  it("makes spellings that differ only in spaces and hyphens one entity, named by the fullest", () => {
    const entities = canonicalizeEntities([
      paragraph(0, "Forces entered Al-Bukamal on Sunday.", [["Al-Bukamal", "LOC"]]),
      paragraph(1, "Albu Kamal is liberated, and Al-Bukamal's people returned.", [["Albu Kamal", "LOC"], ["Al-Bukamal", "LOC"]]),
    ]);
    expect(entities.map((e) => `${e.type}:${e.name}=${e.mentions.length}`)).toEqual(["LOC:Albu Kamal=3"]);
    expect(entities[0]!.aliases).toEqual(["Al-Bukamal"]);
  });

  it("makes the names of one alias group one entity of their type, named by the fullest", () => {
    const groups = [["Daesh", "ISIL", "ISIS", "Islamic State"], ["BSA", "Building Societies Association", "Business Software Alliance"]];
    const paragraphs = [
      paragraph(0, "ISIS fighters fled as Islamic State lost ground to the army.", [["ISIS", "ORG"], ["Islamic State", "ORG"]]),
      paragraph(1, "Daesh denied it, and a Daesh town was shelled.", [["Daesh", "ORG"], ["Daesh", "LOC"]]),
    ];
    const names = (es: ReturnType<typeof canonicalizeEntities>) => es.map((e) => `${e.type}:${e.name}=${e.mentions.length}`);
    expect(names(canonicalizeEntities(paragraphs, groups))).toEqual(["ORG:Islamic State=3", "LOC:Daesh=1"]);
    expect(names(canonicalizeEntities(paragraphs))).toEqual(["ORG:ISIS=1", "ORG:Islamic State=1", "ORG:Daesh=1", "LOC:Daesh=1"]);
    // A group whose names here are two different long names is two organisations, not one.
    const two = canonicalizeEntities([paragraph(0, "The Building Societies Association and the Business Software Alliance met.", [["Building Societies Association", "ORG"], ["Business Software Alliance", "ORG"]])], groups);
    expect(two).toHaveLength(2);
    // Persons stay apart: the mined groups of persons are mostly a first name and a surname.
    const people = canonicalizeEntities([paragraph(0, "Bush thanked Jeb.", [["Bush", "PER"], ["Jeb", "PER"]])], [["Bush", "Jeb"]]);
    expect(people).toHaveLength(2);
  });

  it("leaves value types such as DATE out", () => {
    const entities = canonicalizeEntities([paragraph(0, "On Friday Croft spoke.", [["Friday", "DATE" as EntityType], ["Croft", "PER"]])]);
    expect(entities.map((e) => e.name)).toEqual(["Croft"]);
  });
});

describe("entityId", () => {
  it("is the same for case and accent variants of one name", () => {
    expect(entityId("LOC", "Deir Ezzor")).toBe("loc-deir-ezzor");
    expect(entityId("LOC", "DEIR  EZZOR")).toBe(entityId("LOC", "Deir Ezzor"));
    expect(entityId("PER", "José")).toBe("per-jose");
    expect(entityId("PER", "Renée Zellweger")).toBe("per-renee-zellweger");
  });
});
