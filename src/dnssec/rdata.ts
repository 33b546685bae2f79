// Decoders for the DNSSEC RDATA types (RFC 4034 §2-§4, RFC 5155 §3-§4) from standalone RDATA bytes.
import type { ByteReader } from '../codec/byte-reader.js';
import { concatBytes } from '../codec/bytes.js';
import { DecodeError } from '../engine/errors.js';
import { type Name, readName } from './name.js';
import { dnsReader } from './reader.js';

export interface Dnskey {
  flags: number;
  protocol: number;
  algorithm: number;
  publicKey: Uint8Array;
}

export interface Ds {
  keyTag: number;
  algorithm: number;
  digestType: number;
  digest: Uint8Array;
}

export interface Rrsig {
  typeCovered: number;
  algorithm: number;
  labels: number;
  originalTtl: number;
  expiration: number;
  inception: number;
  keyTag: number;
  signerName: Name;
  signature: Uint8Array;
  /** The RDATA up to (without) the signature: the first part of the signed data (RFC 4034 §3.1.8.1). */
  signedPrefix: Uint8Array;
}

export interface Nsec {
  nextName: Name;
  types: number[];
}

export interface Nsec3Param {
  hashAlgorithm: number;
  flags: number;
  iterations: number;
  salt: Uint8Array;
}

export interface Nsec3 extends Nsec3Param {
  nextHashedOwner: Uint8Array;
  types: number[];
}

/** DNSKEY flag bits (RFC 4034 §2.1.1, RFC 5011 §3). */
export const DNSKEY_ZONE = 0x0100;
export const DNSKEY_REVOKE = 0x0080;

export function decodeDnskey(rdata: Uint8Array): Dnskey {
  const r = dnsReader(rdata);
  const flags = r.u16('DNSKEY flags');
  const protocol = r.u8('DNSKEY protocol');
  const algorithm = r.u8('DNSKEY algorithm');
  return { flags, protocol, algorithm, publicKey: r.rest() };
}

export function decodeDs(rdata: Uint8Array): Ds {
  const r = dnsReader(rdata);
  return { keyTag: r.u16('DS key tag'), algorithm: r.u8('DS algorithm'), digestType: r.u8('DS digest type'), digest: r.rest() };
}

export function decodeRrsig(rdata: Uint8Array): Rrsig {
  const r = dnsReader(rdata);
  const typeCovered = r.u16('RRSIG type covered');
  const algorithm = r.u8('RRSIG algorithm');
  const labels = r.u8('RRSIG labels');
  const originalTtl = r.u32('RRSIG original TTL');
  const expiration = r.u32('RRSIG expiration');
  const inception = r.u32('RRSIG inception');
  const keyTag = r.u16('RRSIG key tag');
  const signerName = readName(r);
  const signedPrefix = rdata.subarray(0, r.offset);
  return { typeCovered, algorithm, labels, originalTtl, expiration, inception, keyTag, signerName, signature: r.rest(), signedPrefix };
}

export function decodeNsec(rdata: Uint8Array): Nsec {
  const r = dnsReader(rdata);
  const nextName = readName(r);
  return { nextName, types: decodeTypeBitmap(r.rest()) };
}

export function decodeNsec3Param(rdata: Uint8Array): Nsec3Param {
  const r = dnsReader(rdata);
  const p = readNsec3Param(r, 'NSEC3PARAM');
  if (r.remaining !== 0) throw new DecodeError(`NSEC3PARAM has ${r.remaining} trailing bytes`);
  return p;
}

export function decodeNsec3(rdata: Uint8Array): Nsec3 {
  const r = dnsReader(rdata);
  const p = readNsec3Param(r, 'NSEC3');
  const hashLength = r.u8('NSEC3 hash length');
  if (hashLength === 0) throw new DecodeError('NSEC3 next hashed owner name is empty');
  const nextHashedOwner = r.take(hashLength, 'NSEC3 next hashed owner name');
  return { ...p, nextHashedOwner, types: decodeTypeBitmap(r.rest()) };
}

function readNsec3Param(r: ByteReader, what: string): Nsec3Param {
  const hashAlgorithm = r.u8(`${what} hash algorithm`);
  const flags = r.u8(`${what} flags`);
  const iterations = r.u16(`${what} iterations`);
  const saltLength = r.u8(`${what} salt length`);
  return { hashAlgorithm, flags, iterations, salt: r.take(saltLength, `${what} salt`) };
}

/**
 * Type bit maps (RFC 4034 §4.1.2): windows in increasing order, 1-32 octets each, no trailing zero
 * octet. Returns the types in increasing order.
 */
export function decodeTypeBitmap(bytes: Uint8Array): number[] {
  const r = dnsReader(bytes);
  const types: number[] = [];
  let lastWindow = -1;
  while (r.remaining > 0) {
    const window = r.u8('type bitmap window');
    const len = r.u8('type bitmap length');
    if (window <= lastWindow) throw new DecodeError(`type bitmap window ${window} out of order`);
    if (len < 1 || len > 32) throw new DecodeError(`type bitmap window ${window} has length ${len}`);
    const map = r.take(len, 'type bitmap');
    if (map[len - 1] === 0) throw new DecodeError(`type bitmap window ${window} ends with a zero octet`);
    for (let i = 0; i < len; i++) for (let bit = 0; bit < 8; bit++) if (map[i]! & (0x80 >> bit)) types.push(window * 256 + i * 8 + bit);
    lastWindow = window;
  }
  return types;
}

export function encodeTypeBitmap(types: readonly number[]): Uint8Array {
  const windows = new Map<number, Uint8Array>();
  for (const t of types) {
    const w = t >> 8;
    const map = windows.get(w) ?? new Uint8Array(32);
    map[(t & 0xff) >> 3]! |= 0x80 >> (t & 7);
    windows.set(w, map);
  }
  const parts: Uint8Array[] = [];
  for (const w of [...windows.keys()].sort((a, b) => a - b)) {
    const map = windows.get(w)!;
    let len = 32;
    while (map[len - 1] === 0) len--;
    parts.push(Uint8Array.of(w, len), map.subarray(0, len));
  }
  return concatBytes(parts);
}
