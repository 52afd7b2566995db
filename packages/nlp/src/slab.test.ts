import { describe, expect, it } from "vitest";
import { fromOneBuffer, reusable, Slab } from "./slab.js";

describe("Slab", () => {
  it("cuts zero-filled arrays that do not overlap", () => {
    const slab = new Slab(new ArrayBuffer(4 * 3 + 4 * 2 + 3));
    const a = slab.int32(3);
    const b = slab.uint32(2);
    const c = slab.uint8(3);
    expect([...a, ...b, ...c]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    a.fill(-1);
    c.fill(7);
    expect([...b]).toEqual([0, 0]);
    expect([...a]).toEqual([-1, -1, -1]);
    expect([...c]).toEqual([7, 7, 7]);
  });

  it("throws past the buffer's end, and starts a 4-byte array at a multiple of 4", () => {
    const full = new Slab(new ArrayBuffer(8));
    full.int32(2);
    expect(() => full.uint8(1)).toThrow(RangeError);
    const odd = new Slab(new ArrayBuffer(8));
    odd.uint8(3);
    expect(odd.int32(1).byteOffset).toBe(4);
    expect(() => odd.uint32(1)).toThrow(RangeError);
  });
});

describe("fromOneBuffer", () => {
  it("cuts every array from one buffer of just the size they need, in any order of element sizes", () => {
    const { flags, counts, more } = fromOneBuffer((s) => ({ flags: s.uint8(3), counts: s.int32(5), more: s.uint32(2) }));
    expect([flags.length, counts.length, more.length]).toEqual([3, 5, 2]);
    expect(flags.buffer).toBe(counts.buffer);
    expect(more.buffer).toBe(counts.buffer);
    expect(counts.byteOffset).toBe(4);
    expect(flags.buffer.byteLength).toBe(4 + 4 * 5 + 4 * 2);
    counts.fill(-1);
    flags.fill(1);
    expect([...more]).toEqual([0, 0]);
    expect([...flags]).toEqual([1, 1, 1]);
  });

  it("gives empty arrays for no tokens", () => {
    const { a, b } = fromOneBuffer((s) => ({ a: s.int32(0), b: s.uint8(0) }));
    expect([a.length, b.length]).toEqual([0, 0]);
  });
});

describe("reusable", () => {
  it("hands out the first entries of one array, and a larger array once a call needs more", () => {
    const made: number[] = [];
    const scratch = reusable((n) => {
      made.push(n);
      return new Int32Array(n);
    }, 4);
    const a = scratch(3);
    a.fill(5);
    const b = scratch(4);
    expect(b).toHaveLength(4);
    expect([...b]).toEqual([5, 5, 5, 0]); // the same memory, not cleared
    expect(scratch(10)).toHaveLength(10);
    expect(made).toEqual([4, 20]);
    expect(scratch(2)).toHaveLength(2);
    expect(made).toEqual([4, 20]);
  });
});
