// A bounds-checked reader for DNS messages (RFC 1035 §4.1) that keeps names and RDATA as bytes.
import type { ByteReader } from '../codec/byte-reader.js';
import { DecodeError } from '../engine/errors.js';
import { type Name, readName } from './name.js';
import { rewriteRdataNames } from './rdata-names.js';
import { dnsReader } from './reader.js';

export interface WireRr {
  owner: Name;
  type: number;
  class: number;
  ttl: number;
  /** RDATA with any compressed names expanded, so it stands alone outside the message. */
  rdata: Uint8Array;
}

export interface WireQuestion {
  name: Name;
  type: number;
  class: number;
}

export interface WireMessage {
  id: number;
  /** The 16-bit flags word: QR, opcode, AA, TC, RD, RA, Z, AD, CD and RCODE. */
  flags: number;
  question: WireQuestion[];
  answer: WireRr[];
  authority: WireRr[];
  additional: WireRr[];
}

/** Decodes a whole message; any truncation, bad pointer or trailing garbage throws DecodeError. */
export function decodeMessage(bytes: Uint8Array): WireMessage {
  const r = dnsReader(bytes);
  const id = r.u16('header id');
  const flags = r.u16('header flags');
  const counts = [r.u16('QDCOUNT'), r.u16('ANCOUNT'), r.u16('NSCOUNT'), r.u16('ARCOUNT')] as const;
  const question: WireQuestion[] = [];
  for (let i = 0; i < counts[0]; i++) question.push({ name: readName(r, bytes), type: r.u16('QTYPE'), class: r.u16('QCLASS') });
  const section = (n: number): WireRr[] => {
    const out: WireRr[] = [];
    for (let i = 0; i < n; i++) out.push(readRr(r, bytes));
    return out;
  };
  const answer = section(counts[1]);
  const authority = section(counts[2]);
  const additional = section(counts[3]);
  if (r.remaining !== 0) throw new DecodeError(`${r.remaining} trailing bytes after the message`);
  return { id, flags, question, answer, authority, additional };
}

/** Reads one resource record at the reader's offset; `message` resolves compression pointers. */
export function readRr(r: ByteReader, message?: Uint8Array): WireRr {
  const owner = readName(r, message);
  const type = r.u16('RR type');
  const klass = r.u16('RR class');
  const ttl = r.u32('RR TTL');
  const rdlength = r.u16('RDLENGTH');
  const rd = r.slice(rdlength, 'RDATA');
  const rdata = rewriteRdataNames(type, rd, message ? { message, lower: false } : { lower: false });
  return { owner, type, class: klass, ttl, rdata };
}

