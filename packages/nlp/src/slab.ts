/** What a slab cuts: typed arrays of a length, zero-filled, each apart from the others. */
export interface Cutter {
  int32(length: number): Int32Array;
  uint32(length: number): Uint32Array;
  uint8(length: number): Uint8Array;
}

/** Bytes before an array of `size`-byte elements, once `at` bytes are taken: `at` rounded up to a multiple of `size`. */
const aligned = (at: number, size: number): number => Math.ceil(at / size) * size;

const NO_INT32 = new Int32Array(0);
const NO_UINT32 = new Uint32Array(0);
const NO_UINT8 = new Uint8Array(0);

/**
 * Typed arrays cut one after another from one zero-filled buffer, for code that needs a dozen
 * short-lived arrays per sentence or paragraph: a typed array of more than 64 bytes otherwise gets
 * a backing store of its own outside the heap, to allocate and free. Each array starts at a multiple
 * of its element size (a 4-byte array after an odd number of bytes is moved up). Cutting past the
 * buffer's end throws a RangeError. A slab of no buffer (`null`) only adds up the bytes its cuts
 * would take (`bytes`) and hands out empty arrays: `fromOneBuffer` sizes the buffer with one.
 */
export class Slab implements Cutter {
  private at = 0;

  constructor(private readonly buffer: ArrayBuffer | null) {}

  /** The bytes cut so far, alignment included. */
  get bytes(): number {
    return this.at;
  }

  /** The offset of the next array of `length` elements of `size` bytes, which it then takes up. */
  private take(size: number, length: number): number {
    const at = aligned(this.at, size);
    this.at = at + size * length;
    return at;
  }

  int32(length: number): Int32Array {
    const at = this.take(4, length);
    return this.buffer ? new Int32Array(this.buffer, at, length) : NO_INT32;
  }

  uint32(length: number): Uint32Array {
    const at = this.take(4, length);
    return this.buffer ? new Uint32Array(this.buffer, at, length) : NO_UINT32;
  }

  uint8(length: number): Uint8Array {
    const at = this.take(1, length);
    return this.buffer ? new Uint8Array(this.buffer, at, length) : NO_UINT8;
  }
}

/**
 * The typed arrays `cut` asks for, all from one buffer of just the size they need: `cut` runs
 * twice, once on a slab of no buffer to add up their bytes and once to cut them, so it must do
 * nothing but cut (`(s) => ({ start: s.int32(n), cls: s.uint8(n) })`).
 */
export function fromOneBuffer<T>(cut: (slab: Cutter) => T): T {
  const measure = new Slab(null);
  cut(measure);
  return cut(new Slab(new ArrayBuffer(measure.bytes)));
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
