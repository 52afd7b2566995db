import type { CanonicalEntity } from "@newsflow/contracts";

/** The format and version of models/given-names.json.gz (`build-given-names.js` in nlp-train writes it). */
export const GIVEN_NAMES_FORMAT = "newsflow-given-names";
export const GIVEN_NAMES_VERSION = 1;

export interface GivenNamesJson {
  format: typeof GIVEN_NAMES_FORMAT;
  version: number;
  /** Given names of women and of men, each in one list only (names of both are left out). */
  female: string[];
  male: string[];
}

export type Gender = "female" | "male";

/** Given names and whom they name, for telling "she" from "he". */
export type GivenNames = ReadonlyMap<string, Gender>;

export function givenNamesFromJson(json: GivenNamesJson): GivenNames {
  const out = new Map<string, Gender>();
  for (const name of json.female) out.set(name, "female");
  for (const name of json.male) out.set(name, "male");
  return out;
}

const HONORIFICS: ReadonlyMap<string, Gender> = new Map([
  ["mr", "male"], ["sir", "male"], ["lord", "male"], ["mrs", "female"], ["ms", "female"], ["miss", "female"], ["lady", "female"], ["dame", "female"], ["baroness", "female"],
]);

/** Titles written before a name that the name lists would read as given names ("Gen Musharraf": "Gen" is a woman's name there). */
const TITLES = new Set(["gen", "col", "capt", "sgt", "lt", "maj", "adm", "dr", "prof", "rev", "sen", "rep", "gov", "pres", "judge", "president", "senator", "general"]);

/**
 * Whom a person entity's names tell it is: an honorific ("Mr Blunkett", "Mrs Quinn", "Sir Menzies
 * Campbell") or the given names before the last word, when those the lists know name women only or
 * men only ("Margaret Thatcher", "Donald Trump"; "Hillary" is in both lists), in its name or
 * aliases, or an honorific among `before`, the words written right before its mentions (the
 * document step leaves "Mr" out of "Mr Blunkett"); undefined when they tell nothing or disagree
 * ("Tory Liam Fox", where the tagger kept the party: "Tory" is a woman's name in the lists, "Liam"
 * a man's).
 */
export function genderOf(entity: CanonicalEntity, names: GivenNames | undefined, before: readonly string[] = []): Gender | undefined {
  const found = new Set<Gender>();
  for (const word of before) {
    const honorific = HONORIFICS.get(word.toLowerCase());
    if (honorific) found.add(honorific);
  }
  for (const name of [entity.name, ...entity.aliases]) {
    const words = name.split(/[\s.]+/).filter(Boolean);
    const honorific = HONORIFICS.get(words[0]?.toLowerCase() ?? "");
    if (honorific) found.add(honorific);
    else {
      for (const word of words.slice(0, -1)) {
        const given = TITLES.has(word.toLowerCase()) ? undefined : names?.get(word);
        if (given) found.add(given);
      }
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
