import { type CanonicalEntity, type EntitiesResult, type EntityMention, EntityType } from "@newsflow/contracts";
import { JOINED_PARTICLE } from "./particles.js";
import { squashName } from "./place-names.js";

/** Entities of one paragraph, as the document step receives them. */
export interface ParagraphEntities {
  index: number;
  entities: EntitiesResult;
  /** The paragraph text, when known: lets "Islamic State (IS)" introduce a short form. */
  text?: string;
}

/** A stable id for a canonical entity, shared by every document that names it. */
export function entityId(type: EntityType, name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
  return `${type.toLowerCase()}-${slug || "x"}`;
}

const EVALUATED = new Set<string>(EntityType.options);
const FUNCTION_WORDS = new Set(["of", "the", "and", "for", "de", "du", "la", "le", "in", "on", "&"]);

/** One distinct surface form (case-folded) of one type, with its mentions. */
interface Form {
  text: string;
  type: EntityType;
  words: string[];
  key: string;
  first: number;
  mentions: Array<{ paragraphIndex: number; m: EntityMention; order: number }>;
  parent: Form | null;
}

function wordsOf(text: string): string[] {
  return text
    .replace(/['\u2019]s$/u, "")
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function normWord(w: string): string {
  // A later mention may drop the particle: al-Abadi ~ Abadi.
  return w.toLowerCase().replace(JOINED_PARTICLE, "").replace(/[.\u2019']/g, "");
}

function root(f: Form): Form {
  let r = f;
  while (r.parent !== null) r = r.parent;
  return r;
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/\./g, "");
  return /^\p{Lu}[\p{Lu}\p{N}&]{1,7}$/u.test(letters);
}

/** The first letters of a name's words, its function words left out, as written ("World Health Organization" -> "WHO"). */
export function contentInitials(words: readonly string[]): string {
  return words
    .filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]!)
    .join("");
}

/** "Islamic State of Iraq and Syria" -> ISIS (function words may be skipped or not). */
function matchesAcronym(acronym: string, words: readonly string[]): boolean {
  const letters = acronym.replace(/\./g, "").toUpperCase();
  const all = words.map((w) => w[0]!.toUpperCase()).join("");
  return words.length >= 2 && (letters === all || letters === contentInitials(words).toUpperCase());
}

/** True when `short` is `long` without leading words (a surname) or without trailing ones. */
function isPartOf(short: readonly string[], long: readonly string[], type: EntityType): boolean {
  if (short.length >= long.length) return false;
  const s = short.map(normWord);
  const l = long.map(normWord);
  const suffix = s.every((w, i) => w === l[l.length - s.length + i]);
  const prefix = s.every((w, i) => w === l[i]);
  if (type === "PER") return suffix || (prefix && s.length >= 2);
  return prefix || suffix;
}

/**
 * Forms of one type that differ only in spaces and hyphens ("Albu Kamal", "Al-Bukamal") are one
 * entity, named by the fullest: reconciliation already counts such spellings as one name.
 */
function joinSpellings(all: readonly Form[]): void {
  joinGroups(all, (f) => `${f.type}|${squashName(f.text)}`);
}

/**
 * Puts the entities of the forms that `keyOf` gives one key under the fullest of them, where the
 * key's entities are two or more and `keep` accepts them; a form without a key stays as it is.
 */
function joinGroups(all: readonly Form[], keyOf: (f: Form) => string | undefined, keep: (roots: readonly Form[]) => boolean = () => true): void {
  const byKey = new Map<string, Set<Form>>();
  for (const f of all) {
    const key = keyOf(f);
    if (key === undefined) continue;
    const roots = byKey.get(key) ?? new Set<Form>();
    roots.add(root(f));
    byKey.set(key, roots);
  }
  for (const set of byKey.values()) {
    const roots = [...set];
    if (roots.length < 2 || !keep(roots)) continue;
    const [head, ...rest] = roots.sort(fullestFirst);
    for (const r of rest) {
      const top = root(r);
      if (top !== root(head!)) top.parent = root(head!);
    }
  }
}

/** Longest name first (words, then characters), then the earliest. */
function fullestFirst(a: Form, b: Form): number {
  return b.words.length - a.words.length || b.text.length - a.text.length || a.first - b.first;
}

/**
 * Entities of one type whose names one alias group holds ("Islamic State", ISIS and Daesh) become
 * one, named by the fullest of them. A group whose names here include two different names of two
 * words or more is left alone: the mined groups hold a few acronyms of two organisations
 * ("Building Societies Association" and "Business Software Alliance" for BSA). Persons are left
 * alone too: the mined groups of persons are mostly a first name and a surname ("Bush" and "Jeb",
 * which joined "Jeb" to a "Bush" that articles also write of George W. Bush).
 */
function joinAliases(all: readonly Form[], aliases: readonly (readonly string[])[]): void {
  if (aliases.length === 0) return;
  const groupOf = new Map<string, number>();
  aliases.forEach((g, i) => {
    for (const name of g) groupOf.set(name.toLowerCase(), i);
  });
  joinGroups(
    all,
    (f) => {
      const g = f.type === "PER" ? undefined : groupOf.get(f.text.toLowerCase());
      return g === undefined ? undefined : `${f.type}|${g}`;
    },
    (roots) => new Set(roots.filter((r) => r.words.length >= 2).map((r) => r.words.map(normWord).join(" "))).size <= 1,
  );
}

/**
 * Merge a document's mentions into canonical entities. Mentions of one type and the same
 * case-folded text are one form; a shorter form joins the one longer form that contains it as
 * trailing words (a surname: "al-Abadi", "Abadi" for "Haider al-Abadi") or leading words
 * ("Islamic State" for "Islamic State group"); an acronym joins the form whose initials it spells
 * ("ISIS"), or whatever form it directly follows in brackets ("Islamic State (IS)", when paragraph
 * text is given), unless that form is a place whose initials it does not spell ("WASHINGTON (AP)
 * —": over the 2,733 BBC and PolNeAR articles 33 documents had merged a news agency, or the acronym
 * of an organisation the tagger cut down to its place, into a place). A short form that fits two
 * different entities stays on its own. Spellings that differ only in spaces and hyphens are one
 * entity (joinSpellings), and so are the names of one alias group (`aliases`, the NER model's mined
 * groups; joinAliases). The canonical name is the fullest form; ids are stable
 * across documents (entityId). Value types (DATE, ...) are left out.
 */
export function canonicalizeEntities(paragraphs: ParagraphEntities[], aliases: readonly (readonly string[])[] = []): CanonicalEntity[] {
  const forms = new Map<string, Form>();
  let order = 0;
  const ordered = [...paragraphs].sort((a, b) => a.index - b.index);
  const introduced = new Map<Form, Form>();
  for (const p of ordered) {
    let previous: { form: Form; m: EntityMention } | null = null;
    const mentions = [...p.entities.mentions].sort((a, b) => a.start - b.start);
    for (const m of mentions) {
      if (!EVALUATED.has(m.type)) continue;
      const type = m.type as EntityType;
      const words = wordsOf(m.text);
      if (words.length === 0) continue;
      const key = `${type}|${words.join(" ").toLowerCase()}`;
      let form = forms.get(key);
      if (!form) {
        form = { text: words.join(" "), type, words, key, first: order, mentions: [], parent: null };
        forms.set(key, form);
      }
      form.mentions.push({ paragraphIndex: p.index, m, order: order++ });
      if (previous && p.text !== undefined && isAcronym(m.text) && !isAcronym(previous.m.text)) {
        const between = p.text.slice(previous.m.end, m.start);
        const after = p.text.slice(m.end, m.end + 1);
        // A place's brackets hold a news agency ("WASHINGTON (AP) —") or the acronym of a longer
        // name the tagger cut down to the place ("... in Washington (CREW)"), not the place's short
        // form, unless the letters spell it ("United Arab Emirates (UAE)").
        const place = previous.form.type === "LOC" && !matchesAcronym(m.text, previous.form.words);
        if (/^\s*\($/.test(between) && after === ")" && !place) introduced.set(form, previous.form);
      }
      previous = { form, m };
    }
  }
  const all = [...forms.values()];
  const longestFirst = [...all].sort(fullestFirst);
  for (const f of longestFirst) {
    const intro = introduced.get(f);
    if (intro && root(intro) !== f) {
      f.parent = root(intro);
      continue;
    }
    const candidates = new Set<Form>();
    for (const g of all) {
      if (g === f || g.type !== f.type || g.words.length <= f.words.length) continue;
      const fits = isAcronym(f.text) ? matchesAcronym(f.text, g.words) : isPartOf(f.words, g.words, f.type);
      if (fits) candidates.add(root(g));
    }
    if (candidates.size === 1) f.parent = [...candidates][0]!;
  }
  joinSpellings(all);
  joinAliases(all, aliases);
  const entities = new Map<Form, CanonicalEntity & { order: number }>();
  for (const f of [...all].sort((a, b) => a.first - b.first)) {
    const r = root(f);
    let e = entities.get(r);
    if (!e) {
      e = { id: entityId(r.type, r.text), name: r.text, type: r.type, aliases: [], mentions: [], order: r.first };
      entities.set(r, e);
    }
    for (const { paragraphIndex, m } of f.mentions) {
      e.mentions.push({ paragraphIndex, start: m.start, end: m.end, text: m.text });
      if (m.text !== e.name && !e.aliases.includes(m.text)) e.aliases.push(m.text);
    }
  }
  return [...entities.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...e }) => ({
      ...e,
      mentions: e.mentions.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.start - b.start),
    }));
}
