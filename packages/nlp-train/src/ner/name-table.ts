import { GAZ_PREFIX, type Gazetteer, hashString, lowerForm, ngramKey, normalizeToken, packGazetteer } from "@newsflow/nlp/train";

/**
 * Builds a packed token trie (see Gazetteer in @newsflow/nlp) from names: every name's
 * lower-cased token path gets the bit of its source, every proper prefix GAZ_PREFIX, and the
 * name's key keeps 16 bits of the hash of its first-listed spelling (the exact-case form).
 */
export class NameTableBuilder {
  private readonly entries = new Map<number, { value: number; exact: number }>();
  private maxLen = 0;

  add(tokens: readonly string[], source: number): void {
    const norm = tokens.map(normalizeToken);
    const lower = norm.map((t) => hashString(lowerForm(t)));
    const surface = norm.map(hashString);
    for (let len = 1; len <= norm.length; len++) {
      const key = ngramKey(lower, 0, len);
      let e = this.entries.get(key);
      if (e === undefined) {
        e = { value: 0, exact: 0 };
        this.entries.set(key, e);
      }
      if (len < norm.length) e.value |= GAZ_PREFIX;
      else {
        if ((e.value & ~GAZ_PREFIX) === 0) e.exact = ngramKey(surface, 0, len) & 0xffff;
        e.value |= 1 << source;
      }
    }
    this.maxLen = Math.max(this.maxLen, norm.length);
  }

  build(): Gazetteer {
    const keys: number[] = [];
    const values: number[] = [];
    const exact: number[] = [];
    for (const [k, e] of this.entries) {
      keys.push(k);
      values.push(e.value);
      exact.push(e.exact);
    }
    return packGazetteer(keys, values, exact, this.maxLen);
  }
}
