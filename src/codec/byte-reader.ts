// Bounds-checked reader over untrusted bytes, shared by the TLS and DNSSEC codecs. Every read checks
// the bytes it needs against the reader's end, and every vector read checks its length prefix against
// what is left, so a bad length can never move the offset backwards or past the end: parsers built on
// it cannot loop or overrun. Each codec passes the error codes its DecodeErrors carry.
import { DecodeError, type ErrorCode } from '../engine/errors.js';

/** The codes a reader's DecodeErrors carry, chosen by the codec that builds it. */
export interface ReaderCodes {
  /** A read past the reader's end. */
  truncated: ErrorCode;
  /** A vector length outside its bounds, or not a multiple of its item size. */
  badLength: ErrorCode;
  /** Bytes left over when `done()` is called. */
  trailing: ErrorCode;
}

export interface ReaderOptions {
  codes: ReaderCodes;
  /** Names the structure in error messages. */
  what?: string;
  /** Offsets are absolute in `bytes`; the reader covers `bytes[start, end)`. */
  start?: number;
  end?: number;
}

export class ByteReader {
  readonly what: string;
  readonly codes: ReaderCodes;
  private off: number;
  private readonly end: number;

  constructor(
    private readonly bytes: Uint8Array,
    options: ReaderOptions,
  ) {
    this.codes = options.codes;
    this.what = options.what ?? '';
    this.off = options.start ?? 0;
    this.end = options.end ?? bytes.length;
  }

  /** The absolute offset of the next byte in the underlying bytes. */
  get offset(): number {
    return this.off;
  }

  get remaining(): number {
    return this.end - this.off;
  }

  u8(field: string): number {
    return this.bytes[this.advance(1, field)]!;
  }

  u16(field: string): number {
    const at = this.advance(2, field);
    return (this.bytes[at]! << 8) | this.bytes[at + 1]!;
  }

  u24(field: string): number {
    const at = this.advance(3, field);
    return (this.bytes[at]! << 16) | (this.bytes[at + 1]! << 8) | this.bytes[at + 2]!;
  }

  u32(field: string): number {
    const at = this.advance(4, field);
    return this.bytes[at]! * 0x1000000 + ((this.bytes[at + 1]! << 16) | (this.bytes[at + 2]! << 8) | this.bytes[at + 3]!);
  }

  /** `n` bytes, copied (the value never aliases the caller's buffer). */
  bytesOf(n: number, field: string): Uint8Array {
    const at = this.advance(n, field);
    return this.bytes.slice(at, at + n);
  }

  /** `n` bytes as a view into the underlying bytes (no copy). */
  take(n: number, field: string): Uint8Array {
    const at = this.advance(n, field);
    return this.bytes.subarray(at, at + n);
  }

  /** The rest of this reader's bytes, as a view (no copy). */
  rest(): Uint8Array {
    return this.take(this.remaining, 'rest');
  }

  /** A reader over the next `n` bytes, with the same codes and absolute offsets; this reader moves past them. */
  slice(n: number, field: string): ByteReader {
    const at = this.advance(n, field);
    return new ByteReader(this.bytes, { codes: this.codes, what: this.what ? `${this.what} ${field}` : field, start: at, end: at + n });
  }

  /** A vector with a 1-, 2- or 3-byte length prefix; `min`/`max` bound its length (RFC 8446 §3.4 `<min..max>`). Copied. */
  vector(prefix: 1 | 2 | 3, field: string, min = 0, max = Infinity): Uint8Array {
    const len = this.vectorLength(prefix, field, min, max);
    return this.bytesOf(len, field);
  }

  /** A reader over the body of a length-prefixed vector; this reader moves past it. */
  sub(prefix: 1 | 2 | 3, field: string, min = 0, max = Infinity): ByteReader {
    const len = this.vectorLength(prefix, field, min, max);
    return this.slice(len, field);
  }

  /** A vector of fixed-size items: its length must be a multiple of `itemSize`. */
  items(prefix: 1 | 2 | 3, itemSize: 1 | 2 | 3, field: string, min = 0, max = Infinity): number[] {
    const r = this.sub(prefix, field, min, max);
    if (r.remaining % itemSize !== 0) {
      throw new DecodeError(`${this.prefix()}${field} length ${r.remaining} is not a multiple of ${itemSize}`, this.codes.badLength);
    }
    const out: number[] = [];
    while (r.remaining > 0) out.push(itemSize === 1 ? r.u8(field) : itemSize === 2 ? r.u16(field) : r.u24(field));
    return out;
  }

  /** Fails unless every byte was read. */
  done(): void {
    if (this.off !== this.end) {
      throw new DecodeError(`${this.prefix()}${this.end - this.off} trailing bytes at ${this.off}`, this.codes.trailing);
    }
  }

  /** Checks that `n` bytes are left and moves past them; returns where they start. */
  private advance(n: number, field: string): number {
    if (n < 0 || n > this.end - this.off) {
      throw new DecodeError(`${this.prefix()}${field} needs ${n} bytes at ${this.off}, ${this.end - this.off} left`, this.codes.truncated);
    }
    const at = this.off;
    this.off += n;
    return at;
  }

  private vectorLength(prefix: 1 | 2 | 3, field: string, min: number, max: number): number {
    const len = prefix === 1 ? this.u8(field) : prefix === 2 ? this.u16(field) : this.u24(field);
    if (len < min || len > max) {
      throw new DecodeError(`${this.prefix()}${field} length ${len} outside ${min}..${max}`, this.codes.badLength);
    }
    return len;
  }

  private prefix(): string {
    return this.what ? `${this.what}: ` : '';
  }
}
