import type { EntityMention } from "@newsflow/contracts";
import { logit } from "../logistic.js";
import { embeddingCode, type FeatureResources, lowerForm, normalizeToken, sentenceCasing } from "./features.js";
import { GAZ_SOURCES, matchGazetteers, NUM_GAZ_SOURCES } from "./gazetteer.js";
import { hashString32 } from "./hash.js";
import { ENTITY_TYPES } from "./labels.js";
import type { Token } from "./tokenize.js";

/**
 * A document-level typer of names (context aggregation, Ratinov & Roth 2009): one linear score
 * per entity type for a name from the words around every place the document writes it, and of
 * the name itself only its word clusters, suffixes, shape and the name lists that hold it, never
 * its spelling (the tagger has that, and it is what fails on names it never saw). "Comelf said it
 * almost doubled output", "Comelf 's six-month output", "Comelf, based in Bistrita, manufactures
 * ...": the tagger takes the unknown name for a person in each sentence; its contexts together
 * make it a company.
 */
export interface ContextTyper {
  bits: number;
  /** `weights[row * 4 + type]`, int16 scaled by `scale`. */
  weights: Int16Array;
  scale: number;
  /** Weight of the tagger's own margin (its logit) against the typer's scores. */
  alpha: number;
}

/** One place a name is written: its sentence's tokens and its token range. */
export interface NameOccurrence {
  tokens: readonly string[];
  start: number;
  end: number;
}

/** The list sources a typer feature may read: the external and self-trained lists, not the training set's own mentions. */
const FIRST_SOURCE = GAZ_SOURCES.indexOf("wikiLOC");

function clustersOf(resources: FeatureResources, word: string): [number, number] {
  const w = lowerForm(word);
  const v = resources.lexicon.lookup(w, hashString32(w));
  if (v < 0) return [-1, -1];
  const e = embeddingCode(v);
  return [(e & 2047) - 1, (e >> 11) - 1];
}

/** The typer's feature names of one occurrence, appended to `out`. */
function occurrenceFeatures(resources: FeatureResources, o: NameOccurrence, out: string[]): void {
  const { tokens, start, end } = o;
  const lw = (i: number) => (i < 0 ? "<s>" : i >= tokens.length ? "</s>" : lowerForm(normalizeToken(tokens[i]!)));
  out.push(`L1=${lw(start - 1)}`, `L2=${lw(start - 2)}`, `R1=${lw(end)}`, `R2=${lw(end + 1)}`);
  out.push(`L12=${lw(start - 2)}_${lw(start - 1)}`, `R12=${lw(end)}_${lw(end + 1)}`);
  for (let k = 3; k <= 5; k++) out.push(`Lw=${lw(start - k)}`, `Rw=${lw(end + k - 1)}`);
  const [f1, c1] = start > 0 ? clustersOf(resources, tokens[start - 1]!) : [-2, -2];
  const [f2, c2] = end < tokens.length ? clustersOf(resources, tokens[end]!) : [-2, -2];
  out.push(`L1c=${c1}`, `R1c=${c2}`, `L1f=${f1}`, `R1f=${f2}`);
  const n = end - start;
  out.push(`len=${Math.min(n, 4)}`);
  if (n > 1) out.push(`head=${lw(end - 1)}`, `first=${lw(start)}`);
  for (let i = start; i < end; i++) {
    const [f, c] = clustersOf(resources, tokens[i]!);
    out.push(`wf=${f}`, `wc=${c}`, `suf=${tokens[i]!.slice(-3).toLowerCase()}`);
  }
  out.push(`hf=${clustersOf(resources, tokens[end - 1]!)[0]}_${n > 1 ? 1 : 0}`);
  out.push(`casing=${casingOf(tokens)}`, `init=${start === 0 ? 1 : 0}`);
  // The lists that hold exactly this name: the trie walked over the name's own tokens.
  const lower = new Int32Array(n);
  const surface = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = normalizeToken(tokens[start + i]!);
    lower[i] = hashString32(lowerForm(t));
    surface[i] = hashString32(t);
  }
  const S = NUM_GAZ_SOURCES;
  const len = new Uint8Array(n * S);
  const exact = new Uint8Array(n * S);
  matchGazetteers(resources.gazetteers, lower, surface, n, len, exact);
  for (let s = FIRST_SOURCE; s < S; s++) if (len[s] === n) out.push(`gaz=${GAZ_SOURCES[s]}_${exact[s]}`);
}

/** Each sentence's casing (sentenceCasing), computed once however many names it holds. */
const casings = new WeakMap<readonly string[], number>();
function casingOf(tokens: readonly string[]): number {
  let c = casings.get(tokens);
  if (c === undefined) {
    c = sentenceCasing(tokens.map(normalizeToken));
    casings.set(tokens, c);
  }
  return c;
}

/** The hashed feature rows of a name from all its occurrences (each row once). */
export function nameFeatureRows(resources: FeatureResources, occurrences: readonly NameOccurrence[], bits: number): Int32Array {
  const names: string[] = [];
  for (const o of occurrences) occurrenceFeatures(resources, o, names);
  const mask = (1 << bits) - 1;
  return Int32Array.from(new Set(names.map((f) => hashString32(f) & mask)));
}

/** The typer's score per entity type for the feature rows. */
export function typerScores(typer: ContextTyper, rows: Int32Array): Float64Array {
  const s = new Float64Array(4);
  for (const r of rows) for (let t = 0; t < 4; t++) s[t]! += typer.weights[r * 4 + t]!;
  for (let t = 0; t < 4; t++) s[t]! /= typer.scale;
  return s;
}

/** Confidence at which a mention keeps its own type (reconciliation's threshold). */
const KEEP_TYPE = 0.75;

const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/**
 * Retypes a document's mentions (already reconciled) by the typer: each name's occurrences (the
 * same words) are scored together, against the tagger's mean confidence in each type, weighed by
 * `alpha`; the winner goes to every mention of the name under 0.75 confidence. Spans do not change.
 * `sentences` are each paragraph's tokenised sentences (`tokenizeSentences`, as reconciliation has them).
 */
export function retypeByContext(
  sentences: readonly (readonly (readonly Token[])[])[],
  mentions: readonly EntityMention[][],
  typer: ContextTyper,
  resources: FeatureResources,
): EntityMention[][] {
  interface Found {
    p: number;
    m: number;
    occ: NameOccurrence;
  }
  const groups = new Map<string, Found[]>();
  sentences.forEach((paragraph, p) => {
    // One token-text array per sentence, shared by its names (and so by casingOf's cache).
    const texts = paragraph.map((s) => s.map((t) => t.text));
    mentions[p]!.forEach((mention, m) => {
      if (!TYPE_INDEX.has(mention.type)) return;
      for (let k = 0; k < paragraph.length; k++) {
        const s = paragraph[k]!;
        const start = s.findIndex((t) => t.start === mention.start);
        if (start < 0) continue;
        const last = s.findIndex((t) => t.end === mention.end);
        if (last < start) break;
        const key = texts[k]!.slice(start, last + 1).join(" ");
        const list = groups.get(key) ?? [];
        list.push({ p, m, occ: { tokens: texts[k]!, start, end: last + 1 } });
        groups.set(key, list);
        break;
      }
    });
  });
  const out = mentions.map((list) => list.map((m) => ({ ...m })));
  for (const found of groups.values()) {
    const scores = typerScores(
      typer,
      nameFeatureRows(
        resources,
        found.map((f) => f.occ),
        typer.bits,
      ),
    );
    // One decision per name: the typer's scores plus the tagger's mean vote for each type (the
    // logit of a mention's confidence, plus 0.5, times alpha). A mention the tagger is sure of
    // (KEEP_TYPE, as in reconciliation) keeps its own type: one name can be a city and its team.
    const s = Float64Array.from(scores);
    for (const f of found) {
      const mention = out[f.p]![f.m]!;
      s[TYPE_INDEX.get(mention.type)!]! += (typer.alpha * (logit(mention.confidence, 0.5) + 0.5)) / found.length;
    }
    let best = 0;
    for (let t = 1; t < 4; t++) if (s[t]! > s[best]!) best = t;
    for (const f of found) {
      const mention = out[f.p]![f.m]!;
      if (mention.confidence < KEEP_TYPE) mention.type = ENTITY_TYPES[best]!;
    }
  }
  return out;
}
