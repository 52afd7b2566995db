// Mention replacement (Dai & Adel 2020): training documents seen once more with their person,
// organisation and place names swapped for names of the same type from the name lists, so the
// tagger cannot lean on having memorised 1996's names and must read the context, the word's shape
// and clusters and the lists, which is all it has for the names of this decade.
import { GAZ_SOURCES, type GazSource } from "@newsflow/nlp/train";
import { type ConllDocument, spansFromTags } from "./conll.js";
import type { ListedName } from "./gazetteer-sources.js";

/** Replacement names by type: whole names for ORG and LOC, name parts for PER. */
export interface ReplacementPools {
  ORG: string[][];
  LOC: string[][];
  firstNames: string[];
  lastNames: string[];
}

const JOINERS = new Set(["of", "the", "and", "de", "du", "la", "upon", "on", "for", "&"]);
// Wikipedia's place and organisation lists hold article titles about a place as well as places.
const TOPIC_WORDS = new Set([
  "Economy", "History", "Politics", "Geography", "Demographics", "Transport", "Transportation", "Culture",
  "Communications", "Military", "Foreign", "List", "Flag", "Coat", "Music", "Education", "Religion",
  "Sport", "Sports", "Tourism", "Government", "Telecommunications", "Outline", "Index",
]);

/** A list name that reads as a name: 1-4 tokens, capitalised but for joining words, no topic title. */
function nameLike(tokens: readonly string[]): boolean {
  if (tokens.length === 0 || tokens.length > 4 || TOPIC_WORDS.has(tokens[0]!)) return false;
  if (!/^\p{Lu}/u.test(tokens[0]!) || !/^\p{Lu}/u.test(tokens[tokens.length - 1]!)) return false;
  return tokens.every((t) => /^\p{Lu}[\p{L}.'&-]*$/u.test(t) || JOINERS.has(t));
}

/** The pools from the name lists (not the training set's own names, nor self-trained ones). */
export function replacementPools(listed: readonly ListedName[]): ReplacementPools {
  const of = (...sources: GazSource[]) => new Set(sources.map((s) => GAZ_SOURCES.indexOf(s)));
  const org = of("wikiORG", "corporation", "agency");
  const loc = of("wikiLOC", "place");
  const first = GAZ_SOURCES.indexOf("firstName");
  const last = GAZ_SOURCES.indexOf("lastName");
  const pools: ReplacementPools = { ORG: [], LOC: [], firstNames: [], lastNames: [] };
  for (const n of listed) {
    if (org.has(n.source) && nameLike(n.tokens)) pools.ORG.push(n.tokens);
    else if (loc.has(n.source) && nameLike(n.tokens)) pools.LOC.push(n.tokens);
    else if (n.tokens.length === 1 && /^\p{Lu}\p{Ll}{2,}$/u.test(n.tokens[0]!)) {
      if (n.source === first) pools.firstNames.push(n.tokens[0]!);
      else if (n.source === last) pools.lastNames.push(n.tokens[0]!);
    }
  }
  return pools;
}

const pickFrom = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

/**
 * A copy of `doc` in which each distinct PER, ORG and LOC name is replaced, with probability
 * `share`, by a name of the same type, the same way everywhere in the document (a person's
 * surname alone too: "Bill Clinton" ... "Clinton" -> "Anya Kowalczyk" ... "Kowalczyk"), in capitals
 * where the original is. MISC and everything else stay. Tags come out as IOB2.
 */
export function replaceMentions(doc: ConllDocument, pools: ReplacementPools, random: () => number, share: number): ConllDocument {
  const chosen = new Map<string, string[] | null>();
  const decide = (key: string, make: () => string[], p = share): string[] | null => {
    if (!chosen.has(key)) chosen.set(key, random() < p ? make() : null);
    return chosen.get(key)!;
  };
  return {
    sentences: doc.sentences.map((s) => {
      const tokens: string[] = [];
      const tags: string[] = [];
      let at = 0;
      const keep = (end: number, tag: (i: number) => string) => {
        for (let i = at; i < end; i++) {
          tokens.push(s.tokens[i]!);
          tags.push(tag(i));
        }
        at = end;
      };
      for (const span of spansFromTags(s.tags)) {
        keep(span.start, () => "O");
        const name = s.tokens.slice(span.start, span.end);
        const letters = name.join("");
        const caps = letters.length > 1 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
        let replacement: string[] | null = null;
        if (span.type === "PER" && pools.firstNames.length > 0 && pools.lastNames.length > 0) {
          // The surname decides, so "Clinton" alone follows "Bill Clinton"; given names follow it.
          const last = decide(`PER|${name[name.length - 1]!.toLowerCase()}`, () => [pickFrom(pools.lastNames, random)]);
          if (last !== null) {
            const given = name.slice(0, -1).map((t) => decide(`PER-given|${t.toLowerCase()}`, () => [pickFrom(pools.firstNames, random)], 1)!);
            replacement = [...given.flat(), ...last];
          }
        } else if ((span.type === "ORG" || span.type === "LOC") && pools[span.type].length > 0) {
          replacement = decide(`${span.type}|${name.join(" ").toLowerCase()}`, () => pickFrom(pools[span.type as "ORG" | "LOC"], random));
        }
        if (replacement === null) {
          keep(span.end, (i) => `${i === span.start ? "B" : "I"}-${span.type}`);
          continue;
        }
        replacement.forEach((t, i) => {
          tokens.push(caps ? t.toUpperCase() : t);
          tags.push(`${i === 0 ? "B" : "I"}-${span.type}`);
        });
        at = span.end;
      }
      keep(s.tokens.length, () => "O");
      return { tokens, tags };
    }),
  };
}
