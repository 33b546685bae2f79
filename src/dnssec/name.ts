// Domain names as label arrays on wire bytes (RFC 1035 §3.1), never as decoded strings: labels may hold
// any octet, and only ASCII A-Z is case-folded (RFC 4034 §6.2, RFC 4343).
import type { ByteReader } from '../codec/byte-reader.js';
import { compareBytes, concatBytes } from '../codec/bytes.js';
import { DecodeError } from '../engine/errors.js';
import { dnsReader } from './reader.js';

/** A domain name: its labels left to right, without the empty root label. The root is []. */
export type Name = readonly Uint8Array[];

const MAX_NAME_WIRE = 255;
const MAX_LABEL = 63;

/**
 * Reads a name at the reader's offset. With `message` set, compression pointers (RFC 1035 §4.1.4) are
 * followed inside it; every pointer must point strictly before the one that led to it, so a pointer
 * loop cannot hang the reader. Without `message`, a pointer is an error (RDATA names of RRSIG, NSEC...).
 * `r` itself is read only up to the end of the name or its first pointer, so it is left just past the
 * name's bytes in place; labels behind a pointer are read through a separate reader over `message`.
 */
export function readName(r: ByteReader, message?: Uint8Array): Name {
  const labels: Uint8Array[] = [];
  let wireLength = 1;
  let cursor = r;
  let limit = r.offset;
  for (;;) {
    const start = cursor.offset;
    const len = cursor.u8('name label length');
    if (len === 0) break;
    if ((len & 0xc0) === 0xc0) {
      if (!message) throw new DecodeError(`compression pointer at offset ${start} where none is allowed`);
      const target = ((len & 0x3f) << 8) | cursor.u8('name compression pointer');
      if (target >= Math.min(start, limit)) throw new DecodeError(`compression pointer at offset ${start} does not point backwards (to ${target})`);
      limit = target;
      cursor = dnsReader(message, target);
      continue;
    }
    if (len > MAX_LABEL) throw new DecodeError(`unsupported label type 0x${len.toString(16)} at offset ${start}`);
    wireLength += len + 1;
    if (wireLength > MAX_NAME_WIRE) throw new DecodeError(`name longer than ${MAX_NAME_WIRE} octets at offset ${start}`);
    labels.push(cursor.take(len, 'name label'));
  }
  return labels;
}

/** Uncompressed wire form; `lower` folds ASCII A-Z (the canonical form of RFC 4034 §6.2). */
export function nameToWire(name: Name, lower = false): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const label of name) parts.push(Uint8Array.of(label.length), lower ? lowerLabel(label) : label);
  parts.push(Uint8Array.of(0));
  return concatBytes(parts);
}

function lowerLabel(label: Uint8Array): Uint8Array {
  const out = Uint8Array.from(label);
  for (let i = 0; i < out.length; i++) if (out[i]! >= 0x41 && out[i]! <= 0x5a) out[i]! += 0x20;
  return out;
}

/** Canonical DNS name order (RFC 4034 §6.1): compare from the rightmost label, case-folded. */
export function compareNames(a: Name, b: Name): number {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const c = compareBytes(lowerLabel(a[a.length - i]!), lowerLabel(b[b.length - i]!));
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function namesEqual(a: Name, b: Name): boolean {
  return compareNames(a, b) === 0;
}

/** True when `name` is `zone` or below it. */
export function isAtOrBelow(name: Name, zone: Name): boolean {
  return name.length >= zone.length && namesEqual(name.slice(name.length - zone.length), zone);
}

export function isWildcard(name: Name): boolean {
  const first = name[0];
  return first !== undefined && first.length === 1 && first[0] === 0x2a;
}

/** The RRSIG Labels value of an owner name: labels without the root and a leading `*` (RFC 4034 §3.1.3). */
export function rrsigLabelCount(name: Name): number {
  return isWildcard(name) ? name.length - 1 : name.length;
}

const SPECIAL = new Set([0x2e, 0x5c, 0x22, 0x3b, 0x28, 0x29, 0x40, 0x24]); // . \ " ; ( ) @ $

/** Presentation form (RFC 1035 §5.1) with `\.`, `\\` and `\DDD` escapes, absolute (trailing dot). */
export function nameToString(name: Name): string {
  if (name.length === 0) return '.';
  return name.map(labelToString).join('.') + '.';
}

function labelToString(label: Uint8Array): string {
  let s = '';
  for (const c of label) {
    if (SPECIAL.has(c)) s += `\\${String.fromCharCode(c)}`;
    else if (c <= 0x20 || c >= 0x7f) s += `\\${c.toString().padStart(3, '0')}`;
    else s += String.fromCharCode(c);
  }
  return s;
}

/**
 * Parses a presentation-form name. A name without a trailing dot is relative to `origin`; without an
 * origin it is an error. `@` alone is the origin.
 */
export function parseName(text: string, origin?: Name): Name {
  if (text === '@' && origin) return origin;
  if (text === '.') return [];
  if (text === '') throw new DecodeError('empty domain name');
  const labels: Uint8Array[] = [];
  let cur: number[] = [];
  let absolute = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e) throw new DecodeError(`non-ASCII character in domain name ${JSON.stringify(text)}`);
    if (c === 0x5c) {
      const d = /^\d{3}/.exec(text.slice(i + 1, i + 4));
      if (d) {
        const v = Number(d[0]);
        if (v > 255) throw new DecodeError(`bad escape \\${d[0]} in domain name`);
        cur.push(v);
        i += 3;
      } else {
        if (i + 1 >= text.length) throw new DecodeError(`dangling backslash in domain name ${JSON.stringify(text)}`);
        cur.push(text.charCodeAt(++i));
      }
    } else if (c === 0x2e) {
      if (cur.length === 0) throw new DecodeError(`empty label in domain name ${JSON.stringify(text)}`);
      labels.push(Uint8Array.from(cur));
      cur = [];
      if (i === text.length - 1) absolute = true;
    } else cur.push(c);
    if (cur.length > MAX_LABEL) throw new DecodeError(`label longer than ${MAX_LABEL} octets in ${JSON.stringify(text)}`);
  }
  if (cur.length > 0) labels.push(Uint8Array.from(cur));
  if (!absolute) {
    if (!origin) throw new DecodeError(`relative domain name ${JSON.stringify(text)} without an origin`);
    labels.push(...origin);
  }
  if (nameToWire(labels).length > MAX_NAME_WIRE) throw new DecodeError(`domain name longer than ${MAX_NAME_WIRE} octets`);
  return labels;
}
