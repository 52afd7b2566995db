import type { CanonicalEntity } from "@newsflow/contracts";
import { describe, expect, it } from "vitest";
import { genderOf, givenNamesFromJson } from "./given-names.js";

const names = givenNamesFromJson({ format: "newsflow-given-names", version: 1, female: ["Hillary", "Tory"], male: ["Donald", "Liam"] });
const person = (name: string, aliases: string[] = []): CanonicalEntity => ({ id: `PER:${name}`, name, type: "PER", aliases, mentions: [] });

describe("genderOf", () => {
  it("reads an honorific, or the given names before the last word", () => {
    expect(genderOf(person("Mr Blunkett"), names)).toBe("male");
    expect(genderOf(person("Blunkett", ["Mrs Blunkett"]), names)).toBe("female");
    expect(genderOf(person("Hillary Clinton"), names)).toBe("female");
    expect(genderOf(person("Donald J. Trump"), names)).toBe("male");
  });

  it("tells nothing from a surname alone, a title, or given names that disagree", () => {
    // "Hillary" alone could be a surname; "Gen" is no given name; the tagger kept "Tory" before "Liam Fox".
    expect(genderOf(person("Hillary"), names)).toBeUndefined();
    expect(genderOf(person("Gen Musharraf"), givenNamesFromJson({ format: "newsflow-given-names", version: 1, female: ["Gen"], male: [] }))).toBeUndefined();
    expect(genderOf(person("Tory Liam Fox"), names)).toBeUndefined();
    expect(genderOf(person("Hillary Clinton", ["Mr Clinton"]), names)).toBeUndefined();
    expect(genderOf(person("Hillary Clinton"), undefined)).toBeUndefined();
  });
});
