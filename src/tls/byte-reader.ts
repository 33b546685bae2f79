// Bounds-checked reader over untrusted TLS bytes. Every read checks the bytes it needs against the
// reader's end, and every vector read checks its length prefix against what is left, so a bad length
// can never move the offset backwards or past the end: parsers built on it cannot loop or overrun.
import { DecodeError } from '../engine/errors.js';

export class ByteReader {
  private off: number;

  /** Reads `bytes[start, end)`; `what` names the structure in error messages. */
  constructor(
    private readonly bytes: Uint8Array,
    readonly what: string,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.off = start;
  }

  get remaining(): number {
    return this.end - this.off;
  }

  private need(n: number, field: string): number {
    if (n > this.end - this.off) {
      throw new DecodeError(`${this.what}: ${field} needs ${n} bytes at ${this.off}, ${this.end - this.off} left`, 'ENCSCAN_TLS_TRUNCATED');
    }
    const at = this.off;
    this.off += n;
    return at;
  }

  u8(field: string): number {
    return this.bytes[this.need(1, field)]!;
  }

  u16(field: string): number {
    const at = this.need(2, field);
    return (this.bytes[at]! << 8) | this.bytes[at + 1]!;
  }

  u24(field: string): number {
    const at = this.need(3, field);
    return (this.bytes[at]! << 16) | (this.bytes[at + 1]! << 8) | this.bytes[at + 2]!;
  }

  u32(field: string): number {
    const at = this.need(4, field);
    return this.bytes[at]! * 0x1000000 + ((this.bytes[at + 1]! << 16) | (this.bytes[at + 2]! << 8) | this.bytes[at + 3]!);
  }

  /** `n` bytes, copied (parsed values never alias the caller's buffer). */
  bytesOf(n: number, field: string): Uint8Array {
    const at = this.need(n, field);
    return this.bytes.slice(at, at + n);
  }

  /** The rest of this reader's bytes. */
  rest(): Uint8Array {
    return this.bytesOf(this.remaining, 'rest');
  }

  /** A vector with a 1-, 2- or 3-byte length prefix; `min`/`max` bound its length (RFC 8446 §3.4 `<min..max>`). */
  vector(prefix: 1 | 2 | 3, field: string, min = 0, max = Infinity): Uint8Array {
    const len = this.vectorLength(prefix, field, min, max);
    return this.bytesOf(len, field);
  }

  /** A reader over the body of a length-prefixed vector; this reader moves past it. */
  sub(prefix: 1 | 2 | 3, field: string, min = 0, max = Infinity): ByteReader {
    const len = this.vectorLength(prefix, field, min, max);
    const at = this.need(len, field);
    return new ByteReader(this.bytes, `${this.what} ${field}`, at, at + len);
  }

  /** A vector of fixed-size items: its length must be a multiple of `itemSize`. */
  items(prefix: 1 | 2 | 3, itemSize: 1 | 2 | 3, field: string, min = 0, max = Infinity): number[] {
    const r = this.sub(prefix, field, min, max);
    if (r.remaining % itemSize !== 0) {
      throw new DecodeError(`${this.what}: ${field} length ${r.remaining} is not a multiple of ${itemSize}`, 'ENCSCAN_TLS_BAD_LENGTH');
    }
    const out: number[] = [];
    while (r.remaining > 0) out.push(itemSize === 1 ? r.u8(field) : itemSize === 2 ? r.u16(field) : r.u24(field));
    return out;
  }

  /** Fails unless every byte was read. */
  done(): void {
    if (this.off !== this.end) {
      throw new DecodeError(`${this.what}: ${this.end - this.off} trailing bytes at ${this.off}`, 'ENCSCAN_TLS_TRAILING_BYTES');
    }
  }

  private vectorLength(prefix: 1 | 2 | 3, field: string, min: number, max: number): number {
    const len = prefix === 1 ? this.u8(field) : prefix === 2 ? this.u16(field) : this.u24(field);
    if (len < min || len > max) {
      throw new DecodeError(`${this.what}: ${field} length ${len} outside ${min}..${max}`, 'ENCSCAN_TLS_BAD_LENGTH');
    }
    return len;
  }
}

/** Throws the codec's error for a value the protocol forbids. */
export function badValue(what: string, detail: string): DecodeError {
  return new DecodeError(`${what}: ${detail}`, 'ENCSCAN_TLS_BAD_VALUE');
}
