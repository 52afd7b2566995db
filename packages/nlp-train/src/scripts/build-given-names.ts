#!/usr/bin/env node
// Writes packages/nlp/models/given-names.json.gz, the given names the document step tells "she"
// from "he" by (`resolveQuotes`): the names of ner/gazetteers/names.female and names.male, title
// case, each name in one list only (a name in both, "Abbey", "Jordan", is left out). Deterministic.
//   pnpm --filter @newsflow/nlp-train train:names [--out PATH]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { GIVEN_NAMES_FORMAT, GIVEN_NAMES_VERSION, type GivenNamesJson } from "@newsflow/nlp";
import { MODELS_DIR, SHIPPED_GIVEN_NAMES } from "@newsflow/nlp/node";
import { requireSharedData } from "../shared-data.js";

const { values } = parseArgs({ options: { out: { type: "string", default: fileURLToPath(new URL(SHIPPED_GIVEN_NAMES, MODELS_DIR)) } } });

const titleCase = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
const names = (file: string) =>
  new Set(
    readFileSync(requireSharedData("ner", "gazetteers", file), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => /^\p{L}[\p{L}'-]*$/u.test(l))
      .map(titleCase),
  );
const female = names("names.female");
const male = names("names.male");
const only = (a: Set<string>, b: Set<string>) => [...a].filter((n) => !b.has(n)).sort();
const json: GivenNamesJson = { format: GIVEN_NAMES_FORMAT, version: GIVEN_NAMES_VERSION, female: only(female, male), male: only(male, female) };
writeFileSync(values.out, gzipSync(JSON.stringify(json), { level: 9 }));
process.stderr.write(`train:names: ${json.female.length} women's and ${json.male.length} men's given names (${female.size + male.size - json.female.length - json.male.length} in both left out) written to ${values.out}\n`);
