// Writer for TLS structures: integers and length-prefixed vectors. Values come from encscan's own
// callers, so a value that does not fit its field is a programming error (ENCSCAN_TLS_ENCODE).
import { EncscanError } from '../engine/errors.js';

const LIMIT = { 1: 0xff, 2: 0xffff, 3: 0xffffff } as const;

export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  private grow(n: number): number {
    if (this.len + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    const at = this.len;
    this.len += n;
    return at;
  }

  u8(v: number): this {
    return this.uint(v, 1);
  }

  u16(v: number): this {
    return this.uint(v, 2);
  }

  u24(v: number): this {
    return this.uint(v, 3);
  }

  u32(v: number): this {
    return this.uint(v, 4);
  }

  bytes(b: Uint8Array): this {
    const at = this.grow(b.length);
    this.buf.set(b, at);
    return this;
  }

  /** A vector: its length as a 1-, 2- or 3-byte prefix, then the bytes. */
  vector(prefix: 1 | 2 | 3, b: Uint8Array): this {
    return this.uint(b.length, prefix).bytes(b);
  }

  /** A vector whose body `fill` writes; the prefix is patched in afterwards. */
  nested(prefix: 1 | 2 | 3, fill: (w: this) => void): this {
    const at = this.grow(prefix);
    fill(this);
    const n = this.len - at - prefix;
    if (n > LIMIT[prefix]) throw encodeError(`vector of ${n} bytes does not fit a ${prefix}-byte length`);
    for (let i = 0; i < prefix; i++) this.buf[at + i] = (n >>> (8 * (prefix - 1 - i))) & 0xff;
    return this;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private uint(v: number, size: 1 | 2 | 3 | 4): this {
    if (!Number.isInteger(v) || v < 0 || v >= 2 ** (8 * size)) throw encodeError(`${v} does not fit ${size} bytes`);
    const at = this.grow(size);
    for (let i = 0; i < size; i++) this.buf[at + i] = Math.floor(v / 2 ** (8 * (size - 1 - i))) & 0xff;
    return this;
  }
}

export function encodeError(detail: string): EncscanError {
  return new EncscanError('ENCSCAN_TLS_ENCODE', `tls encode: ${detail}`);
}

/** Builds bytes with a fresh writer. */
export function write(fill: (w: ByteWriter) => void): Uint8Array {
  const w = new ByteWriter();
  fill(w);
  return w.finish();
}
