import type { ContextTyper } from "./context-typer.js";
import { bitCount, type PackedWeights } from "./decode.js";
import { type FeatureResources, WordLexicon } from "./features.js";
import { type Gazetteer, packGazetteer, unpackGazetteer } from "./gazetteer.js";
import { NUM_LABELS } from "./labels.js";

/**
 * A loaded NER model: hashed weight table plus the word resources its features look up. Weights
 * stay int16 (value = weight * scale): half the memory of float32, so scoring misses cache less;
 * and only the rows with a weight are kept (PackedWeights).
 */
export interface NerModel {
  bits: number;
  weights: PackedWeights;
  scale: number;
  resources: FeatureResources;
  /** Hashes of squashed place names (WikiLocations and its redirects), sorted: see isPlaceName. */
  placeNames: Uint32Array;
  /**
   * Names the unlabeled texts give as aliases of one another ("Islamic State", ISIS, ISIL, Daesh),
   * one array per group: reconcileEntities lets those written in one article vote together.
   */
  aliasGroups: string[][];
  /** The document step's context typer (see retypeByContext), or null in a file without one. */
  typer: ContextTyper | null;
  meta: Record<string, unknown>;
}

const MAGIC = "NFNER2\n";
/** 3: word-vector cluster features (`withEmbeddingClusters`). */
const VERSION = 3;

interface Header {
  version: number;
  bits: number;
  numLabels: number;
  scale: number;
  count: number;
  meta: Record<string, unknown>;
  lexiconWords: string;
  lexiconValues: number[];
  gazetteers: Array<{ count: number; maxLen: number }>;
  /** Number of place-name hashes after the gazetteers (absent in older files: none). */
  placeNames?: number;
  /** Alias groups (absent in older files: none). */
  aliasGroups?: string[][];
  /** The context typer's table (absent in older files: none), stored sparsely after the place names. */
  typer?: { bits: number; count: number; scale: number; alpha: number };
}

/** A growing byte buffer for the binary sections. */
class Writer {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  varint(value: number): void {
    this.ensure(5);
    let d = value >>> 0;
    while (d >= 0x80) {
      this.bytes[this.length++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    this.bytes[this.length++] = d;
  }
  raw(data: Uint8Array): void {
    this.ensure(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }
  int16s(values: ArrayLike<number>): void {
    const b = new Uint8Array(values.length * 2);
    const v = new DataView(b.buffer);
    for (let i = 0; i < values.length; i++) v.setInt16(i * 2, values[i]!, true);
    this.raw(b);
  }
}

class Reader {
  private readonly view: DataView;
  constructor(
    private readonly bytes: Uint8Array,
    public offset: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  varint(): number {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.bytes[this.offset++]!;
      d += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return d;
  }
  int16(): number {
    const v = this.view.getInt16(this.offset, true);
    this.offset += 2;
    return v;
  }
}

/**
 * Serialises a model compactly: weights quantised to int16 with one scale, stored sparsely
 * (varint gaps between non-zero indices, then the values); each gazetteer table as its keys in
 * ascending order (varint gaps) with their values and exact-case hashes. Gzip it for shipping.
 */
export function serializeModel(model: {
  bits: number;
  weights: Float32Array | Float64Array;
  resources: FeatureResources;
  placeNames?: Uint32Array;
  aliasGroups?: readonly (readonly string[])[];
  typer?: ContextTyper | null;
  meta: Record<string, unknown>;
}): Uint8Array {
  const { weights } = model;
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]!));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round(weights[i]! / scale);
    if (q !== 0) {
      idx.push(i);
      val.push(q);
    }
  }
  const lexicon = model.resources.lexicon.entries();
  const tables = model.resources.gazetteers.map(unpackGazetteer);
  const places = model.placeNames ?? new Uint32Array(0);
  const typer = model.typer ?? null;
  const typerRows: number[] = [];
  if (typer !== null) for (let i = 0; i < typer.weights.length; i++) if (typer.weights[i] !== 0) typerRows.push(i);
  const header: Header = {
    version: VERSION,
    bits: model.bits,
    numLabels: NUM_LABELS,
    scale,
    count: idx.length,
    meta: model.meta,
    lexiconWords: lexicon.map(([w]) => w).join("\n"),
    lexiconValues: lexicon.map(([, v]) => v),
    gazetteers: model.resources.gazetteers.map((g) => ({ count: g.size, maxLen: g.maxLen })),
    placeNames: places.length,
    ...(model.aliasGroups && model.aliasGroups.length > 0 ? { aliasGroups: model.aliasGroups.map((g) => [...g]) } : {}),
    ...(typer !== null ? { typer: { bits: typer.bits, count: typerRows.length, scale: typer.scale, alpha: typer.alpha } } : {}),
  };
  const w = new Writer();
  w.raw(new TextEncoder().encode(MAGIC));
  const head = new TextEncoder().encode(JSON.stringify(header));
  w.varint(head.length);
  w.raw(head);
  let last = 0;
  for (const i of idx) {
    w.varint(i - last);
    last = i;
  }
  w.int16s(val);
  for (const t of tables) {
    let prev = 0;
    for (const k of t.keys) {
      w.varint(k - prev);
      prev = k;
    }
    for (const v of t.values) w.varint(v);
    w.int16s(t.exact);
  }
  let prevPlace = 0;
  for (const h of places) {
    w.varint(h - prevPlace);
    prevPlace = h;
  }
  if (typer !== null) {
    let prevRow = 0;
    for (const i of typerRows) {
      w.varint(i - prevRow);
      prevRow = i;
    }
    w.int16s(typerRows.map((i) => typer.weights[i]!));
  }
  return w.bytes.slice(0, w.length);
}

/** Error for a model file that is not one this code can read. */
export class ModelFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ModelFormatError";
  }
}

function readHeader(bytes: Uint8Array): { header: Header; r: Reader } {
  const magic = new TextEncoder().encode(MAGIC);
  for (let i = 0; i < magic.length; i++) {
    if (bytes[i] !== magic[i]) throw new ModelFormatError("not a newsflow NER model v2 (bad magic bytes): retrain with the nlp-train train:ner script");
  }
  const r = new Reader(bytes, magic.length);
  const headLen = r.varint();
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(r.offset, r.offset + headLen))) as Header;
  r.offset += headLen;
  if (header.version !== VERSION || header.numLabels !== NUM_LABELS) {
    throw new ModelFormatError(`unsupported NER model version ${header.version} / labels ${header.numLabels}`);
  }
  return { header, r };
}

const lexiconWords = (header: Header): string[] => (header.lexiconWords.length > 0 ? header.lexiconWords.split("\n") : []);

/** The word lexicon of a model (already gunzipped) with its words, for tools (a loaded model keeps only their hashes). */
export function deserializeLexicon(bytes: Uint8Array): Map<string, number> {
  const { header } = readHeader(bytes);
  const words = lexiconWords(header);
  return new Map(words.map((w, k) => [w, header.lexiconValues[k]!]));
}

/** Reads bytes written by serializeModel (already gunzipped). */
export function deserializeModel(bytes: Uint8Array): NerModel {
  const { header, r } = readHeader(bytes);
  // The non-zero weights come in ascending order of index, so each row's are together and the
  // rows come in the order of their rank.
  const present = new Int32Array(1 << Math.max(0, header.bits - 5));
  const idx = new Int32Array(header.count);
  let last = 0;
  let stored = -1;
  let lastRow = -1;
  for (let k = 0; k < header.count; k++) {
    last += r.varint();
    const row = Math.floor(last / NUM_LABELS);
    if (row !== lastRow) {
      present[row >>> 5]! |= 1 << (row & 31);
      stored++;
      lastRow = row;
    }
    idx[k] = stored * NUM_LABELS + (last % NUM_LABELS);
  }
  const rank = new Int32Array(present.length);
  for (let b = 1; b < present.length; b++) rank[b] = rank[b - 1]! + bitCount(present[b - 1]!);
  const values = new Int16Array((stored + 1) * NUM_LABELS);
  for (let k = 0; k < header.count; k++) values[idx[k]!] = r.int16();
  const weights: PackedWeights = { present, rank, values };
  const { gazetteers, placeNames, typer } = readTables(header, r);
  const lexicon = new WordLexicon(lexiconWords(header), header.lexiconValues);
  return {
    bits: header.bits,
    weights,
    scale: header.scale,
    resources: { bits: header.bits, lexicon, gazetteers },
    placeNames,
    aliasGroups: header.aliasGroups ?? [],
    typer,
    meta: header.meta,
  };
}

/**
 * What the document step needs of a model (already gunzipped): the alias groups, and the context
 * typer with the word resources its features read (lexicon and name lists), without the tagger's
 * weight table, the bulk of a loaded model.
 */
export function deserializeDocumentModel(bytes: Uint8Array): { aliasGroups: string[][]; context: { typer: ContextTyper; resources: FeatureResources } | null } {
  const { header, r } = readHeader(bytes);
  const aliasGroups = header.aliasGroups ?? [];
  if (header.typer === undefined) return { aliasGroups, context: null };
  for (let k = 0; k < header.count; k++) r.varint();
  r.offset += 2 * header.count;
  const { gazetteers, typer } = readTables(header, r);
  const lexicon = new WordLexicon(lexiconWords(header), header.lexiconValues);
  return { aliasGroups, context: { typer: typer!, resources: { bits: header.bits, lexicon, gazetteers } } };
}

/** The sections after the tagger's weights: name lists, place names, context typer. */
function readTables(header: Header, r: Reader): { gazetteers: Gazetteer[]; placeNames: Uint32Array; typer: ContextTyper | null } {
  const gazetteers: Gazetteer[] = header.gazetteers.map(({ count, maxLen }) => {
    const keys = new Uint32Array(count);
    let prev = 0;
    for (let k = 0; k < count; k++) {
      prev += r.varint();
      keys[k] = prev;
    }
    const values = new Uint32Array(count);
    for (let k = 0; k < count; k++) values[k] = r.varint();
    const exact = new Uint16Array(count);
    for (let k = 0; k < count; k++) exact[k] = r.int16() & 0xffff;
    return packGazetteer(keys, values, exact, maxLen);
  });
  const placeNames = new Uint32Array(header.placeNames ?? 0);
  let prevPlace = 0;
  for (let k = 0; k < placeNames.length; k++) {
    prevPlace += r.varint();
    placeNames[k] = prevPlace;
  }
  let typer: ContextTyper | null = null;
  if (header.typer !== undefined) {
    const { bits, count, scale, alpha } = header.typer;
    const weights = new Int16Array((1 << bits) * 4);
    const rows = new Int32Array(count);
    let prev = 0;
    for (let k = 0; k < count; k++) {
      prev += r.varint();
      rows[k] = prev;
    }
    for (let k = 0; k < count; k++) weights[rows[k]!] = r.int16();
    typer = { bits, weights, scale, alpha };
  }
  return { gazetteers, placeNames, typer };
}
