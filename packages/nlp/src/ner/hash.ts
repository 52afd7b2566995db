/** The state FNV-1a starts from. */
export const FNV_OFFSET = 0x811c9dc5;

/** One FNV-1a step: the state after one more character code. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193) >>> 0;
}

/** 32-bit FNV-1a of a string: the feature hashing shared by training and tagging. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** Mixes two 32-bit values into one (murmur3 finaliser), order-sensitive. */
export function mixHash(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ b) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV_OFFSET as a signed 32-bit value (same bits). */
export const FNV_OFFSET_32 = FNV_OFFSET | 0;

/**
 * The hot-path forms of fnvStep, hashString and mixHash: the same bits, returned as a signed
 * int32 (`| 0`) instead of an unsigned one (`>>> 0`). An unsigned value over 2^31 is no small
 * integer, so every call the compiler does not inline boxes a heap number, and a Map keyed by it
 * hashes a heap number; index tables with `& mask` as before.
 */
export function fnvStep32(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** hashString as a signed int32 (see fnvStep32). */
export function hashString32(s: string): number {
  let h = FNV_OFFSET_32;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** mixHash as a signed int32 (see fnvStep32). */
export function mix32(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
