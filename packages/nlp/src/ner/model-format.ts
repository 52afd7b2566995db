import type { FeatureResources } from "./features.js";
import { NUM_LABELS } from "./labels.js";

/**
 * A loaded NER model: hashed weight table plus the word resources its features look up. Weights
 * stay int16 (value = weight * scale): half the memory of float32, so scoring misses cache less.
 */
export interface NerModel {
  bits: number;
  weights: Int16Array;
  scale: number;
  resources: FeatureResources;
  meta: Record<string, unknown>;
}

const MAGIC = "NFNER1\n";

interface Header {
  version: 1;
  bits: number;
  numLabels: number;
  scale: number;
  count: number;
  meta: Record<string, unknown>;
  lexiconWords: string;
  lexiconValues: number[];
  gazetteerMaxLen: number;
  gazetteerKeys: number[];
  gazetteerMasks: number[];
}

/**
 * Serialises a model compactly: weights quantised to int16 with one scale, stored sparsely
 * (varint gaps between non-zero indices, then the values). Gzip it for shipping.
 */
export function serializeModel(model: {
  bits: number;
  weights: Float32Array | Float64Array;
  resources: FeatureResources;
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
  const lexWords = [...model.resources.lexicon.keys()];
  const header: Header = {
    version: 1,
    bits: model.bits,
    numLabels: NUM_LABELS,
    scale,
    count: idx.length,
    meta: model.meta,
    lexiconWords: lexWords.join("\n"),
    lexiconValues: lexWords.map((w) => model.resources.lexicon.get(w)!),
    gazetteerMaxLen: model.resources.gazetteer.maxLen,
    gazetteerKeys: [...model.resources.gazetteer.entries.keys()],
    gazetteerMasks: [...model.resources.gazetteer.entries.values()],
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const gaps = new Uint8Array(idx.length * 5);
  let g = 0;
  let last = 0;
  for (const i of idx) {
    let d = i - last;
    last = i;
    while (d >= 0x80) {
      gaps[g++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    gaps[g++] = d;
  }
  const magic = new TextEncoder().encode(MAGIC);
  const total = magic.length + 4 + head.length + g + (g % 2) + val.length * 2;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(magic, 0);
  view.setUint32(magic.length, head.length, true);
  out.set(head, magic.length + 4);
  let o = magic.length + 4 + head.length;
  out.set(gaps.subarray(0, g), o);
  o += g + (g % 2);
  for (const v of val) {
    view.setInt16(o, v, true);
    o += 2;
  }
  return out;
}

/** Error for a model file that is not one this code can read. */
export class ModelFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ModelFormatError";
  }
}

/** Reads bytes written by serializeModel (already gunzipped). */
export function deserializeModel(bytes: Uint8Array): NerModel {
  const magic = new TextEncoder().encode(MAGIC);
  for (let i = 0; i < magic.length; i++) {
    if (bytes[i] !== magic[i]) throw new ModelFormatError("not a newsflow NER model (bad magic bytes)");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLen = view.getUint32(magic.length, true);
  let o = magic.length + 4;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(o, o + headLen))) as Header;
  o += headLen;
  if (header.version !== 1 || header.numLabels !== NUM_LABELS) {
    throw new ModelFormatError(`unsupported NER model version ${header.version} / labels ${header.numLabels}`);
  }
  const weights = new Int16Array((1 << header.bits) * NUM_LABELS);
  const idx = new Int32Array(header.count);
  let last = 0;
  for (let k = 0; k < header.count; k++) {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[o++]!;
      d |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    last += d;
    idx[k] = last;
  }
  if ((o - (magic.length + 4 + headLen)) % 2 === 1) o++;
  for (let k = 0; k < header.count; k++) {
    weights[idx[k]!] = view.getInt16(o, true);
    o += 2;
  }
  const words = header.lexiconWords.length > 0 ? header.lexiconWords.split("\n") : [];
  const lexicon = new Map<string, number>();
  for (let k = 0; k < words.length; k++) lexicon.set(words[k]!, header.lexiconValues[k]!);
  const entries = new Map<number, number>();
  for (let k = 0; k < header.gazetteerKeys.length; k++) entries.set(header.gazetteerKeys[k]!, header.gazetteerMasks[k]!);
  return {
    bits: header.bits,
    weights,
    scale: header.scale,
    resources: { bits: header.bits, lexicon, gazetteer: { entries, maxLen: header.gazetteerMaxLen } },
    meta: header.meta,
  };
}
