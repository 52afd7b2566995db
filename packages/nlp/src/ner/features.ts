import { fromOneBuffer } from "../slab.js";
import { type Gazetteer, matchGazetteers, NUM_GAZ_SOURCES } from "./gazetteer.js";
import { FNV_OFFSET_32, fnvStep32, hashString32, mix32 } from "./hash.js";

/**
 * Word-level knowledge the model carries besides its weights. `lexicon` maps a lower-cased word to
 * packed facts learnt from unlabeled text (see packLexicon, withEmbeddingClusters); `gazetteers`
 * are packed token tries of names (see gazetteer.ts), looked up together.
 */
export interface FeatureResources {
  bits: number;
  lexicon: WordLexicon;
  gazetteers: Gazetteer[];
}

/** The value of a slot whose hash two words share (lexicon values are never negative). */
const SHARED_HASH = -2;

/**
 * `lowerForm(word)` -> packed facts as an open-addressing table of typed arrays keyed by the
 * word's hashString32 (which encodeSentence computes anyway): no string per word is kept, so the
 * 340k words of the shipped lexicon cost a few MB instead of a Map's tens. The few words that share
 * a hash with another (10 pairs among the shipped 340k) are kept by name in a small map, so a
 * look-up gives what a Map would. Built for training with `keepWords`, it also gives its entries
 * back for serialisation.
 */
export class WordLexicon {
  readonly size: number;
  private readonly keys: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  /** The words whose hash another word shares, by name; their slot holds SHARED_HASH. */
  private readonly shared = new Map<string, number>();
  private readonly words: readonly string[] | null;
  private readonly packed: ArrayLike<number> | null;

  constructor(words: readonly string[], values: ArrayLike<number>, keepWords = false) {
    let capacity = 16;
    while (capacity < words.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    const first = new Int32Array(capacity);
    for (let k = 0; k < words.length; k++) {
      const key = hashString32(words[k]!) || 1;
      let slot = key & this.mask;
      while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      if (this.keys[slot] === key) {
        if (this.values[slot] !== SHARED_HASH) this.shared.set(words[first[slot]!]!, values[first[slot]!]!);
        this.shared.set(words[k]!, values[k]!);
        this.values[slot] = SHARED_HASH;
        continue;
      }
      this.keys[slot] = key;
      this.values[slot] = values[k]!;
      first[slot] = k;
    }
    this.size = words.length;
    this.words = keepWords ? words : null;
    this.packed = keepWords ? values : null;
  }

  static from(map: ReadonlyMap<string, number>, keepWords = true): WordLexicon {
    return new WordLexicon([...map.keys()], [...map.values()], keepWords);
  }

  /** The packed facts of `word` (its hashString32 is `hash`), or -1. */
  lookup(word: string, hash: number): number {
    const key = hash || 1;
    for (let slot = key & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot] === SHARED_HASH ? (this.shared.get(word) ?? -1) : this.values[slot]!;
      if (k === 0) return -1;
    }
  }

  get(word: string): number | undefined {
    const v = this.lookup(word, hashString32(word));
    return v < 0 ? undefined : v;
  }

  /** The words and values it was built from (a lexicon built with `keepWords` only: training). */
  entries(): Array<[string, number]> {
    if (this.words === null || this.packed === null) throw new Error("this lexicon keeps no words (a loaded model's): read them with deserializeLexicon");
    return this.words.map((w, k) => [w, this.packed![k]!]);
  }
}

/** One sentence turned into hashed feature rows of the weight table, ready to score. */
export interface EncodedSentence {
  n: number;
  /** Rows of the weight table (hashed features); token i's are feats[rows[i]] .. feats[rows[i + 1] - 1]. */
  feats: Int32Array;
  rows: Int32Array;
  /** Lower-case word hash per token (for the dynamic features; hashes are signed int32, see hashString32). */
  lw: Int32Array;
  /** Word-shape hash per token. */
  shape: Int32Array;
  /** Hash keying the document history, 0 when the token does not take part (not capitalised). */
  histKey: Int32Array;
}

// Static templates, one row each per token.
const T = {
  bias: 1, w: 2, lw: 3, lwM1: 4, lwP1: 5, lwM2: 6, lwP2: 7, sh: 8, shM1: 9, shP1: 10, shM1Sh: 11, shShP1: 12,
  p1: 13, p2: 14, p3: 15, p4: 16, s1: 17, s2: 18, s3: 19, s4: 20, lwM1Lw: 21, lwLwP1: 22, initSh: 23, initLw: 24,
  capsSh: 25, c1: 26, c2: 27, c1M1: 28, c1P1: 29, c2M1: 30, c2P1: 31, capBin: 32,
  gazAll: 36, gazM1: 37, gazP1: 38, doc: 39, wM1: 40, shLwP1: 41, lwM1Sh: 42, c1Sh: 43, tailLw: 44, tailSh: 45,
  lwM1LwP1: 46, wP1: 47, shM2: 48, shP2: 49, e1: 50, e2: 51, e1M1: 52, e1P1: 53, e2M1: 54, e2P1: 55, e1Sh: 56,
} as const;
/** Features every token has; gazetteer matches add one per matching source. */
export const STATIC_FEATURES = 53;
const GAZ_SOURCE_TEMPLATE = 200;
/** Template ids of the features that depend on already-predicted labels. */
export const DYN = { prev: 101, prev2: 102, prevLw: 103, prevSh: 104, hist: 105, histSh: 106 } as const;

const PAD_L = hashString32("<s>");
const PAD_R = hashString32("</s>");
const NONE = hashString32("<none>");

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g;
const DQUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** The form the model sees: ASCII quotes and dashes as in the Reuters training text. */
export function normalizeToken(token: string): string {
  if (token === "\u2014" || token === "\u2013" || token === "\u2015") return "--";
  let t = token;
  if (/[^\x00-\x7F]/.test(t)) t = t.replace(QUOTES, "'").replace(DQUOTES, '"').replace(/[\u2010-\u2013]/g, "-");
  if (t === "``" || t === "''") return '"';
  return t;
}

/** Lower-cased with every digit as 0, so numbers and dates share features. */
export function lowerForm(token: string): string {
  const lower = token.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 48 && c <= 57) return lower.replace(/[0-9]/g, "0");
  }
  return lower;
}

/** The shape class of `token[i]`: d, X, x, the ASCII character itself, or * (other non-ASCII). */
function charClass(token: string, i: number): number {
  const code = token.charCodeAt(i);
  if (code >= 48 && code <= 57) return 100; // d
  if (code >= 65 && code <= 90) return 88; // X
  if (code >= 97 && code <= 122) return 120; // x
  if (code < 128) return code;
  const c = token[i]!;
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  if (lower !== upper) return c === upper ? 88 : 120;
  return 42; // other non-ASCII: *
}

/** Collapsed word shape: "Al-Qaim" -> "Xx-Xx", "1996" -> "d", "U.S." -> "X.X.". */
export function wordShape(token: string): string {
  let out = "";
  let last = -1;
  for (let i = 0; i < token.length && out.length < 12; i++) {
    const k = charClass(token, i);
    if (k !== last) out += String.fromCharCode(k);
    last = k;
  }
  return out;
}

/** hashString32(wordShape(token)) without building the string (every shape character is one ASCII code). */
export function shapeHash(token: string): number {
  let h = FNV_OFFSET_32;
  let last = -1;
  let len = 0;
  for (let i = 0; i < token.length && len < 12; i++) {
    const k = charClass(token, i);
    if (k !== last) {
      h = fnvStep32(h, k);
      len++;
    }
    last = k;
  }
  return h;
}

function isCapitalised(token: string): boolean {
  const code = token.charCodeAt(0);
  // ASCII needs no case mapping: only A-Z differ from their lower case.
  if (code < 128) return code >= 65 && code <= 90;
  const c = token[0]!;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function hasLetter(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return true;
    if (token.charCodeAt(i) > 127) return token.toLowerCase() !== token.toUpperCase();
  }
  return false;
}

/**
 * Packs what unlabeled text says about a word: two cluster ids (1-based, 0 unknown) and how
 * often it is capitalised away from sentence start (capBin 1..4).
 */
export function packLexicon(c1: number, c2: number, capBin: number): number {
  return c1 | (c2 << 11) | (capBin << 22);
}

/** The capitalisation bin (0 unknown, 1..4) of a lexicon value `packLexicon` made. */
export function capBinOf(lex: number): number {
  return (lex >> 22) & 7;
}

/** Where the word-vector clusters start in a lexicon value (above packLexicon's 25 bits; the value stays an exact integer below 2^53). */
const EMBEDDING_UNIT = 2 ** 25;

/**
 * The word-vector part of a lexicon value: `fine + 1 | (coarse + 1) << 11`, 0 for a word without
 * word-vector clusters (see withEmbeddingClusters).
 */
export function embeddingCode(lex: number): number {
  return Math.floor(lex / EMBEDDING_UNIT);
}

/**
 * A lexicon value (packLexicon's, or 0 for a word our texts lack) with the word's clusters in
 * a word-vector space learnt from a far larger corpus: fine and coarse ids, 0-based.
 */
export function withEmbeddingClusters(packed: number, fine: number, coarse: number): number {
  return (packed % EMBEDDING_UNIT) + ((fine + 1) | ((coarse + 1) << 11)) * EMBEDDING_UNIT;
}

/**
 * Per-token gazetteer positions: `pos[i * NUM_GAZ_SOURCES + s]` is 0 when no name of source s
 * covers token i, else 1 + 2 * position (B 0, I 1, L 2, U 3) + 1 when written exactly as listed,
 * from the longest match of that source, taken left to right.
 */
function gazetteerPositions(lwh: Int32Array, wh: Int32Array, n: number, tables: readonly Gazetteer[]): Uint8Array {
  const S = NUM_GAZ_SOURCES;
  if (tables.length === 0) return new Uint8Array(n * S);
  const { pos, len, exact } = fromOneBuffer((s) => ({ pos: s.uint8(n * S), len: s.uint8(n * S), exact: s.uint8(n * S) }));
  matchGazetteers(tables, lwh, wh, n, len, exact);
  for (let s = 0; s < S; s++) {
    for (let i = 0; i < n; ) {
      const l = len[i * S + s]!;
      if (l === 0) {
        i++;
        continue;
      }
      const x = exact[i * S + s]!;
      if (l === 1) pos[i * S + s] = 1 + 2 * 3 + x;
      else {
        pos[i * S + s] = 1 + x;
        for (let j = i + 1; j < i + l - 1; j++) pos[j * S + s] = 1 + 2 + x;
        pos[(i + l - 1) * S + s] = 1 + 4 + x;
      }
      i += l;
    }
  }
  return pos;
}

/** Facts about a whole document (or paragraph) that a token can look up. */
export interface DocumentContext {
  /** Lower-cased words seen capitalised somewhere other than at sentence start. */
  capMid: Set<string>;
  /** Lower-cased words seen in lower case. */
  lower: Set<string>;
}

/** Builds the document context from its sentences (tokens already normalised). */
export function buildDocumentContext(sentences: readonly (readonly string[])[]): DocumentContext {
  const capMid = new Set<string>();
  const lower = new Set<string>();
  for (const s of sentences) {
    const normal = sentenceCasing(s) === CASING_NORMAL;
    for (let i = 0; i < s.length; i++) {
      const t = s[i]!;
      if (!hasLetter(t)) continue;
      if (isCapitalised(t)) {
        if (i > 0 && normal) capMid.add(t.toLowerCase());
      } else if (t === t.toLowerCase()) lower.add(t);
    }
  }
  return { capMid, lower };
}

const CASING_NORMAL = 0;
const CASING_CAPS = 1;
const CASING_TITLE = 2;
/** Words a title-cased headline may leave in lower case. */
export const HEADLINE_LOWER: ReadonlySet<string> = new Set(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as", "into", "over", "after", "vs", "via", "is"]);

/**
 * How a sentence is cased: all capitals (a Reuters headline), title case (every word of four
 * letters or more capitalised, at least three of them: a web headline, where capitals say nothing
 * about names) or normal.
 */
export function sentenceCasing(tokens: readonly string[]): number {
  let letters = 0;
  let allCaps = true;
  let long = 0;
  let titled = true;
  for (const t of tokens) {
    if (!hasLetter(t)) continue;
    letters++;
    if (t !== t.toUpperCase()) allCaps = false;
    if (t.length >= 4 && !HEADLINE_LOWER.has(t.toLowerCase())) {
      long++;
      if (!isCapitalised(t)) titled = false;
    }
  }
  if (letters > 1 && allCaps) return CASING_CAPS;
  return titled && long >= 3 ? CASING_TITLE : CASING_NORMAL;
}

/** Template ids of one pair of clusterings: the token's cluster in each, and its neighbours'. */
interface ClusterTemplates {
  a: number;
  b: number;
  aM1: number;
  aP1: number;
  bM1: number;
  bP1: number;
}
const TEXT_CLUSTERS: ClusterTemplates = { a: T.c1, b: T.c2, aM1: T.c1M1, aP1: T.c1P1, bM1: T.c2M1, bP1: T.c2P1 };
const VECTOR_CLUSTERS: ClusterTemplates = { a: T.e1, b: T.e2, aM1: T.e1M1, aP1: T.e1P1, bM1: T.e2M1, bP1: T.e2P1 };

/** Writes token i's six cluster features of one pair of clusterings (`a`, `b`: ids per token) at `o`; returns the next offset. */
function clusterSlots(feats: Int32Array, o: number, t: ClusterTemplates, a: Int32Array, b: Int32Array, i: number, n: number, mask: number): number {
  feats[o] = slot(t.a, a[i]!, mask);
  feats[o + 1] = slot(t.b, b[i]!, mask);
  feats[o + 2] = slot(t.aM1, i > 0 ? a[i - 1]! : PAD_L, mask);
  feats[o + 3] = slot(t.aP1, i + 1 < n ? a[i + 1]! : PAD_R, mask);
  feats[o + 4] = slot(t.bM1, i > 0 ? b[i - 1]! : PAD_L, mask);
  feats[o + 5] = slot(t.bP1, i + 1 < n ? b[i + 1]! : PAD_R, mask);
  return o + 6;
}

/** The weight-table row of one feature: its template and value hashed together, masked. */
function slot(template: number, value: number, mask: number): number {
  return mix32(template, value) & mask;
}

function grow(feats: Int32Array): Int32Array {
  const grown = new Int32Array(feats.length * 2);
  grown.set(feats);
  return grown;
}

/**
 * Encodes one sentence (normalised tokens) into feature rows: a fixed set per token plus one
 * per gazetteer source matching it. `doc` adds the paragraph-level facts when the caller has
 * the surrounding text. Hashes are signed int32 (hashString32, mix32) and rows are written
 * in place: this runs for every token the worker sees.
 */
export function encodeSentence(
  tokens: readonly string[],
  res: FeatureResources,
  doc: DocumentContext | null,
): EncodedSentence {
  const n = tokens.length;
  const mask = (1 << res.bits) - 1;
  let feats: Int32Array = new Int32Array(n * (STATIC_FEATURES + 4));
  // The per-token arrays from one buffer (a dozen backing stores per sentence were allocated and freed).
  const { rows, wh, lwh, shh, c1, c2, e1, e2, histKey, gazMask, capBins, caps } = fromOneBuffer((s) => ({
    rows: s.int32(n + 1),
    wh: s.int32(n),
    lwh: s.int32(n),
    shh: s.int32(n),
    c1: s.int32(n),
    c2: s.int32(n),
    e1: s.int32(n),
    e2: s.int32(n),
    histKey: s.int32(n),
    gazMask: s.int32(n),
    capBins: s.uint8(n),
    caps: s.uint8(n),
  }));
  const lowers: string[] = new Array(n);
  const casing = sentenceCasing(tokens);
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!;
    const lw = lowerForm(w);
    lowers[i] = lw;
    wh[i] = hashString32(w);
    lwh[i] = hashString32(lw);
    shh[i] = shapeHash(w);
    const lex = res.lexicon.lookup(lw, lwh[i]!);
    if (lex >= 0) {
      c1[i] = (lex & 0x7ff) + 1;
      c2[i] = ((lex >> 11) & 0x7ff) + 1;
      capBins[i] = capBinOf(lex);
      if (lex >= EMBEDDING_UNIT) {
        const e = embeddingCode(lex);
        e1[i] = e & 0x7ff;
        e2[i] = e >>> 11;
      }
    }
    const cap = isCapitalised(w) ? 1 : 0;
    caps[i] = cap;
    histKey[i] = cap === 1 && hasLetter(w) ? lwh[i]! || 1 : 0;
  }
  const GS = NUM_GAZ_SOURCES;
  const gaz = gazetteerPositions(lwh, wh, n, res.gazetteers);
  // Per token: the sources of the names covering it, as one mask.
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let s = 0; s < GS; s++) if (gaz[i * GS + s] !== 0) m |= 1 << s;
    gazMask[i] = m;
  }
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (o + STATIC_FEATURES + GS > feats.length) feats = grow(feats);
    rows[i] = o;
    const w = tokens[i]!;
    const lw = lowers[i]!;
    const lwM1 = i > 0 ? lwh[i - 1]! : PAD_L;
    const lwP1 = i + 1 < n ? lwh[i + 1]! : PAD_R;
    const shM1 = i > 0 ? shh[i - 1]! : PAD_L;
    const shP1 = i + 1 < n ? shh[i + 1]! : PAD_R;
    const sh = shh[i]!;
    const cur = lwh[i]!;
    feats[o++] = slot(T.bias, 0, mask);
    feats[o++] = slot(T.w, wh[i]!, mask);
    feats[o++] = slot(T.lw, cur, mask);
    feats[o++] = slot(T.lwM1, lwM1, mask);
    feats[o++] = slot(T.lwP1, lwP1, mask);
    feats[o++] = slot(T.lwM2, i > 1 ? lwh[i - 2]! : PAD_L, mask);
    feats[o++] = slot(T.lwP2, i + 2 < n ? lwh[i + 2]! : PAD_R, mask);
    feats[o++] = slot(T.sh, sh, mask);
    feats[o++] = slot(T.shM1, shM1, mask);
    feats[o++] = slot(T.shP1, shP1, mask);
    feats[o++] = slot(T.shM1Sh, mix32(shM1, sh), mask);
    feats[o++] = slot(T.shShP1, mix32(sh, shP1), mask);
    // Affix hashes: FNV states over the first / last k characters.
    let ph = FNV_OFFSET_32;
    let sfx = FNV_OFFSET_32;
    const len = lw.length;
    for (let k = 1; k <= 4; k++) {
      if (k <= len) {
        ph = fnvStep32(ph, lw.charCodeAt(k - 1));
        sfx = fnvStep32(sfx, lw.charCodeAt(len - k));
        feats[o++] = slot(T.p1 + k - 1, ph, mask);
        feats[o++] = slot(T.s1 + k - 1, sfx, mask);
      } else {
        feats[o++] = slot(T.p1 + k - 1, NONE, mask);
        feats[o++] = slot(T.s1 + k - 1, NONE, mask);
      }
    }
    feats[o++] = slot(T.lwM1Lw, mix32(lwM1, cur), mask);
    feats[o++] = slot(T.lwLwP1, mix32(cur, lwP1), mask);
    const init = i === 0 || (i === 1 && (tokens[0] === '"' || tokens[0] === "(")) ? 1 : 0;
    feats[o++] = slot(T.initSh, mix32(init, sh), mask);
    feats[o++] = slot(T.initLw, init ? cur : NONE, mask);
    feats[o++] = slot(T.capsSh, mix32(casing, sh), mask);
    o = clusterSlots(feats, o, TEXT_CLUSTERS, c1, c2, i, n, mask);
    feats[o++] = slot(T.capBin, mix32(capBins[i]!, init * 3 + casing), mask);
    // Gazetteers: the set of lists covering this token and its neighbours, then one feature per
    // list with the token's place in the match, exact or case-folded, and its capitalisation.
    const cap = caps[i]!;
    feats[o++] = slot(T.gazAll, mix32(gazMask[i]!, cap + 2 * casing), mask);
    feats[o++] = slot(T.gazM1, i > 0 ? gazMask[i - 1]! : 1 << 29, mask);
    feats[o++] = slot(T.gazP1, i + 1 < n ? gazMask[i + 1]! : 1 << 29, mask);
    for (let bits = gazMask[i]!; bits !== 0; bits &= bits - 1) {
      const s = 31 - Math.clz32(bits & -bits);
      feats[o++] = slot(GAZ_SOURCE_TEMPLATE + s, gaz[i * GS + s]! * 8 + cap * 4 + casing, mask);
    }
    let docCode = 0;
    if (doc && hasLetter(w)) {
      const l = w.toLowerCase();
      docCode = 1 + (doc.capMid.has(l) ? 1 : 0) + (doc.lower.has(l) ? 2 : 0);
    }
    feats[o++] = slot(T.doc, mix32(docCode, sh), mask);
    feats[o++] = slot(T.wM1, i > 0 ? wh[i - 1]! : PAD_L, mask);
    feats[o++] = slot(T.shLwP1, mix32(sh, lwP1), mask);
    feats[o++] = slot(T.lwM1Sh, mix32(lwM1, sh), mask);
    feats[o++] = slot(T.c1Sh, mix32(c1[i]!, sh), mask);
    // The part after the last hyphen: "al-Baghdadi" looks like "Baghdadi" there.
    const hy = w.lastIndexOf("-");
    if (hy > 0 && hy < w.length - 1) {
      const tail = w.slice(hy + 1);
      feats[o++] = slot(T.tailLw, hashString32(lowerForm(tail)), mask);
      feats[o++] = slot(T.tailSh, mix32(shapeHash(w.slice(0, hy)), shapeHash(tail)), mask);
    } else {
      feats[o++] = slot(T.tailLw, NONE, mask);
      feats[o++] = slot(T.tailSh, sh, mask);
    }
    feats[o++] = slot(T.lwM1LwP1, mix32(lwM1, lwP1), mask);
    feats[o++] = slot(T.wP1, i + 1 < n ? wh[i + 1]! : PAD_R, mask);
    feats[o++] = slot(T.shM2, i > 1 ? shh[i - 2]! : PAD_L, mask);
    feats[o++] = slot(T.shP2, i + 2 < n ? shh[i + 2]! : PAD_R, mask);
    // Word-vector clusters: where a word the labelled text never shows sits among 341k words.
    o = clusterSlots(feats, o, VECTOR_CLUSTERS, e1, e2, i, n, mask);
    feats[o++] = slot(T.e1Sh, mix32(e1[i]!, sh), mask);
  }
  rows[n] = o;
  return { n, feats, rows, lw: lwh, shape: shh, histKey };
}
