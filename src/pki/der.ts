// A minimal DER reader: just enough structure to pull names, keys and extensions out of a
// certificate without trusting a schema decoder with odd inputs. Every read is bounds-checked
// and failures throw DecodeError (code ENCSCAN_DECODE).
import { DecodeError } from '../engine/errors.js';

export interface Tlv {
  tag: number;
  /** Offset of the tag byte: `bytes.subarray(start, end)` is the whole element. */
  start: number;
  /** Content bounds. */
  contentStart: number;
  end: number;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
} as const;

export function decodeError(what: string): DecodeError {
  return new DecodeError(`certificate: ${what}`);
}

/** Reads one element at `off`, which must end by `limit`. Only definite, at most 4-byte lengths. */
export function readTlv(bytes: Uint8Array, off: number, limit = bytes.length): Tlv {
  if (off + 2 > limit) throw decodeError(`truncated element at ${off}`);
  const tag = bytes[off]!;
  if ((tag & 0x1f) === 0x1f) throw decodeError(`multi-byte tag at ${off}`);
  let len = bytes[off + 1]!;
  let contentStart = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw decodeError(`unsupported length form at ${off}`);
    if (contentStart + n > limit) throw decodeError(`truncated length at ${off}`);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[contentStart + i]!;
    contentStart += n;
  }
  const end = contentStart + len;
  if (end > limit) throw decodeError(`element at ${off} overruns its container`);
  return { tag, start: off, contentStart, end };
}

/** Reads an element that must carry `tag`. */
export function expectTlv(bytes: Uint8Array, off: number, tag: number, limit = bytes.length): Tlv {
  const tlv = readTlv(bytes, off, limit);
  if (tlv.tag !== tag) throw decodeError(`expected tag 0x${tag.toString(16)} at ${off}, got 0x${tlv.tag.toString(16)}`);
  return tlv;
}

/** The elements directly inside a constructed element. */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let off = parent.contentStart; off < parent.end; ) {
    const tlv = readTlv(bytes, off, parent.end);
    out.push(tlv);
    off = tlv.end;
  }
  return out;
}

export function content(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.contentStart, tlv.end);
}

export function whole(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

export function readOid(bytes: Uint8Array, tlv: Tlv): string {
  if (tlv.tag !== TAG.oid || tlv.end === tlv.contentStart) throw decodeError(`bad OID at ${tlv.start}`);
  const arcs: number[] = [];
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    const b = bytes[i]!;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) throw decodeError(`OID arc too large at ${tlv.start}`);
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  if (bytes[tlv.end - 1]! & 0x80) throw decodeError(`unterminated OID at ${tlv.start}`);
  return arcs.join('.');
}

/** Non-negative INTEGER that fits a JS number (pathLenConstraint). */
export function readSmallInt(bytes: Uint8Array, tlv: Tlv): number {
  if (tlv.tag !== TAG.integer || tlv.end === tlv.contentStart) throw decodeError(`bad INTEGER at ${tlv.start}`);
  if (bytes[tlv.contentStart]! & 0x80) throw decodeError(`negative INTEGER at ${tlv.start}`);
  let n = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) n = n * 256 + bytes[i]!;
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}

/** UTCTime or GeneralizedTime, whole seconds in UTC as RFC 5280 §4.1.2.5 requires. */
export function readTime(bytes: Uint8Array, tlv: Tlv): Date {
  const text = Buffer.from(content(bytes, tlv)).toString('latin1');
  const m =
    tlv.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : tlv.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text)
        : null;
  if (!m) throw decodeError(`bad time ${JSON.stringify(text)} at ${tlv.start}`);
  const [, y, mo, d, h, mi, s] = m;
  let year = Number(y);
  if (tlv.tag === TAG.utcTime) year += year >= 50 ? 1900 : 2000; // RFC 5280 §4.1.2.5.1
  const date = new Date(Date.UTC(2000, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
  date.setUTCFullYear(year, Number(mo) - 1, Number(d)); // Date.UTC maps years 0–99 to 1900–1999
  if (Number.isNaN(date.getTime())) throw decodeError(`bad time ${JSON.stringify(text)}`);
  return date;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
