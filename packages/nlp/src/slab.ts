/**
 * Typed arrays cut one after another from one zero-filled buffer, for code that needs a dozen
 * short-lived arrays per sentence or paragraph: a typed array of more than 64 bytes otherwise gets
 * a backing store of its own outside the heap, to allocate and free. Cut the 4-byte arrays before
 * the 1-byte ones: a 4-byte array must start at a multiple of 4 (the constructor throws otherwise),
 * as it does past the buffer's end.
 */
export class Slab {
  private readonly buffer: ArrayBuffer;
  private at = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  int32(length: number): Int32Array {
    const a = new Int32Array(this.buffer, this.at, length);
    this.at += 4 * length;
    return a;
  }

  uint32(length: number): Uint32Array {
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
