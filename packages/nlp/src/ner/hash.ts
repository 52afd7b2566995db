/** The state FNV-1a starts from. */
export const FNV_OFFSET = 0x811c9dc5;

/** FNV_OFFSET as a signed 32-bit value (same bits). */
export const FNV_OFFSET_32 = FNV_OFFSET | 0;

/**
 * One FNV-1a step as a signed int32. The hot path (feature encoding, the gazetteer tries, the
 * decoder) uses the `32` forms: an unsigned value over 2^31 is no small integer, so every call the
 * compiler does not inline boxes a heap number, and a Map keyed by it hashes a heap number. The
 * unsigned forms below (model building, quotes, summaries) are the same bits (`>>> 0`); index
 * tables with `& mask` either way.
 */
export function fnvStep32(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** 32-bit FNV-1a of a string as a signed int32 (see fnvStep32). */
export function hashString32(s: string): number {
  let h = FNV_OFFSET_32;
  for (let i = 0; i < s.length; i++) h = fnvStep32(h, s.charCodeAt(i));
  return h;
}

/** Mixes two 32-bit values into one (murmur3 finaliser), order-sensitive, as a signed int32 (see fnvStep32). */
export function mix32(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** 32-bit FNV-1a of a string (unsigned): the feature hashing shared by training and tagging. */
export function hashString(s: string): number {
  return hashString32(s) >>> 0;
}

/** mix32 as an unsigned value. */
export function mixHash(a: number, b: number): number {
  return mix32(a, b) >>> 0;
}
