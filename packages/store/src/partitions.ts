import { createHash } from "node:crypto";

/** Redis Cluster's number of hash slots. */
export const CLUSTER_SLOTS = 16384;

const CRC16_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    table[i] = c;
  }
  return table;
})();

/** CRC16 (XMODEM), the checksum Redis Cluster hashes keys with. */
export function crc16(text: string): number {
  let crc = 0;
  for (const byte of Buffer.from(text, "utf8")) crc = ((crc << 8) & 0xffff) ^ CRC16_TABLE[((crc >> 8) ^ byte) & 0xff]!;
  return crc;
}

/** The cluster hash slot of a hash tag (the text between the braces). */
export function slotOf(tag: string): number {
  return crc16(tag) % CLUSTER_SLOTS;
}

/**
 * The hash tags of a deployment's partitions. Partition `i` of `P` gets a tag whose slot lies in
 * the i-th of P equal slot ranges (`name-i`, or `name-i.N` for the first N that lands there), so
 * that the usual even split of slots over the masters gives each master an even share of the
 * partitions. Deterministic: every process computes the same tags.
 */
export function partitionTags(name: string, partitions: number): string[] {
  return Array.from({ length: partitions }, (_, i) => {
    const low = Math.floor((i * CLUSTER_SLOTS) / partitions);
    const high = Math.floor(((i + 1) * CLUSTER_SLOTS) / partitions);
    for (let n = 0; ; n++) {
      const tag = n === 0 ? `${name}-${i}` : `${name}-${i}.${n}`;
      const slot = slotOf(tag);
      if (slot >= low && slot < high) return tag;
    }
  });
}

const memo = new Map<string, number>();

/**
 * The partition a document belongs to: the first 32 bits of the MD5 of its id modulo the number
 * of partitions (CRC16 would keep ids that differ alike in every byte, `a1` and `b2`, together).
 */
export function partitionOf(docId: string, partitions: number): number {
  if (partitions === 1) return 0;
  let h = memo.get(docId);
  if (h === undefined) {
    if (memo.size > 10_000) memo.clear();
    h = createHash("md5").update(docId).digest().readUInt32BE(0);
    memo.set(docId, h);
  }
  return h % partitions;
}
