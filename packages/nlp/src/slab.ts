/** What a slab cuts: typed arrays of a length, zero-filled, each apart from the others. */
export interface Cutter {
  int32(length: number): Int32Array;
  uint32(length: number): Uint32Array;
  uint8(length: number): Uint8Array;
}

/** Bytes before an array of `size`-byte elements, once `at` bytes are taken: `at` rounded up to a multiple of `size`. */
const aligned = (at: number, size: number): number => Math.ceil(at / size) * size;

/**
 * Typed arrays cut one after another from one zero-filled buffer, for code that needs a dozen
 * short-lived arrays per sentence or paragraph: a typed array of more than 64 bytes otherwise gets
 * a backing store of its own outside the heap, to allocate and free. Each array starts at a multiple
 * of its element size (a 4-byte array after an odd number of bytes is moved up). Cutting past the
 * buffer's end throws a RangeError; `fromOneBuffer` sizes the buffer for the caller.
 */
export class Slab implements Cutter {
  private readonly buffer: ArrayBuffer;
  private at = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  int32(length: number): Int32Array {
    this.at = aligned(this.at, 4);
    const a = new Int32Array(this.buffer, this.at, length);
    this.at += 4 * length;
    return a;
  }

  uint32(length: number): Uint32Array {
    this.at = aligned(this.at, 4);
    const a = new Uint32Array(this.buffer, this.at, length);
    this.at += 4 * length;
    return a;
  }

  uint8(length: number): Uint8Array {
    const a = new Uint8Array(this.buffer, this.at, length);
    this.at += length;
    return a;
  }
}

const NO_INT32 = new Int32Array(0);
const NO_UINT32 = new Uint32Array(0);
const NO_UINT8 = new Uint8Array(0);

/** A cutter that only adds up the bytes a slab would need, aligned as `Slab` aligns them (its arrays are empty). */
class Measure implements Cutter {
  bytes = 0;

  int32(length: number): Int32Array {
    this.bytes = aligned(this.bytes, 4) + 4 * length;
    return NO_INT32;
  }

  uint32(length: number): Uint32Array {
    this.bytes = aligned(this.bytes, 4) + 4 * length;
    return NO_UINT32;
  }

  uint8(length: number): Uint8Array {
    this.bytes += length;
    return NO_UINT8;
  }
}

/**
 * The typed arrays `cut` asks for, all from one buffer of just the size they need: `cut` runs
 * twice, once to add up their bytes and once to cut them from a `Slab`, so it must do nothing
 * but cut (`(s) => ({ start: s.int32(n), cls: s.uint8(n) })`).
 */
export function fromOneBuffer<T>(cut: (slab: Cutter) => T): T {
  const measure = new Measure();
  cut(measure);
  return cut(new Slab(measure.bytes));
}

/**
 * A typed array reused from call to call, for buffers spent before the next call needs them: each
 * call gets the first `size` entries (not cleared: the caller writes every entry it reads), and the
 * array is replaced by one twice the size when a call needs more.
 */
export function reusable<T extends Int32Array | Uint32Array | Float32Array | Uint8Array>(make: (length: number) => T, initial: number): (size: number) => T {
  let array = make(initial);
  return (size) => {
    if (array.length < size) array = make(size * 2);
    return array.subarray(0, size) as T;
  };
}
