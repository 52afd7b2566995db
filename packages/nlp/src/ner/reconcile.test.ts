import type { EntityMention } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { reconcileEntities } from "./reconcile.js";

/** A paragraph with mentions given as [type, text, confidence?], located in order in the text. */
function para(text: string, tagged: Array<[string, string, number?]>): { text: string; mentions: EntityMention[] } {
  let from = 0;
  const mentions = tagged.map(([type, t, confidence]) => {
    const start = text.indexOf(t, from);
    if (start < 0) throw new Error(`${t} not in ${text}`);
    from = start + t.length;
    return { type, text: t, start, end: start + t.length, confidence: confidence ?? 0.9 } as EntityMention;
  });
  return { text, mentions };
}

const shown = (result: EntityMention[][]) => result.map((ms) => ms.map((m) => `${m.type}:${m.text}`));

describe("reconcileEntities", () => {
  it("makes a mention that starts with a peer's title a person, but not an office", () => {
    const paragraphs = [para("Lord Goldsmith advised the Lord Chancellor on Monday.", [["ORG", "Lord Goldsmith", 0.6], ["ORG", "Lord Chancellor", 0.6]])];
    expect(shown(reconcileEntities(paragraphs))).toEqual([["PER:Lord Goldsmith", "ORG:Lord Chancellor"]]);
    expect(shown(reconcileEntities(paragraphs, { honorifics: false }))).toEqual([["ORG:Lord Goldsmith", "ORG:Lord Chancellor"]]);
  });

  it("joins a person's name the tagger split at a name particle", () => {
    const result = reconcileEntities([para("The chief Abu Bakr al-Baghdadi fled.", [["PER", "Abu Bakr"], ["LOC", "al-Baghdadi", 0.6]])]);
    expect(shown(result)).toEqual([["PER:Abu Bakr al-Baghdadi"]]);
  });

  it("takes a particle-joined surname into the person before it", () => {
    const result = reconcileEntities([para("The ISIS chief Abu Bakr al-Baghdadi had fled.", [["ORG", "ISIS"], ["PER", "Abu Bakr"]])]);
    expect(shown(result)).toEqual([["ORG:ISIS", "PER:Abu Bakr al-Baghdadi"]]);
  });

  it("types spellings that differ only in spaces and hyphens as one name", () => {
    const result = reconcileEntities([
      para("They took Al-Bukamal.", [["LOC", "Al-Bukamal", 0.9]]),
      para("Albu Kamal is liberated.", [["PER", "Albu Kamal", 0.4]]),
    ]);
    expect(shown(result)).toEqual([["LOC:Al-Bukamal"], ["LOC:Albu Kamal"]]);
  });

  it("lets the names of one alias group vote together for a type, at half weight", () => {
    const paragraphs = [
      para("ISIS fighters fled.", [["ORG", "ISIS", 0.8]]),
      para("ISIS lost the town.", [["ORG", "ISIS", 0.7]]),
      para("They will liberate Iraq's territories from Daesh.", [["LOC", "Iraq", 0.95], ["LOC", "Daesh", 0.55]]),
    ];
    const aliases = [["Daesh", "ISIL", "ISIS", "Islamic State"]];
    // Without the groups, Daesh is a name of its own and keeps the paragraph tagger's type.
    expect(shown(reconcileEntities(paragraphs))[2]).toEqual(["LOC:Iraq", "LOC:Daesh"]);
    expect(shown(reconcileEntities(paragraphs, { aliases }))).toEqual([["ORG:ISIS"], ["ORG:ISIS"], ["LOC:Iraq", "ORG:Daesh"]]);
  });

  it("completes a name of an alias group the tagger tagged a piece of, typed by its group's names in the article", () => {
    const aliases = [["Daesh", "ISIS", "Islamic State"]];
    const paragraphs = [
      para("ISIS fighters fled.", [["ORG", "ISIS", 0.8]]),
      para("Iraqi forces retook it from the Islamic State group.", [["MISC", "Iraqi", 0.9], ["MISC", "Islamic", 0.55]]),
      para("Islamic State retains control over some areas.", [["MISC", "Islamic", 0.71]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([["ORG:ISIS"], ["MISC:Iraqi", "MISC:Islamic"], ["MISC:Islamic"]]);
    expect(shown(reconcileEntities(paragraphs, { aliases }))).toEqual([["ORG:ISIS"], ["MISC:Iraqi", "ORG:Islamic State"], ["ORG:Islamic State"]]);
    // Nothing in the article votes for the group: the piece stays as tagged.
    const alone = [para("Islamic State retains control over some areas.", [["MISC", "Islamic", 0.71]])];
    expect(shown(reconcileEntities(alone, { aliases }))).toEqual([["MISC:Islamic"]]);
    // The same groups serve the next article (their index is built once per groups array), and a
    // piece that is not the name's first word is completed too.
    const next = [para("ISIS claimed the attack.", [["ORG", "ISIS", 0.8]]), para("Fighters of the Islamic State group fled.", [["LOC", "State", 0.5]])];
    expect(shown(reconcileEntities(next, { aliases }))).toEqual([["ORG:ISIS"], ["ORG:Islamic State"]]);
    expect(shown(reconcileEntities(paragraphs, { aliases }))).toEqual([["ORG:ISIS"], ["MISC:Iraqi", "ORG:Islamic State"], ["ORG:Islamic State"]]);
  });

  it("takes a model designation into the name after it, as a thing", () => {
    const result = reconcileEntities([para("Fuel from a US Air Force KC-10 Extender over Iraq.", [["ORG", "US Air Force", 0.8], ["ORG", "Extender", 0.56], ["LOC", "Iraq", 0.9]])]);
    expect(shown(result)).toEqual([["ORG:US Air Force", "MISC:KC-10 Extender", "LOC:Iraq"]]);
    // Not over a comma, and not a designation tagged as part of another name.
    const apart = reconcileEntities([para("They flew the KC-10, Extender said.", [["PER", "Extender", 0.6]])]);
    expect(shown(apart)).toEqual([["PER:Extender"]]);
  });

  it("types a name after an honorific a person, and the name alone elsewhere in the document with it", () => {
    const result = reconcileEntities([
      para("The advisers of Mr. Trump were not satisfied with the figure.", [["ORG", "Trump", 0.55]]),
      para("Mr. Trump laughed as the cabinet members gathered round.", [["ORG", "Trump", 0.6]]),
      para("Trump made the prospects of a deal more remote.", [["ORG", "Trump", 0.52]]),
      para("Mr. Xi met with Dr. Jane Smith in the city of Osaka on a rainy day.", [["LOC", "Osaka", 0.9]]),
    ]);
    expect(shown(result)).toEqual([["PER:Trump"], ["PER:Trump"], ["PER:Trump"], ["PER:Xi", "PER:Jane Smith", "LOC:Osaka"]]);
    // Not a role, and not "Miss" (Miss Universe).
    const roles = reconcileEntities([para("Thank you, Mr. President, said the delegate from Miss Universe.", [["ORG", "Miss Universe", 0.6]])]);
    expect(shown(roles)).toEqual([["ORG:Miss Universe"]]);
    // Self-training turns the rule off.
    const off = reconcileEntities([para("The advisers of Mr. Trump were not satisfied with the figure.", [["ORG", "Trump", 0.55]])], { honorifics: false });
    expect(shown(off)).toEqual([["ORG:Trump"]]);
  });

  it("leaves the honorific out of a name the tagger took it into, and drops an honorific alone", () => {
    const paragraphs = [para("Mr Greenspan said so, and Ms Tan agreed with Mr President and Ms.", [["PER", "Mr Greenspan"], ["ORG", "Ms Tan"], ["PER", "Mr President"], ["ORG", "Ms"]])];
    expect(shown(reconcileEntities(paragraphs))).toEqual([["PER:Greenspan", "PER:Tan", "PER:Mr President"]]);
    expect(shown(reconcileEntities(paragraphs, { honorifics: false }))).toEqual([["PER:Mr Greenspan", "ORG:Ms Tan", "PER:Mr President", "ORG:Ms"]]);
  });

  it("types a person before a role noun and another person as an organisation", () => {
    const result = reconcileEntities([
      para("Lib Dem leader Charles Kennedy said the tax was unfair.", [["PER", "Lib Dem", 0.66], ["PER", "Charles Kennedy"]]),
      para("BT chief executive Ben Verwaayen was upbeat.", [["PER", "BT", 0.6], ["PER", "Ben Verwaayen"]]),
    ]);
    expect(shown(result)).toEqual([["ORG:Lib Dem", "PER:Charles Kennedy"], ["ORG:BT", "PER:Ben Verwaayen"]]);
    // A person's aide is the person's; a comma is an apposition; an organisation stays one.
    const kept = reconcileEntities([
      para("Kennedy aide Ted Sorensen wrote the speech.", [["PER", "Kennedy"], ["PER", "Ted Sorensen"]]),
      para("Tony Blair, leader Charles Kennedy and others met.", [["PER", "Tony Blair"], ["PER", "Charles Kennedy"]]),
      para("Villa chairman Doug Ellis said no.", [["ORG", "Villa"], ["PER", "Doug Ellis"]]),
    ]);
    expect(shown(kept)).toEqual([["PER:Kennedy", "PER:Ted Sorensen"], ["PER:Tony Blair", "PER:Charles Kennedy"], ["ORG:Villa", "PER:Doug Ellis"]]);
  });

  it("makes a name with the capitalised words after it that end in an event's head word that event", () => {
    const paragraphs = [
      para("The film won at the Berlin Film Festival before the London Marathon.", [["LOC", "Berlin"], ["LOC", "London"]]),
      // A head word three words on, or across a sentence, is not taken.
      para("He left Berlin Film Critics Festival, and Paris. Open doors followed.", [["LOC", "Berlin"], ["LOC", "Paris"]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([["MISC:Berlin Film Festival", "MISC:London Marathon"], ["LOC:Berlin", "LOC:Paris"]]);
    expect(shown(reconcileEntities(paragraphs, { eventNames: false }))[0]).toEqual(["LOC:Berlin", "LOC:London"]);
  });

  it("makes a name, not MISC, with the capitalised words after it that end in an organisation's head noun that organisation", () => {
    const paragraphs = [
      para("Donors gave to the Clinton Foundation and the Sandy Hook Elementary School.", [["PER", "Clinton"], ["LOC", "Sandy Hook"]]),
      para("The German Foreign Ministry said so.", [["MISC", "German"]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([["ORG:Clinton Foundation", "ORG:Sandy Hook Elementary School"], ["MISC:German"]]);
    expect(shown(reconcileEntities(paragraphs, { organisationNames: false }))[0]).toEqual(["PER:Clinton", "LOC:Sandy Hook"]);
  });

  it("joins two organisations with and between them when only the second ends in a head noun", () => {
    const paragraphs = [
      para("A survey by the Pew Internet and American Life Project found it.", [["ORG", "Pew Internet"], ["ORG", "American Life Project"]]),
      para("The G7 Group and World Economic Forum met, as did the FBI and Justice Department.", [["ORG", "G7 Group"], ["ORG", "World Economic Forum"], ["ORG", "FBI"], ["ORG", "Justice Department"]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([
      ["ORG:Pew Internet and American Life Project"],
      ["ORG:G7 Group", "ORG:World Economic Forum", "ORG:FBI", "ORG:Justice Department"],
    ]);
    expect(shown(reconcileEntities(paragraphs, { organisationNames: false }))[0]).toEqual(["ORG:Pew Internet", "ORG:American Life Project"]);
  });

  it("types a show's name and its acronym MISC after the typer", () => {
    const paragraphs = [
      para("Sony showed it at the Consumer Electronics Show in Las Vegas.", [["ORG", "Sony"], ["ORG", "Consumer Electronics Show"], ["LOC", "Las Vegas"]]),
      para("CES opens on Thursday, and he was on The Jerry Springer Show.", [["ORG", "CES"], ["PER", "Jerry Springer Show"]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([
      ["ORG:Sony", "MISC:Consumer Electronics Show", "LOC:Las Vegas"],
      ["MISC:CES", "MISC:Jerry Springer Show"],
    ]);
    expect(shown(reconcileEntities(paragraphs, { eventNames: false }))[1]).toEqual(["ORG:CES", "PER:Jerry Springer Show"]);
  });

  it("types a name after a noun for a work MISC, and its other mentions in the article, after the typer", () => {
    const paragraphs = [
      para("Mike Leigh's film Vera Drake and the movie The Aviator lead the field.", [["PER", "Mike Leigh"], ["PER", "Vera Drake"], ["ORG", "The Aviator"]]),
      para("Vera Drake won in Venice. In Mr Peston's book Mr Brown is a hero, and Wales will play England.", [["PER", "Vera Drake"], ["LOC", "Venice"], ["PER", "Peston"], ["PER", "Mr Brown"], ["LOC", "Wales"], ["LOC", "England"]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([
      ["PER:Mike Leigh", "MISC:Vera Drake", "MISC:The Aviator"],
      ["MISC:Vera Drake", "LOC:Venice", "PER:Peston", "PER:Brown", "LOC:Wales", "LOC:England"],
    ]);
    expect(shown(reconcileEntities(paragraphs, { eventNames: false }))[0]).toEqual(["PER:Mike Leigh", "PER:Vera Drake", "ORG:The Aviator"]);
  });

  it("types the names of British parties as organisations after the typer, and joins one the tagger cut in two", () => {
    const paragraphs = [para("Tory plans were attacked by Labour, the Lib Dems and the Liberal Democrats of Wales.", [["PER", "Tory"], ["PER", "Labour"], ["MISC", "Lib Dems"], ["MISC", "Liberal Democrats"], ["LOC", "Wales"]])];
    expect(shown(reconcileEntities(paragraphs))).toEqual([["ORG:Tory", "ORG:Labour", "ORG:Lib Dems", "ORG:Liberal Democrats", "LOC:Wales"]]);
    expect(shown(reconcileEntities(paragraphs, { partyNames: false }))).toEqual([["PER:Tory", "PER:Labour", "MISC:Lib Dems", "MISC:Liberal Democrats", "LOC:Wales"]]);
    const cut = [para("Councillors from the Liberal Democrats voted against it.", [["ORG", "Liberal"], ["MISC", "Democrats"]])];
    expect(shown(reconcileEntities(cut))).toEqual([["ORG:Liberal Democrats"]]);
    expect(shown(reconcileEntities(cut, { partyNames: false }))).toEqual([["ORG:Liberal", "MISC:Democrats"]]);
  });

  it("drops the PAC of a super PAC, and keeps a named one", () => {
    const paragraphs = [para("Super PACs spent more than Our Principles PAC, a super PAC.", [["ORG", "PACs"], ["ORG", "Our Principles PAC"], ["PER", "PAC"]])];
    expect(shown(reconcileEntities(paragraphs))).toEqual([["ORG:Our Principles PAC"]]);
    expect(shown(reconcileEntities(paragraphs, { partyNames: false }))).toEqual([["ORG:PACs", "ORG:Our Principles PAC", "PER:PAC"]]);
  });

  it("joins two names with lower-case particles between them, and gives a person the particles before it", () => {
    const paragraphs = [
      para("Osama bin Laden met Luiz Inacio Lula da Silva at the Stade de France.", [["PER", "Osama"], ["MISC", "Laden"], ["PER", "Luiz Inacio Lula"], ["PER", "Silva"], ["LOC", "Stade"], ["LOC", "France"]]),
      para("It tells of the von Trapp family, dos Santos says. Ruud van Nistelrooy agreed.", [["PER", "Trapp"], ["PER", "Santos"], ["MISC", "Ruud"], ["PER", "Nistelrooy"]]),
      para("Trade with France de facto stopped; Paris and Rome did not.", [["LOC", "France"], ["LOC", "Paris"], ["LOC", "Rome"]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([
      ["PER:Osama bin Laden", "PER:Luiz Inacio Lula da Silva", "LOC:Stade de France"],
      ["PER:von Trapp", "PER:dos Santos", "PER:Ruud van Nistelrooy"],
      ["LOC:France", "LOC:Paris", "LOC:Rome"],
    ]);
    expect(shown(reconcileEntities(paragraphs, { particleNames: false }))[1]).toEqual(["PER:Trapp", "PER:Santos", "MISC:Ruud", "PER:Nistelrooy"]);
  });

  it("keeps a headline's name with a particle that the body writes in lower case", () => {
    const paragraphs = [para("Cole Refuses to Blame van Persie", [["PER", "Cole"], ["PER", "Persie"]]), para("Cole said van Persie was not to blame.", [["PER", "Cole"], ["PER", "Persie"]])];
    expect(shown(reconcileEntities(paragraphs, { title: "Cole Refuses to Blame van Persie" }))).toEqual([
      ["PER:Cole", "PER:van Persie"],
      ["PER:Cole", "PER:van Persie"],
    ]);
  });

  it("makes a title in quotation marks that the tagger cut into names one MISC name, but not names joined only by and", () => {
    const paragraphs = [
      para("She starred in \u201cOrange is the New Black\u201d and the former \u201c Dawson\u2019s Creek \u201d star left.", [["ORG", "Orange"], ["MISC", "New Black"], ["PER", "Dawson"], ["LOC", "Creek"]]),
      para('Crowds chanted "Trump and Clinton" and "Make America Great Again" at him.', [["ORG", "Trump"], ["PER", "Clinton"], ["LOC", "America"]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([
      ["MISC:Orange is the New Black", "MISC:Dawson\u2019s Creek"],
      ["ORG:Trump", "PER:Clinton", "LOC:America"],
    ]);
    expect(shown(reconcileEntities(paragraphs, { eventNames: false }))[0]).toEqual(["ORG:Orange", "MISC:New Black", "PER:Dawson", "LOC:Creek"]);
  });

  it("joins two organisations one space apart, but not two MISC names nor across a comma or sentence", () => {
    const paragraphs = [
      para("He told NBC News that Qaeda-linked Islamic fighters had left.", [["ORG", "NBC"], ["ORG", "News"], ["MISC", "Qaeda-linked"], ["MISC", "Islamic"]]),
      para("It hurt Apple, Google and the Senate. News came later.", [["ORG", "Apple"], ["ORG", "Google"], ["ORG", "Senate"], ["ORG", "News"]]),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([
      ["ORG:NBC News", "MISC:Qaeda-linked", "MISC:Islamic"],
      ["ORG:Apple", "ORG:Google", "ORG:Senate", "ORG:News"],
    ]);
    expect(shown(reconcileEntities(paragraphs, { organisationNames: false }))[0]).toEqual(["ORG:NBC", "ORG:News", "MISC:Qaeda-linked", "MISC:Islamic"]);
  });

  it("joins an organisation's head noun with the name the tagger cut off after of, for or on", () => {
    const cut = [
      para("The Commission for Racial Equality wrote to the House Select Committee on Benghazi.", [["ORG", "Commission"], ["ORG", "Racial Equality"], ["ORG", "House Select Committee"], ["LOC", "Benghazi"]]),
      para("He called the U.S. Attorney's Office for the Western District of New York.", [["ORG", "U.S. Attorney's Office"], ["LOC", "Western District"], ["LOC", "New York"]]),
    ];
    expect(shown(reconcileEntities(cut))).toEqual([["ORG:Commission for Racial Equality", "ORG:House Select Committee on Benghazi"], ["ORG:U.S. Attorney's Office for the Western District of New York"]]);
    expect(shown(reconcileEntities(cut, { organisationNames: false }))).toEqual([
      ["ORG:Commission", "ORG:Racial Equality", "ORG:House Select Committee", "LOC:Benghazi"],
      ["ORG:U.S. Attorney's Office", "LOC:Western District", "LOC:New York"],
    ]);
    // No head noun, a university "on" a place, a court "for" a circuit, a person after "of", a sentence between: two names.
    const kept = reconcileEntities([
      para("Fans of Chelsea for Europe met Hofstra University on Long Island.", [["ORG", "Chelsea"], ["LOC", "Europe"], ["ORG", "Hofstra University"], ["LOC", "Long Island"]]),
      para("The U.S. Court of Appeals for the Ninth Circuit heard the Party of Jane Doe.", [["ORG", "U.S. Court of Appeals"], ["ORG", "Ninth Circuit"], ["ORG", "Party"], ["PER", "Jane Doe"]]),
    ]);
    expect(shown(kept)).toEqual([
      ["ORG:Chelsea", "LOC:Europe", "ORG:Hofstra University", "LOC:Long Island"],
      ["ORG:U.S. Court of Appeals", "ORG:Ninth Circuit", "ORG:Party", "PER:Jane Doe"],
    ]);
  });

  it("types an organisation or MISC name ending in Street, Square or Bridge a place", () => {
    const result = reconcileEntities([
      para("Downing Street said the talks went well.", [["ORG", "Downing Street", 0.8]]),
      para("Crowds gathered in Tiananmen Square and at Wayne Bridge's house.", [["MISC", "Tiananmen Square"], ["PER", "Wayne Bridge"]]),
      para("He watched A Nightmare On Elm Street again.", [["MISC", "Nightmare On Elm Street"]]),
    ]);
    expect(shown(result)).toEqual([["LOC:Downing Street"], ["LOC:Tiananmen Square", "PER:Wayne Bridge"], ["MISC:Nightmare On Elm Street"]]);
    const off = reconcileEntities([para("Downing Street said the talks went well.", [["ORG", "Downing Street", 0.8]])], { streetNames: false });
    expect(shown(off)).toEqual([["ORG:Downing Street"]]);
  });

  it("types a person or organisation name that a lower-case airport, hospital, prison or stadium ends a place", () => {
    const result = reconcileEntities([
      para("The president made a trip to Walter Reed hospital on Saturday.", [["PER", "Walter Reed", 0.8]]),
      para("Flights left Kennedy airport, and the team played at the Paseo de Anoeta stadium in San Sebastian.", [["PER", "Kennedy"], ["ORG", "Paseo de Anoeta"], ["LOC", "San Sebastian"]]),
      // The noun modifies another one: the name is the event's or the club's.
      para("Rubio held a Rubio stadium event, and Palace stadium manager Kevin Corner spoke.", [["PER", "Rubio"], ["PER", "Rubio"], ["ORG", "Palace"], ["PER", "Kevin Corner"]]),
    ]);
    expect(shown(result)).toEqual([["LOC:Walter Reed"], ["LOC:Kennedy", "LOC:Paseo de Anoeta", "LOC:San Sebastian"], ["PER:Rubio", "PER:Rubio", "ORG:Palace", "PER:Kevin Corner"]]);
    const off = reconcileEntities([para("The president made a trip to Walter Reed hospital on Saturday.", [["PER", "Walter Reed", 0.8]])], { facilities: false });
    expect(shown(off)).toEqual([["PER:Walter Reed"]]);
  });

  it("tags the capitalised name after a designation that the tagger left untagged", () => {
    // (A sentence mostly of capitals alone would count as a headline.)
    const caption = "Fuel came from a US Air Force KC-10 Extender flying over northern Iraq on the day.";
    const untagged = reconcileEntities([para(caption, [["ORG", "US Air Force", 0.8], ["LOC", "Iraq", 0.9]])]);
    expect(shown(untagged)).toEqual([["ORG:US Air Force", "MISC:KC-10 Extender", "LOC:Iraq"]]);
    const designationOnly = reconcileEntities([para("The pilots flew the F-16 Fighting Falcon back to the base.", [["MISC", "F-16", 0.7]])]);
    expect(shown(designationOnly)).toEqual([["MISC:F-16 Fighting Falcon"]]);
    // Not a word the document writes in lower case, the next sentence, or in a headline.
    const lower = reconcileEntities([para("The KC-10 Tanker flew. The tanker landed.", []), para("Crews flew the KC-10. Pilots said it was calm.", [])]);
    expect(shown(lower)).toEqual([[], []]);
    const headline = reconcileEntities([para("KC-10 Extender Lands", []), para("The tanker landed.", [])], { title: "KC-10 Extender Lands" });
    expect(shown(headline)).toEqual([[], []]);
  });

  it("keeps a confident mention's type against its aliases, and weighs them at half", () => {
    const aliases = [["Burma", "Myanmar"]];
    // 0.5 * 0.9 = 0.45 against Burma's own 0.6: the alias does not outvote the name.
    const weak = reconcileEntities([para("Myanmar voted.", [["LOC", "Myanmar", 0.9]]), para("Burma signed.", [["ORG", "Burma", 0.6]])], { aliases });
    expect(shown(weak)).toEqual([["LOC:Myanmar"], ["ORG:Burma"]]);
    const confident = reconcileEntities(
      [para("Myanmar voted.", [["LOC", "Myanmar", 0.7]]), para("Myanmar signed.", [["LOC", "Myanmar", 0.7]]), para("Burma signed.", [["ORG", "Burma", 0.8]])],
      { aliases },
    );
    expect(shown(confident)).toEqual([["LOC:Myanmar"], ["LOC:Myanmar"], ["ORG:Burma"]]);
  });

  it("lets another spelling override a name's own type only with over twice its confidence", () => {
    const result = reconcileEntities([
      para("Albu Kamal is liberated.", [["PER", "Albu Kamal", 0.606]]),
      para("The battle for Al-Bukamal began.", [["LOC", "Al-Bukamal", 0.543]]),
    ]);
    expect(shown(result)).toEqual([["PER:Albu Kamal"], ["LOC:Al-Bukamal"]]);
  });

  it("counts spellings that differ only in case in full", () => {
    const result = reconcileEntities([
      para("Shares fell in MILAN on Monday.", [["ORG", "MILAN", 0.6]]),
      para("Milan rose. Later Milan fell.", [["LOC", "Milan", 0.5], ["LOC", "Milan", 0.5]]),
    ]);
    expect(shown(result)).toEqual([["LOC:MILAN"], ["LOC:Milan", "LOC:Milan"]]);
  });

  it("types a name written before a lower-case organisation noun as an organisation", () => {
    const result = reconcileEntities([
      para("Islamic State retains control.", [["LOC", "Islamic State", 0.527]]),
      para("They retook it from the Islamic State group.", [["MISC", "Islamic", 0.6]]),
    ]);
    expect(shown(result)).toEqual([["ORG:Islamic State"], ["ORG:Islamic State"]]);
  });

  it("leaves a one-word name before an organisation noun to the tagger", () => {
    const result = reconcileEntities([para("A Kurdish group said so.", [["MISC", "Kurdish", 0.6]])]);
    expect(shown(result)).toEqual([["MISC:Kurdish"]]);
  });

  it("gives one name one type across the document, by the confidence behind each type", () => {
    const result = reconcileEntities([
      para("Hezbollah is fighting.", [["LOC", "Hezbollah", 0.6]]),
      para("Hezbollah said so, and Hezbollah fighters came.", [["ORG", "Hezbollah", 0.9], ["ORG", "Hezbollah", 0.8]]),
    ]);
    expect(shown(result)).toEqual([["ORG:Hezbollah"], ["ORG:Hezbollah", "ORG:Hezbollah"]]);
  });

  it("lets a confident mention keep its own type against the document's vote", () => {
    const result = reconcileEntities([
      para("NEW YORK 1996-08-30", [["LOC", "NEW YORK", 0.95]]),
      para("NEW YORK 63 71", [["ORG", "NEW YORK", 0.7]]),
      para("NEW YORK 60 70", [["ORG", "NEW YORK", 0.7]]),
    ]);
    expect(shown(result)).toEqual([["LOC:NEW YORK"], ["ORG:NEW YORK"], ["ORG:NEW YORK"]]);
  });

  it("puts a longer name over the pieces of it tagged in another paragraph", () => {
    const result = reconcileEntities([
      para("According to USA Today, it left.", [["LOC", "USA"]]),
      para("A USA Today reporter saw it.", [["ORG", "USA Today"]]),
    ]);
    expect(shown(result)).toEqual([["ORG:USA Today"], ["ORG:USA Today"]]);
  });

  it("tags a name the tagger missed where the document tags it elsewhere", () => {
    const result = reconcileEntities([para("Deir Ezzor fell.", [["LOC", "Deir Ezzor"]]), para("They left Deir Ezzor.", [])]);
    expect(shown(result)).toEqual([["LOC:Deir Ezzor"], ["LOC:Deir Ezzor"]]);
  });

  it("does not add a one-word name the document also writes in lower case", () => {
    const result = reconcileEntities([para("Mr Bush met them.", [["PER", "Bush"]]), para("A bush burned and Bush left.", [])]);
    expect(shown(result)).toEqual([["PER:Bush"], []]);
  });

  it("types an acronym the document defines after a name as that name, wherever it is written", () => {
    // "WHO" reads as the pronoun to every lower-cased feature of the tagger, which leaves it untagged.
    const paragraphs = [
      para("The World Health Organization (WHO) declared a pandemic.", [["ORG", "World Health Organization"]]),
      para("The WHO said cases were rising, and officials who spoke agreed.", []),
    ];
    expect(shown(reconcileEntities(paragraphs))).toEqual([["ORG:World Health Organization", "ORG:WHO"], ["ORG:WHO"]]);
    expect(shown(reconcileEntities(paragraphs, { acronyms: false }))).toEqual([["ORG:World Health Organization"], []]);
  });

  it("takes no acronym from a bracket that does not spell the name, nor from a person's name", () => {
    const result = reconcileEntities([
      para("The Workers Party (US) met, as did Amy Noel (AN).", [["ORG", "Workers Party"], ["PER", "Amy Noel"]]),
      para("They told us of AN and US plans, an old story.", []),
    ]);
    expect(shown(result)).toEqual([["ORG:Workers Party", "PER:Amy Noel"], []]);
  });

  it("leaves to the tagger a defined acronym that is no word the document writes in lower case", () => {
    const result = reconcileEntities([
      para("The European Parliament (EP) voted.", [["ORG", "European Parliament"]]),
      para("The EP said so.", [["MISC", "EP", 0.6]]),
    ]);
    // The tagger's own type stands (and its form goes where the tagger missed it, as any name's).
    expect(shown(result)).toEqual([["ORG:European Parliament", "MISC:EP"], ["MISC:EP"]]);
  });

  it("gives a surname alone the type of the full name it ends", () => {
    const result = reconcileEntities([para("Mark Croft spoke.", [["PER", "Mark Croft"]]), para("Croft said no.", [["ORG", "Croft", 0.6]])]);
    expect(shown(result)).toEqual([["PER:Mark Croft"], ["PER:Croft"]]);
  });

  it("gives a first word alone the type of the organisation it starts", () => {
    const result = reconcileEntities([
      para("Mercantile Bancorp Inc. grew.", [["ORG", "Mercantile Bancorp Inc."]]),
      para("Mercantile said so.", [["PER", "Mercantile", 0.6]]),
    ]);
    expect(shown(result)).toEqual([["ORG:Mercantile Bancorp Inc."], ["ORG:Mercantile"]]);
  });

  it("leaves a place alone that starts an organisation's name", () => {
    const result = reconcileEntities([
      para("A US Air Force tanker flew.", [["ORG", "US Air Force"]]),
      para("It hit US -backed forces.", [["LOC", "US", 0.7]]),
    ]);
    expect(shown(result)).toEqual([["ORG:US Air Force"], ["LOC:US"]]);
  });

  it("types a person with a digit in its name as a thing", () => {
    const result = reconcileEntities([para("Fuel from a KC-10 Extender during refueling.", [["PER", "KC-10 Extender", 0.6]])]);
    expect(shown(result)).toEqual([["MISC:KC-10 Extender"]]);
  });

  it("drops headline words that the body writes in lower case, keeps names the body tags", () => {
    const result = reconcileEntities(
      [
        para("Drone Shows Islamic State Fighters Flee Al-Qaim City", [["ORG", "Drone Shows"], ["ORG", "Islamic State"], ["PER", "Fighters Flee"], ["LOC", "Al-Qaim"]]),
        para("A drone shows fighters of Islamic State flee from Al-Qaim.", [["ORG", "Islamic State"], ["LOC", "Al-Qaim"]]),
      ],
      { title: "Drone Shows Islamic State Fighters Flee Al-Qaim City" },
    );
    expect(shown(result)[0]).toEqual(["ORG:Islamic State", "LOC:Al-Qaim"]);
  });

  it("leaves values and offsets alone and keeps offsets into each paragraph", () => {
    const p = para("On Friday, Syria said so.", [["DATE", "Friday"], ["LOC", "Syria"]]);
    const [ms] = reconcileEntities([p]);
    expect(ms).toEqual(p.mentions);
  });
});
