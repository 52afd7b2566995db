import type { EntityMention } from "@newsflow/contracts";
import { normalizeText, splitParagraphs } from "@newsflow/nlp";
import { createEntityTagger, ENTITY_TYPES, GAZ_SOURCES, type NerModel, reconcileEntities, tokenize } from "@newsflow/nlp/train";
import type { ListedName } from "./gazetteer-sources.js";

/** Thresholds for keeping a name the tagger found in unlabeled text. */
export interface AutoNameOptions {
  /** Mentions of the name across the texts (default 3). */
  minCount?: number;
  /** Share of them with the name's majority type (default 0.8). */
  minShare?: number;
  /** Mean confidence of those mentions (default 0.75). */
  minConfidence?: number;
  /** Also list the aliases the texts give a listed name, under the name's type (default true). */
  aliases?: boolean;
  log?: (message: string) => void;
}

// A capitalised name of one to five words as aliases are written: "Daesh", "Hizmet", "Islamic State".
const WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}]*(?:[-'\u2019&][\p{L}\p{M}\p{N}]+)*`;
const NAME = `${WORD}(?: ${WORD}){0,4}`;
// ", also known as " or " (also known as ".
const KNOWN_AS = String.raw`(?:,| \() *(?:also |better |formerly |commonly |sometimes )?(?:known|referred to) as `;
// After a mention: ", also known as A, B and C" or " (also known as A or B)".
const KNOWN_AS_RE = new RegExp(String.raw`^${KNOWN_AS}(${NAME}(?:, ${NAME})*(?:,? (?:and|or) ${NAME})?)(?![\p{L}\p{N}])`, "u");
// After a mention: " (AB)", an acronym in brackets ("Kurdistan Workers' Party (PKK)").
const BRACKET_RE = /^ \((\p{Lu}[\p{Lu}\p{N}&]+)\)/u;
// Before a mention followed by a comma: "A, or X," ("Burma, or Myanmar,"), not a list's last items.
const OR_BEFORE_RE = new RegExp(String.raw`(?<!, *)(?<![\p{L}\p{N}])(${NAME}), or $`, "u");
const NAME_SPLIT_RE = /,? (?:and|or) |, /u;
// The capitalised name a ", also known as" follows, read from the text whatever the tagger made of it.
const NAME_BEFORE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}'\u2019-])(${NAME})$`, "u");
const KNOWN_AS_AT_RE = new RegExp(KNOWN_AS, "gu");

/** Another name of a tagged mention that the text spells out: ", also known as A", " (A)", "A, or X,". */
export interface Alias {
  /** The mention's text. */
  name: string;
  alias: string;
}

/**
 * The aliases a paragraph gives its tagged mentions: "the Islamic State, also known as ISIS, ISIL
 * and Daesh" gives Islamic State three, "Islamic State (IS)" one (an acronym in brackets),
 * "Burma, or Myanmar," one. Mentions written in capitals only are left out (datelines: "WASHINGTON (AP)").
 *
 * @example findAliases("Myanmar, also known as Burma, voted.", [myanmarMention]) // [{ name: "Myanmar", alias: "Burma" }]
 */
export function findAliases(text: string, mentions: readonly Pick<EntityMention, "start" | "end" | "text" | "type">[]): Alias[] {
  const out: Alias[] = [];
  for (const m of mentions) {
    if (!/\p{Ll}/u.test(m.text)) continue;
    const after = text.slice(m.end);
    const known = KNOWN_AS_RE.exec(after);
    if (known) for (const alias of known[1]!.split(NAME_SPLIT_RE)) out.push({ name: m.text, alias });
    // An acronym in brackets names the mention when it starts with one of its words' initials and
    // the mention is no person ("Senator Smith (D-MA)", "Paris (AFP)" are not aliases).
    const bracket = BRACKET_RE.exec(after);
    const initials = new Set(m.text.split(/[\s-]+/).map((w) => w.charAt(0).toUpperCase()));
    if (bracket && m.type !== "PER" && initials.has(bracket[1]!.charAt(0))) out.push({ name: m.text, alias: bracket[1]! });
    if (after.startsWith(",")) {
      const before = OR_BEFORE_RE.exec(text.slice(Math.max(0, m.start - 80), m.start));
      if (before) out.push({ name: m.text, alias: before[1]! });
    }
  }
  return out.filter((a) => a.alias !== a.name);
}

/**
 * The capitalised names that ", also known as" follows in a paragraph, as mentions for findAliases,
 * so that an alias group does not depend on how a model tagged the name there. A sentence's
 * leading "The" is not part of the name.
 *
 * @example namesBeforeKnownAs("the Islamic State, also known as ISIS") // [{ text: "Islamic State", start: 4, end: 17, ... }]
 */
export function namesBeforeKnownAs(text: string): Pick<EntityMention, "start" | "end" | "text" | "type">[] {
  const out: Pick<EntityMention, "start" | "end" | "text" | "type">[] = [];
  for (const at of text.matchAll(KNOWN_AS_AT_RE)) {
    const before = NAME_BEFORE_RE.exec(text.slice(Math.max(0, at.index - 80), at.index));
    if (!before) continue;
    let name = before[1]!;
    if (/^The \p{Lu}/u.test(name)) name = name.slice(4);
    out.push({ start: at.index - name.length, end: at.index, text: name, type: "MISC" });
  }
  return out;
}

/** What self-training finds: the names to list, and the alias groups the model file carries (see mergeAliasGroups). */
export interface AutoNames {
  names: ListedName[];
  aliasGroups: string[][];
}

/**
 * Self-training for the gazetteer: tags unlabeled articles the way production does (paragraph by
 * paragraph, then reconciled per article) and lists the names found often, typed consistently and
 * confidently, as sources autoPER..autoMISC. Names of this decade that no list has (a group, a
 * town in the news) become features for the next model, which still weighs them like any list.
 * An alias the texts give a listed name (see findAliases) joins the name's list even when seen
 * once: the pattern itself is the evidence ("the Islamic State, also known as ISIS, ISIL and
 * Daesh" puts Daesh with the organisations).
 */
export function findAutoNames(model: NerModel, articles: readonly string[], options: AutoNameOptions = {}): AutoNames {
  // The output rules that came after the shipped model stay out too (the MISC-or-organisation rule,
  // "-based" places, person names, named days, "i" products), so that it retrains byte for byte (see below).
  const tagger = createEntityTagger(model, { values: false, miscOrganisations: false, placeBased: false, personNames: false, namedDays: false, iProducts: false });
  // Per name: its mentions by type, and the confidence behind each type.
  const stats = new Map<string, { votes: number[]; weights: number[]; confidence: number }>();
  // Names written as one thing at one place: a mention and the aliases the text gives it there.
  const groups: string[][] = [];
  for (const article of articles) {
    const { paragraphs } = splitParagraphs(normalizeText(article));
    const tagged = paragraphs.map((p) => ({ text: p.text, mentions: tagger.tag(p.text).mentions }));
    // The honorific rule stays out of the mined lists (packages/nlp/README.md: in them it moved no
    // figure beyond a seed's spread and retyped the place-or-organisation tests' borderline names),
    // and so do the later role-holder, street-name and defined-acronym rules, so that the shipped model retrains byte for byte.
    for (const [k, mentions] of reconcileEntities(tagged, { honorifics: false, roleHolders: false, streetNames: false, facilities: false, organisationNames: false, eventNames: false, particleNames: false, partyNames: false, acronyms: false }).entries()) {
      if (options.aliases !== false) {
        const byName = new Map<string, string[]>();
        // A name before ", also known as" stands in for a mention the tagger cut short there ("State"
        // of "Islamic State") or did not tag; a mention that spans it whole stays ("U.S. Army Corps").
        const named = namesBeforeKnownAs(tagged[k]!.text).filter((n) => !mentions.some((m) => m.end === n.end && m.start <= n.start));
        const kept = mentions.filter((m) => !named.some((n) => n.end === m.end));
        for (const { name, alias } of findAliases(tagged[k]!.text, [...kept, ...named])) {
          const group = byName.get(name) ?? [name];
          if (!group.includes(alias)) group.push(alias);
          byName.set(name, group);
        }
        groups.push(...byName.values());
      }
      for (const m of mentions) {
        const t = ENTITY_TYPES.indexOf(m.type as (typeof ENTITY_TYPES)[number]);
        if (t < 0) continue;
        let s = stats.get(m.text);
        if (s === undefined) {
          s = { votes: [0, 0, 0, 0], weights: [0, 0, 0, 0], confidence: 0 };
          stats.set(m.text, s);
        }
        s.votes[t]!++;
        s.weights[t]! += m.confidence;
        s.confidence += m.confidence;
      }
    }
  }
  const minCount = options.minCount ?? 3;
  const minShare = options.minShare ?? 0.8;
  const minConfidence = options.minConfidence ?? 0.75;
  const listed = new Map<string, number>();
  for (const [name, s] of stats) {
    const count = s.votes.reduce((a, b) => a + b, 0);
    const best = s.votes.indexOf(Math.max(...s.votes));
    if (count < minCount || s.votes[best]! / count < minShare || s.confidence / count < minConfidence) continue;
    listed.set(name, best);
  }
  // An alias takes the type that the tagger's mentions of all the group's names, across the texts,
  // have most confidence behind ("Islamic State" is often taken for a place, but ISIS and ISIL
  // outvote it); it needs minCount such mentions, and a tie leaves it out.
  const aliasWeights = new Map<string, number[]>();
  const shipped: string[][] = [];
  for (const group of groups) {
    const weights = [0, 0, 0, 0];
    let count = 0;
    for (const name of group) {
      const s = stats.get(name);
      if (s === undefined) continue;
      for (let t = 0; t < weights.length; t++) weights[t]! += s.weights[t]!;
      count += s.votes.reduce((a, b) => a + b, 0);
    }
    if (count < minCount) continue;
    shipped.push(group);
    for (const alias of group.slice(1)) {
      if (listed.has(alias)) continue;
      const sum = aliasWeights.get(alias) ?? [0, 0, 0, 0];
      for (let t = 0; t < sum.length; t++) sum[t]! += weights[t]!;
      aliasWeights.set(alias, sum);
    }
  }
  const added: string[] = [];
  for (const [alias, weights] of [...aliasWeights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const best = Math.max(...weights);
    if (weights.filter((w) => w === best).length > 1) continue;
    listed.set(alias, weights.indexOf(best));
    added.push(`${alias} ${ENTITY_TYPES[weights.indexOf(best)]}`);
  }
  options.log?.(`self-training: ${listed.size - added.length} names and ${added.length} aliases of them (${added.join(", ")})`);
  const out: ListedName[] = [];
  for (const [name, type] of [...listed].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const tokens = tokenize(name).map((t) => t.text);
    if (tokens.length > 6) continue;
    out.push({ tokens, source: GAZ_SOURCES.indexOf(`auto${ENTITY_TYPES[type]!}` as (typeof GAZ_SOURCES)[number]) });
  }
  const aliasGroups = mergeAliasGroups(shipped);
  options.log?.(`self-training: ${aliasGroups.length} alias groups (${aliasGroups.map((g) => g.join(" = ")).join("; ")})`);
  return { names: out, aliasGroups };
}

/**
 * Alias groups that share a name merged into one (union-find), each sorted, the groups in order
 * of their first name: deterministic whatever order the texts came in.
 * @example mergeAliasGroups([["Islamic State", "ISIS"], ["ISIS", "Daesh"]]) // [["Daesh", "ISIS", "Islamic State"]]
 */
export function mergeAliasGroups(groups: readonly (readonly string[])[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const g of groups) {
    for (const name of g) if (!parent.has(name)) parent.set(name, name);
    for (const name of g.slice(1)) {
      const a = find(g[0]!);
      const b = find(name);
      // The smaller name becomes the root, so the merge does not depend on the groups' order.
      if (a < b) parent.set(b, a);
      else if (b < a) parent.set(a, b);
    }
  }
  const merged = new Map<string, string[]>();
  for (const name of parent.keys()) {
    const root = find(name);
    merged.set(root, [...(merged.get(root) ?? []), name]);
  }
  return [...merged.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}
