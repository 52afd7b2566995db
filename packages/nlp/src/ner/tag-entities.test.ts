import { readFileSync } from "node:fs";
import type { EntityMention } from "@newsflow/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { loadNerModel } from "../node/load-ner-model.js";
import { normalizeText, splitParagraphs } from "../text/split-paragraphs.js";
import type { NerModel } from "./model-format.js";
import { type ReconcileOptions, reconcileEntities } from "./reconcile.js";
import { createEntityTagger, type EntityTagger, tagTokenSentences } from "./tag-entities.js";

const SAMPLE = new URL("../../../../seeds/000_190e8402774f0ae3.txt", import.meta.url);

// Loaded once in beforeAll: a test that loads the 8 MB model itself can pass vitest's 5 s on a busy machine.
let model: NerModel;
let tagger: EntityTagger;
let title = "";
let mentions: EntityMention[] = [];

beforeAll(() => {
  model = loadNerModel();
  tagger = createEntityTagger(model);
  const doc = splitParagraphs(normalizeText(readFileSync(SAMPLE, "utf8")));
  title = doc.title ?? "";
  // Production: the entities worker tags paragraph by paragraph, the document step reconciles
  // with the model's alias groups and context typer.
  const paragraphs = doc.paragraphs.map((p) => ({ text: p.text, mentions: tagger.tag(p.text).mentions }));
  const context = model.typer ? { typer: model.typer, resources: model.resources } : null;
  mentions = reconcileEntities(paragraphs, { title, aliases: model.aliasGroups, context }).flat();
});

const has = (type: string, text: string) => mentions.some((m) => m.type === type && m.text === text);

describe("the shipped tagger and reconciliation on the sample article", () => {
  it.each([
    ["PER", "Haider al-Abadi"],
    ["PER", "Croft"],
    ["PER", "Abu Bakr al-Baghdadi"],
    ["LOC", "Al-Qaim"],
    ["LOC", "Iraq"],
    ["LOC", "Syria"],
    ["LOC", "Deir Ezzor"],
    ["ORG", "Hezbollah"],
    ["ORG", "USA Today"],
    ["LOC", "Al-Bukamal"],
    ["LOC", "Albu Kamal"],
    ["ORG", "Islamic State"],
    // Tagged LOC in its paragraph; its alias group's ISIS and ISIL are ORG elsewhere in the article.
    ["ORG", "Daesh"],
    ["MISC", "KC-10 Extender"],
    ["MISC", "A-10 Thunderbolt-2"],
  ])("finds %s %s", (type, text) => {
    expect(has(type, text)).toBe(true);
  });

  it.each([["Hezbollah"], ["Daesh"], ["Albu Kamal"], ["Deir Ezzor"], ["Islamic State"], ["ISIS"]])("gives %s one type everywhere", (text) => {
    expect(new Set(mentions.filter((m) => m.text === text).map((m) => m.type)).size).toBe(1);
  });

  it("tags no piece of a longer name alone and no aircraft as a person", () => {
    const texts = mentions.map((m) => m.text);
    for (const piece of ["USA", "Islamic", "Abu Bakr", "al-Baghdadi", "Albu", "Deir"]) expect(texts).not.toContain(piece);
    expect(mentions.filter((m) => m.type === "PER" && /Extender/.test(m.text))).toEqual([]);
  });

  it("does not tag every word of the title-cased headline", () => {
    const found = tagger.tag(title).mentions;
    expect(title).toBe("Drone Shows Islamic State Fighters Flee Al-Qaim City");
    expect(found.some((m) => m.text.includes("Al-Qaim"))).toBe(true);
    for (const word of ["Drone", "Shows", "Fighters", "Flee"]) expect(found.filter((m) => m.text.includes(word))).toEqual([]);
  });
});

describe("the document step's context typer", () => {
  it("types a name from all the places an article writes it", () => {
    // The tagger alone takes the unknown company for a person in each paragraph (PER 0.53-0.64),
    // as it takes CoNLL dev's "Comelf"; what the article says around the name makes it a company.
    const paragraphs = [
      "Romanian listed state engineer Varnel said it almost doubled six-month output, with net profit rising by 33 percent.",
      "Varnel's six-month output rose to 4,378 tonnes of equipment, the company report to the Bucharest stock exchange showed.",
      "Varnel, based in the central town of Bistrita, manufactures water purification equipment.",
    ].map((text) => ({ text, mentions: tagger.tag(text).mentions }));
    const types = (context: ReconcileOptions["context"]) =>
      reconcileEntities(paragraphs, { aliases: model.aliasGroups, context })
        .flat()
        .filter((m) => m.text === "Varnel")
        .map((m) => m.type);
    expect(types(null)).toEqual(["PER", "PER", "PER"]);
    expect(types({ typer: model.typer!, resources: model.resources })).toEqual(["ORG", "ORG", "ORG"]);
  });
});

describe("the document step's persons after the context typer", () => {
  const paragraphs = (texts: string[]) => texts.map((text) => ({ text, mentions: tagger.tag(text).mentions }));
  const shown = (ps: ReturnType<typeof paragraphs>, options: ReconcileOptions) =>
    reconcileEntities(ps, { aliases: model.aliasGroups, context: { typer: model.typer!, resources: model.resources }, ...options })
      .flat()
      .map((m) => `${m.type}:${m.text}`);

  it("makes a place named by a given name and a surname that the article types alone as a person that person", () => {
    const ps = paragraphs(["Hillary Clinton is swinging hard at Bernie Sanders in the opening round of the debate.", "Sanders said the party had to change."]);
    // Wikipedia's place titles list "Bernie Sanders", and the tagger takes the list's word.
    expect(ps[0]!.mentions.map((m) => `${m.type}:${m.text}`)).toContain("LOC:Bernie Sanders");
    expect(shown(ps, {})).toEqual(["PER:Hillary Clinton", "PER:Bernie Sanders", "PER:Sanders"]);
    expect(shown(ps, { surnamePersons: false })).toContain("LOC:Bernie Sanders");
  });

  it("gives a given name alone the type of the person whose full name it starts", () => {
    const ps = paragraphs(["Bernie Sanders won the primary in New Hampshire.", "\"There won't be a path for Bernie to succeed,\" she said.", "Her husband Bill has stuck to fundraising, said Bill Clinton's aide."]);
    const given = (options: ReconcileOptions) => shown(ps, options).filter((m) => m.endsWith(":Bernie") || m.endsWith(":Bill"));
    expect(given({ givenNamePersons: false })).toEqual(["LOC:Bernie", "ORG:Bill"]);
    expect(given({})).toEqual(["PER:Bernie", "PER:Bill"]);
  });

  it("gives a surname alone its person's type back where the typer took it for an organisation", () => {
    const texts = ["Donald Trump won the New Hampshire primary on Tuesday.", "The Trump campaign raised more money than any rival.", "Trump said the result showed voters wanted change."];
    const trump = (ps: ReturnType<typeof paragraphs>, options: ReconcileOptions) => shown(ps, options).filter((m) => m.endsWith(":Trump"));
    // "Trump" leads organisation titles ("Trump Organization"), and the typer reads it so.
    expect(trump(paragraphs(texts), { surnamePersons: false })).toEqual(["ORG:Trump", "ORG:Trump"]);
    expect(trump(paragraphs(texts), {})).toEqual(["PER:Trump", "PER:Trump"]);
    // Where the article also writes a name that starts with it as often, the surname is left to the typer...
    const tower = paragraphs([texts[0]!, "The Trump campaign raised more money than any rival at Trump Tower.", texts[2]!]);
    expect(trump(tower, {})).toEqual(trump(tower, { surnamePersons: false }));
    expect(trump(tower, {})).not.toEqual(["PER:Trump", "PER:Trump"]);
    // ...and where it writes the person's full name more often, the surname is the person's.
    const towers = paragraphs([...tower.map((p) => p.text), "Donald Trump will speak again on Friday."]);
    expect(trump(towers, { surnamePersons: false })).toContain("ORG:Trump");
    expect(trump(towers, {})).toEqual(["PER:Trump", "PER:Trump"]);
  });

  it("splits a party word off the politician's name after it", () => {
    const ps = paragraphs(["The debate between Republican Donald Trump and Democrat Hillary Clinton drew 84 million viewers."]);
    const names = shown(ps, {});
    expect(names).toEqual(expect.arrayContaining(["PER:Hillary Clinton", "PER:Donald Trump"]));
    expect(names.some((n) => n.includes("Democrat Hillary"))).toBe(false);
  });

  it("splits a party word with of and a place into the two names", () => {
    const ps = paragraphs(["Senator Patrick Leahy, Democrat of Vermont, said the bill would fail."]);
    expect(ps[0]!.mentions.map((m) => `${m.type}:${m.text}`)).toContain("ORG:Democrat of Vermont");
    expect(shown(ps, {})).toEqual(["PER:Patrick Leahy", "MISC:Democrat", "LOC:Vermont"]);
  });

  it("leaves the place when the article writes no person by its last word", () => {
    const ps = paragraphs(["Hillary Clinton is swinging hard at Bernie Sanders in the opening round of the debate.", "Clinton said the party had to change."]);
    expect(shown(ps, {})).toContain("LOC:Bernie Sanders");
  });
});

describe("the document step's organisation list", () => {
  it("joins two names one space apart that Wikipedia's organisation titles list as one, unless one is MISC", () => {
    const paragraphs = [
      "Both The New York Times and the Wall Street Journal confirmed a few of the donations.",
      "Balco has been accused by the United States Anti-Doping Agency (USADA) of being the source.",
    ].map((text) => ({ text, mentions: tagger.tag(text).mentions }));
    // The tagger cuts both names where a part is a name of its own.
    expect(paragraphs.flatMap((p) => p.mentions.map((m) => `${m.type}:${m.text}`))).toEqual(expect.arrayContaining(["LOC:Wall Street", "ORG:Journal", "LOC:United States", "ORG:Anti-Doping Agency"]));
    const names = (context: ReconcileOptions["context"]) =>
      reconcileEntities(paragraphs, { aliases: model.aliasGroups, context })
        .flat()
        .map((m) => `${m.type}:${m.text}`);
    const joined = names({ typer: model.typer!, resources: model.resources });
    expect(joined).toEqual(expect.arrayContaining(["ORG:Wall Street Journal", "ORG:United States Anti-Doping Agency"]));
    expect(joined).not.toContain("ORG:Journal");
    // The list is the model's: without it (self-training's reconciliation) the names stay apart.
    expect(names(null)).toContain("ORG:Journal");
  });

  it("takes in the untagged capitalised words after a name that the list names with it, unless they end in a title", () => {
    const paragraphs = ["He told the Argus Leader that the UK Home Secretary would decide."].map((text) => ({ text, mentions: tagger.tag(text).mentions }));
    // The tagger tags "Argus" alone and "UK" alone.
    expect(paragraphs[0]!.mentions.map((m) => m.text)).toEqual(["Argus", "UK"]);
    const names = reconcileEntities(paragraphs, { aliases: model.aliasGroups, context: { typer: model.typer!, resources: model.resources } })
      .flat()
      .map((m) => `${m.type}:${m.text}`);
    // "UK Home Secretary" is a listed office, not an organisation of the text.
    expect(names[0]).toBe("ORG:Argus Leader");
    expect(names.slice(1).map((n) => n.split(":")[1])).toEqual(["UK"]);
  });
});

describe("createEntityTagger", () => {
  it("types a weak person whose name a place list spells, spaces and hyphens aside, as a place", () => {
    const place = tagger.tag('Syrian state television declared "Albu Kamal is liberated".').mentions;
    expect(place.find((m) => m.text === "Albu Kamal")?.type).toBe("LOC");
    const person = tagger.tag("291 Phillip Price 72 76 74 69 , Adam Hunter 70 79 73 69 , Mark Roe 69 71 78 72").mentions;
    expect(person.find((m) => m.text === "Adam Hunter")?.type).toBe("PER");
  });

  it("types a weak organisation whose name a place list spells as a place, not a confident one", () => {
    // The tagger says ORG at 0.54 for "Deir-ez-Zor" here; WikiLocations spells it.
    expect(tagger.tag("The siege of Deir-ez-Zor ended.").mentions.find((m) => m.text === "Deir-ez-Zor")?.type).toBe("LOC");
    const teams = tagger.tag("Chelsea beat Leeds 2-1 on Saturday.").mentions;
    expect(teams.filter((m) => m.type === "ORG").map((m) => m.text)).toEqual(["Chelsea", "Leeds"]);
  });

  it("types a weak name with a listed first name and a particle inside a person, but not one that an article opens", () => {
    // The tagger typed "Ursula von der Leyen" ORG 0.54.
    expect(tagger.tag("Ursula von der Leyen met Merkel.").mentions[0]).toMatchObject({ text: "Ursula von der Leyen", type: "PER" });
    expect(tagger.tag("Le Roi de Lahore was revived in Paris.").mentions[0]).toMatchObject({ text: "Le Roi de Lahore", type: "ORG" });
    expect(createEntityTagger(model, { personNames: false }).tag("Ursula von der Leyen met Merkel.").mentions[0]).toMatchObject({ type: "ORG" });
  });

  it("joins a first name and the double-barrelled surname the tagger left untagged after it into a person", () => {
    // The tagger gave LOC "Alexandria" (a city too) and nothing for "Ocasio-Cortez".
    expect(tagger.tag("Rep. Alexandria Ocasio-Cortez said the bill was flawed.").mentions).toMatchObject([{ text: "Alexandria Ocasio-Cortez", type: "PER" }]);
    expect(createEntityTagger(model, { personNames: false }).tag("Rep. Alexandria Ocasio-Cortez said the bill was flawed.").mentions).toMatchObject([{ text: "Alexandria", type: "LOC" }]);
    // Not a surname no list holds a part of, nor one of words mostly written in lower case.
    expect(tagger.tag("Shares of Maryland Wal-Marts fell.").mentions.map((m) => m.text)).toEqual(["Maryland"]);
    expect(tagger.tag("Analysts at Foster Long-Term Capital said.").mentions.map((m) => m.text)).toContain("Foster");
  });

  it("tags a place of several words with \"-based\" as one MISC name", () => {
    // The tagger had "Land-based" MISC, "Santa" PER + "Monica-based", "New York" LOC + nothing.
    for (const [text, name] of [
      ["The Sugar Land-based company said it would cut jobs.", "Sugar Land-based"],
      ["Santa Monica-based Snap said profits rose.", "Santa Monica-based"],
      ["The New York City-based firm said it would appeal.", "New York City-based"],
    ] as const) {
      const named = tagger.tag(text).mentions.filter((m) => m.type !== "DATE");
      expect(named.map((m) => `${m.type}:${m.text}`)).toContain(`MISC:${name}`);
      expect(named.filter((m) => m.start < text.indexOf(name) + name.length && m.end > text.indexOf(name))).toHaveLength(1);
    }
    // No capitalised word that makes a listed place with it: as before.
    expect(tagger.tag("Former London-based traders said prices fell.").mentions.map((m) => m.text)).toContain("London-based");
  });

  it("tags a weekday that a capitalised common word names (\"Black Friday\") as one MISC name", () => {
    // The tagger had "Black" ORG, "Good" MISC, "Black Monday" ORG and nothing for "Super Tuesday".
    for (const [text, name] of [
      ["Shoppers lined up for Black Friday sales.", "Black Friday"],
      ["The Good Friday agreement was signed in 1998.", "Good Friday"],
      ["Stocks fell on Black Monday in 1987.", "Black Monday"],
      ["Voters head to the polls on Super Tuesday.", "Super Tuesday"],
    ] as const) {
      expect(tagger.tag(text).mentions.filter((m) => m.type !== "DATE").map((m) => `${m.type}:${m.text}`)).toEqual([`MISC:${name}`]);
    }
    // A name that is capitalised anyway, a word that opens a sentence or a clause: as before.
    expect(tagger.tag("Sheffield Wednesday lost on Saturday.").mentions[0]).toMatchObject({ type: "ORG", text: "Sheffield Wednesday" });
    expect(tagger.tag("Last Friday he said no.").mentions.filter((m) => m.type === "MISC")).toEqual([]);
    expect(tagger.tag("PORTLAND, Maine - On Friday morning, he spoke.").mentions.map((m) => m.text)).not.toContain("On Friday");
    expect(createEntityTagger(model, { namedDays: false }).tag("Shoppers lined up for Black Friday sales.").mentions.map((m) => `${m.type}:${m.text}`)).not.toContain("MISC:Black Friday");
  });

  it("tags a word of \"i\" and a capitalised word (\"iPod\", \"iPhone 11\") as a MISC product name", () => {
    // The tagger left them untagged: CoNLL train and wikigold have no word of that shape.
    for (const [text, name] of [
      ["Sales of the iPod doubled last year.", "iPod"],
      ["Songs bought on iTunes cost 79p.", "iTunes"],
      ["The new iPhone 11 has two cameras.", "iPhone 11"],
      ["Schools handed out iPads to pupils.", "iPads"],
    ] as const) {
      expect(tagger.tag(text).mentions.filter((m) => m.type === "MISC").map((m) => m.text)).toEqual([name]);
    }
    // Other shapes: as before.
    expect(tagger.tag("The iron ore price fell.").mentions).toEqual([]);
    expect(tagger.tag("Shares in iOS developers rose.").mentions.map((m) => m.text)).not.toContain("iOS");
    expect(createEntityTagger(model, { iProducts: false }).tag("Sales of the iPod doubled last year.").mentions.map((m) => m.text)).not.toContain("iPod");
  });

  it("types a weak MISC name that Wikipedia's organisation titles list as an organisation, but not a nationality or a MISC name of CoNLL train", () => {
    // The tagger says MISC at 0.64 for "Taliban"; "American" and "Nasdaq" are listed organisations too (redirects).
    const taliban = tagger.tag("The Taliban seized Kabul in August 2021.").mentions.find((m) => m.text === "Taliban");
    expect(taliban).toMatchObject({ type: "ORG" });
    expect(taliban!.confidence).toBeLessThan(0.7);
    for (const [text, name] of [
      ["The American said he would stay.", "American"],
      ["Shares rose on the Nasdaq.", "Nasdaq"],
    ] as const) {
      const mention = tagger.tag(text).mentions.find((m) => m.text === name);
      expect(mention).toMatchObject({ type: "MISC" });
      expect(mention!.confidence).toBeLessThan(0.7);
    }
  });

  it("types a name of two words or more that ends in an event or prize word as MISC", () => {
    // The tagger says LOC at 0.54: "Falklands" is a place.
    expect(tagger.tag("He fought in the Falklands War.").mentions.find((m) => m.text === "Falklands War")?.type).toBe("MISC");
  });

  it("gives offsets into the paragraph and a confidence between 0.5 and 1", () => {
    const text = "Iraqi Prime Minister Haider al-Abadi visited Syria on Sunday.";
    const { mentions: found } = tagger.tag(text);
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.confidence).toBeGreaterThanOrEqual(0.5);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
    expect(found.find((m) => m.text === "Syria")?.type).toBe("LOC");
  });

  it("adds rule-based values apart from the four learnt types", () => {
    const { mentions: found } = tagger.tag("On Friday, Syria said prices rose 5%.");
    expect(found.map((m) => `${m.type}:${m.text}`)).toEqual(["DATE:Friday", "LOC:Syria", "PERCENT:5%"]);
  });

  it("returns no mentions for text without names", () => {
    expect(tagger.tag("it rained all day and nobody came.").mentions).toEqual([]);
  });
});

describe("tagTokenSentences", () => {
  it("tags pre-tokenised sentences without re-tokenising them", () => {
    const [first] = tagTokenSentences(model, [["Peter", "Blackburn", "flew", "to", "Brussels", "."]]);
    expect(first).toEqual([
      expect.objectContaining({ start: 0, end: 2, type: 0 }),
      expect.objectContaining({ start: 4, end: 5, type: 2 }),
    ]);
  });
});
