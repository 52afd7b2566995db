import { describe, expect, it } from "vitest";
import { CLUSTER_SLOTS, crc16, partitionOf, partitionTags, slotOf } from "./partitions.js";

describe("partitions", () => {
  it("computes Redis Cluster's CRC16", () => {
    // The example of the Redis Cluster specification.
    expect(crc16("123456789")).toBe(0x31c3);
    expect(slotOf("user1000")).toBe(crc16("user1000") % CLUSTER_SLOTS);
  });

  it("gives partition i a hash tag in the i-th of P equal slot ranges", () => {
    const tags = partitionTags("newsflow", 12);
    expect(new Set(tags).size).toBe(12);
    tags.forEach((tag, i) => {
      expect(slotOf(tag)).toBeGreaterThanOrEqual(Math.floor((i * CLUSTER_SLOTS) / 12));
      expect(slotOf(tag)).toBeLessThan(Math.floor(((i + 1) * CLUSTER_SLOTS) / 12));
    });
    expect(partitionTags("newsflow", 1)).toEqual(["newsflow-0"]);
  });

  it("spreads document ids evenly, similar ids included", () => {
    const counts = Array(4).fill(0);
    for (let i = 0; i < 4000; i++) counts[partitionOf(`${String.fromCharCode(97 + (i % 26))}${i}`, 4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(partitionOf("anything", 1)).toBe(0);
  });
});
