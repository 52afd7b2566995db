import { mix32, mixHash } from "./hash.js";

/**
 * The name lists a gazetteer match can come from, in bit order. The first four hold the training
 * set's own mentions (jackknifed while training); the last four are names the tagger itself found
 * typed consistently in unlabeled news (self-training); the others are external lists. A match carries
 * its source as a feature, so the perceptron learns how far to trust each list.
 */
export const GAZ_SOURCES = [
  "trainPER",
  "trainORG",
  "trainLOC",
  "trainMISC",
  "wikiLOC",
  "wikiLOCRedirect",
  "wikiORG",
  "wikiORGRedirect",
  "agency",
  "corporation",
  "firstName",
  "lastName",
  "personTitle",
  "place",
  "nationality",
  "autoPER",
  "autoORG",
  "autoLOC",
  "autoMISC",
] as const;
export type GazSource = (typeof GAZ_SOURCES)[number];
export const NUM_GAZ_SOURCES = GAZ_SOURCES.length;

/** Value bit of an entry that is also the start of a longer name (the trie's inner node). */
export const GAZ_PREFIX = 1 << 30;
const SOURCE_BITS = (1 << NUM_GAZ_SOURCES) - 1;

/**
 * A token trie packed into one open-addressing hash table: the key of a node is the hash of its
 * lower-cased token path (see ngramKey), its value the mask of sources whose names end there
 * (plus GAZ_PREFIX when longer names continue), and `exact` 16 bits of the hash of the name as
 * written, so a match can tell an exact-case match from a case-folded one. Keys are held as
 * signed int32 (the same bits as ngramKey's), so lookups compare small integers.
 */
export interface Gazetteer {
  keys: Int32Array;
  values: Uint32Array;
  exact: Uint16Array;
  /** Table size - 1 (the size is a power of two). */
  mask: number;
  /** Number of entries. */
  size: number;
  /** The longest name in tokens. */
  maxLen: number;
}

/** Start value of ngramKey's chain (a node key is never 0: 0 marks an empty slot). */
export const NGRAM_SEED = 0x2545f491;

/** Key of a token n-gram: the hashes of its tokens chained (lowerForm hashes for the trie key). */
export function ngramKey(hashes: ArrayLike<number>, start: number, len: number): number {
  let h = NGRAM_SEED;
  for (let i = start; i < start + len; i++) h = mixHash(h, hashes[i]!);
  return h || 1;
}

/** An empty gazetteer. */
export function emptyGazetteer(): Gazetteer {
  return { keys: new Int32Array(1), values: new Uint32Array(1), exact: new Uint16Array(1), mask: 0, size: 0, maxLen: 0 };
}

/** Slot of `key` in the table, -1 when absent. */
export function findSlot(g: Gazetteer, key: number): number {
  const k = key | 0 || 1;
  let i = Math.imul(k, 0x9e3779b1) & g.mask;
  for (;;) {
    const s = g.keys[i]!;
    if (s === k) return i;
    if (s === 0) return -1;
    i = (i + 1) & g.mask;
  }
}

/**
 * Builds the packed table from (key, value, exact) triples, e.g. as read from a model file.
 * Load factor at most one half, so a miss stops after about two probes.
 */
export function packGazetteer(keys: ArrayLike<number>, values: ArrayLike<number>, exact: ArrayLike<number>, maxLen: number): Gazetteer {
  let cap = 2;
  while (cap < keys.length * 2) cap *= 2;
  const g: Gazetteer = {
    keys: new Int32Array(cap),
    values: new Uint32Array(cap),
    exact: new Uint16Array(cap),
    mask: cap - 1,
    size: keys.length,
    maxLen,
  };
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j]! | 0 || 1;
    let i = Math.imul(k, 0x9e3779b1) & g.mask;
    while (g.keys[i] !== 0 && g.keys[i] !== k) i = (i + 1) & g.mask;
    g.keys[i] = k;
    g.values[i] = (g.values[i]! | values[j]!) >>> 0;
    g.exact[i] = exact[j]!;
  }
  return g;
}

/** Every entry of a table as parallel arrays, keys ascending (what a model file stores). */
export function unpackGazetteer(g: Gazetteer): { keys: Uint32Array; values: Uint32Array; exact: Uint16Array } {
  const slots: number[] = [];
  for (let i = 0; i < g.keys.length; i++) if (g.keys[i] !== 0) slots.push(i);
  slots.sort((a, b) => (g.keys[a]! >>> 0) - (g.keys[b]! >>> 0));
  return {
    keys: Uint32Array.from(slots, (i) => g.keys[i]! >>> 0),
    values: Uint32Array.from(slots, (i) => g.values[i]!),
    exact: Uint16Array.from(slots, (i) => g.exact[i]!),
  };
}

/**
 * Longest matches per source over one sentence: `len[i * NUM_GAZ_SOURCES + s]` is the length of
 * the longest name of source s starting at token i (0 none), `exactAt` likewise 1 when that
 * match is written exactly as listed. Walks the trie from every token, stopping where no name
 * continues. `lower` are lowerForm hashes, `surface` hashes of the tokens as written (hashString32).
 */
export function matchGazetteers(
  tables: readonly Gazetteer[],
  lower: Int32Array,
  surface: Int32Array,
  n: number,
  len: Uint8Array,
  exactAt: Uint8Array,
): void {
  const S = NUM_GAZ_SOURCES;
  for (const g of tables) {
    if (g.size === 0) continue;
    for (let i = 0; i < n; i++) {
      let h = NGRAM_SEED;
      let e = NGRAM_SEED;
      const max = Math.min(g.maxLen, n - i);
      for (let l = 1; l <= max; l++) {
        h = mix32(h, lower[i + l - 1]!);
        e = mix32(e, surface[i + l - 1]!);
        const slot = findSlot(g, h);
        if (slot < 0) break;
        const v = g.values[slot]!;
        const isExact = g.exact[slot] === ((e || 1) & 0xffff) ? 1 : 0;
        // Only the sources whose names end here, lowest bit first.
        for (let bits = v & SOURCE_BITS; bits !== 0; bits &= bits - 1) {
          const s = 31 - Math.clz32(bits & -bits);
          if (l >= len[i * S + s]!) {
            len[i * S + s] = l;
            exactAt[i * S + s] = isExact;
          }
        }
        if ((v & GAZ_PREFIX) === 0) break;
      }
    }
  }
}
