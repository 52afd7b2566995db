import { reusable } from "../slab.js";
import { CLASS, type QuoteTokens } from "./quote-tokens.js";

/** Hashed features per token of the cue tagger. */
export const CUE_FEATURES = 35;
/** Hashed features per token of the content/source labeller. */
export const ROLE_FEATURES = 33;
/** The labeller looks no further than this many tokens from its cue (99% of PolNeAR's training contents and sources lie within 63)... */
export const ROLE_WINDOW = 70;
/** ...nor further than this many sentences (98.5% lie within 2). */
export const ROLE_SENTENCES = 2;

/** The tokens `[from, to)` the labeller looks at around a cue. */
export function roleWindow(t: QuoteTokens, cue: CueTokens): { from: number; to: number } {
  let from = Math.max(0, cue.first - ROLE_WINDOW);
  let to = Math.min(t.length, cue.last + 1 + ROLE_WINDOW);
  const s = t.sentence[cue.first]!;
  while (from < cue.first && t.sentence[from]! < s - ROLE_SENTENCES) from++;
  while (to > cue.last + 1 && t.sentence[to - 1]! > s + ROLE_SENTENCES) to--;
  return { from, to };
}

const EDGE = 0x9e3779b9;
/**
 * One feature's hash from a template id and up to four values: a multiply-xor per value and one
 * final avalanche (the table index takes the low bits). Fixed arity keeps the hot loop free of
 * allocations.
 */
function mix(a: number, b = 0, c = 0, d = 0, e = 0): number {
  let h = Math.imul(a, 0x9e3779b1);
  h = Math.imul(h ^ b, 0x85ebca6b);
  h = Math.imul(h ^ c, 0xc2b2ae35);
  h = Math.imul(h ^ d, 0x27d4eb2f);
  h = Math.imul(h ^ e, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  // A signed 32-bit result (the same bits in the Uint32Array it is written to): an unsigned one
  // above 2^31 would be boxed as a heap number on every call the compiler does not inline.
  return h ^ (h >>> 12);
}

const wordAt = (t: QuoteTokens, i: number): number => (i >= 0 && i < t.length ? t.word[i]! : EDGE + (i < 0 ? 1 : 2));
const C1 = 2047;
const clusterAt = (t: QuoteTokens, i: number, shift: number): number => (i >= 0 && i < t.length ? (t.cluster[i]! >>> shift) & C1 : C1 + 1);
const classAt = (t: QuoteTokens, i: number): number => (i >= 0 && i < t.length ? t.cls[i]! : 20 + (i < 0 ? 1 : 2));
const bucket = (d: number, edges: readonly number[]): number => {
  let b = 0;
  while (b < edges.length && d > edges[b]!) b++;
  return b;
};
const DISTANCE = [1, 2, 3, 4, 6, 10, 15, 25, 40];


/**
 * The cue tagger's features of every token, `CUE_FEATURES` per token: the word and its
 * neighbours (±2), word bigrams, suffix, the classes around it, quotation depth, position in the
 * sentence and the learned share of the word's occurrences that are cues. `out` (every entry is
 * written) may be a reused buffer of exactly that size.
 */
export function cueFeatures(t: QuoteTokens, out = new Uint32Array(t.length * CUE_FEATURES)): Uint32Array {
  const shares = t.share;
  for (let i = 0; i < t.length; i++) {
    const w = t.word[i]!;
    const share = shares[i]!;
    const pc = classAt(t, i - 1);
    const nc = classAt(t, i + 1);
    const pos = Math.min(t.position[i]!, 6);
    const o = i * CUE_FEATURES;
    out[o] = mix(1);
    out[o + 1] = mix(2, w);
    out[o + 2] = mix(3, wordAt(t, i - 1));
    out[o + 3] = mix(4, wordAt(t, i + 1));
    out[o + 4] = mix(5, wordAt(t, i - 2));
    out[o + 5] = mix(6, wordAt(t, i + 2));
    out[o + 6] = mix(7, wordAt(t, i - 1), w);
    out[o + 7] = mix(8, w, wordAt(t, i + 1));
    out[o + 8] = mix(9, t.suffix[i]!, t.cls[i]!);
    out[o + 9] = mix(10, w, pc, nc);
    out[o + 10] = mix(11, classAt(t, i - 2), pc, nc, classAt(t, i + 2));
    out[o + 11] = mix(12, share);
    out[o + 12] = mix(13, share, nc);
    out[o + 13] = mix(14, share, pc);
    out[o + 14] = mix(15, w, t.inQuote[i]!);
    out[o + 15] = mix(16, share, pos);
    out[o + 16] = mix(17, w, t.cls[i]!, pos === 0 ? 1 : 0);
    out[o + 17] = mix(18, share, pc, nc, t.inQuote[i]!);
    out[o + 18] = mix(19, wordAt(t, i + 1), wordAt(t, i + 2), share);
    out[o + 19] = mix(20, wordAt(t, i - 1), wordAt(t, i - 2), share);
    out[o + 20] = mix(21, w, classAt(t, i + 2));
    // Quotation marks near the word ("...,” said X", "X said: “...") and "that" after it.
    let before = 9;
    for (let k = 1; k <= 4 && i - k >= 0; k++) if (t.cls[i - k] === CLASS.quote) { before = k; break; }
    let after = 9;
    let that = 0;
    for (let k = 1; k <= 4 && i + k < t.length; k++) {
      if (after === 9 && t.cls[i + k] === CLASS.quote) after = k;
      if (t.lower[i + k] === "that") that = k;
    }
    out[o + 21] = mix(22, t.stem[i]!);
    out[o + 22] = mix(23, t.stem[i]!, pc, nc);
    out[o + 23] = mix(24, share, before, after);
    out[o + 24] = mix(25, t.stem[i]!, before, after);
    out[o + 25] = mix(26, share, that, t.inQuote[i]!);
    out[o + 26] = mix(27, t.stem[i]!, that);
    out[o + 27] = mix(28, t.stem[i]!, wordAt(t, i + 1));
    // A word right before a likelier cue is more often its subject ("unconfirmed reports suggested").
    const nShare = i + 1 < t.length ? shares[i + 1]! : 0;
    const pShare = i > 0 ? shares[i - 1]! : 0;
    out[o + 28] = mix(29, share, nShare, pShare);
    // Word clusters generalise to cue verbs seen rarely or never ("pledged" ~ "vowed").
    const c2 = clusterAt(t, i, 11);
    out[o + 29] = mix(30, c2);
    out[o + 30] = mix(31, clusterAt(t, i, 0));
    out[o + 31] = mix(32, c2, share);
    out[o + 32] = mix(33, clusterAt(t, i - 1, 11), c2);
    out[o + 33] = mix(34, c2, clusterAt(t, i + 1, 11));
    out[o + 34] = mix(35, c2, pc, nc);
  }
  return out;
}

/** `roleFeatures`' running count of cue tokens, reused from call to call (entries 0..n written first). */
const cuesBeforeScratch = reusable((n) => new Int32Array(n), 256);

/** A cue as a token range `[first, last]`. */
export interface CueTokens {
  first: number;
  last: number;
}

/**
 * The content/source labeller's features of the tokens `[from, to)` relative to one cue,
 * `ROLE_FEATURES` per token: side of the cue and distance, the word and its class, sentence,
 * quotation-mark and comma boundaries crossed on the way to the cue, the cue's own words and
 * what stands right before and after it ("that", a colon, a closing mark), and whether another
 * cue lies in between (several attributions in one sentence).
 *
 * `isCue` marks the tokens of every cue of the paragraph. `out` (every entry is written) may be a
 * reused buffer of exactly that size.
 */
export function roleFeatures(t: QuoteTokens, cue: CueTokens, isCue: Uint8Array, from: number, to: number, out = new Uint32Array((to - from) * ROLE_FEATURES)): Uint32Array {
  const cueW = t.word[cue.last]!;
  const cueW0 = t.word[cue.first]!;
  const cueQ = t.inQuote[cue.first]!;
  const pcC = classAt(t, cue.first - 1);
  const ncC = classAt(t, cue.last + 1);
  const pcW = wordAt(t, cue.first - 1);
  const ncW = wordAt(t, cue.last + 1);
  const cueSentence = t.sentence[cue.first]!;
  const cueC2 = clusterAt(t, cue.last, 11);
  // Other cues' tokens counted up to each position, to ask "is there a cue in between?".
  const cuesBefore = cuesBeforeScratch(t.length + 1);
  cuesBefore[0] = 0;
  for (let i = 0; i < t.length; i++) cuesBefore[i + 1] = cuesBefore[i]! + (isCue[i] && (i < cue.first || i > cue.last) ? 1 : 0);
  for (let i = from; i < to; i++) {
    const side = i < cue.first ? 0 : i > cue.last ? 1 : 2;
    const [a, b] = side === 0 ? [i + 1, cue.first] : side === 1 ? [cue.last + 1, i] : [i, i];
    const d = bucket(side === 0 ? cue.first - i : side === 1 ? i - cue.last : 0, DISTANCE);
    const sentX = Math.min(3, Math.abs(t.sentence[i]! - cueSentence));
    const quoteX = Math.min(4, t.quotesBefore[b]! - t.quotesBefore[a]!);
    const commaX = Math.min(3, t.commasBefore[b]! - t.commasBefore[a]!);
    const between = cuesBefore[b]! - cuesBefore[a]! > 0 ? 1 : 0;
    const w = t.word[i]!;
    const c = t.cls[i]!;
    const q = t.inQuote[i]!;
    const o = (i - from) * ROLE_FEATURES;
    out[o] = mix(101, side);
    out[o + 1] = mix(102, side, d);
    out[o + 2] = mix(103, side, w);
    out[o + 3] = mix(104, side, c);
    out[o + 4] = mix(105, side, q, cueQ);
    out[o + 5] = mix(106, side, sentX);
    out[o + 6] = mix(107, side, quoteX);
    out[o + 7] = mix(108, side, commaX);
    out[o + 8] = mix(109, side, cueW);
    out[o + 9] = mix(110, side, cueW, d);
    out[o + 10] = mix(111, side, pcC, ncC);
    out[o + 11] = mix(112, side, pcC, ncC, d);
    out[o + 12] = mix(113, side, between, sentX);
    out[o + 13] = mix(114, side, isCue[i]!, between);
    out[o + 14] = mix(115, side, wordAt(t, i - 1));
    out[o + 15] = mix(116, side, wordAt(t, i + 1));
    out[o + 16] = mix(117, side, ncW, d);
    out[o + 17] = mix(118, side, pcW, d);
    out[o + 18] = mix(119, side, c, d);
    out[o + 19] = mix(120, side, quoteX, q, sentX);
    out[o + 20] = mix(121, side, cueW, quoteX, sentX);
    out[o + 21] = mix(122, side, classAt(t, i - 1), c, classAt(t, i + 1));
    out[o + 22] = mix(123, side, t.position[i] === 0 ? 1 : 0, c, sentX);
    out[o + 23] = mix(124, side, c, cueW0);
    out[o + 24] = mix(125, side, commaX, d, between);
    out[o + 25] = mix(126, side, classAt(t, i + 1), q, c === CLASS.quote ? quoteX : 9);
    out[o + 26] = mix(127, side, t.stem[cue.last]!, d);
    out[o + 27] = mix(128, side, t.stem[cue.last]!, quoteX, sentX);
    out[o + 28] = mix(129, side, d < 3 ? d : 9, w);
    out[o + 29] = mix(130, side, wordAt(t, i - 1), w);
    out[o + 30] = mix(131, side, clusterAt(t, i, 11), d);
    out[o + 31] = mix(132, side, clusterAt(t, i, 0));
    out[o + 32] = mix(133, side, cueC2, clusterAt(t, i, 11));
  }
  return out;
}
