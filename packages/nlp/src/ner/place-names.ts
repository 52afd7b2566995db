import { hashString } from "./hash.js";

/** A name with case, spaces and hyphens taken out: "Al-bu-Kamal", "Albu Kamal", "Al-Bukamal" -> "albukamal". */
export function squashName(name: string): string {
  return name.toLowerCase().replace(/[\s\-\u2010\u2011]+/g, "");
}

/** The sorted, distinct hashes of squashed place names the model carries (see isPlaceName). */
export function placeNameTable(names: Iterable<string>): Uint32Array {
  const set = new Set<number>();
  for (const n of names) set.add(hashString(squashName(n)));
  return Uint32Array.from(set).sort();
}

/** Whether a name, spelt with or without its spaces and hyphens, is in a sorted place-name table. */
export function isPlaceName(table: Uint32Array, name: string): boolean {
  const h = hashString(squashName(name));
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = table[mid]!;
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
