// Master-file presentation format (RFC 1035 §5.1, RFC 3597 §5) to wire RDATA, for trust-anchor files
// and test vectors. Owner names must be absolute unless $ORIGIN is set; TTLs are plain seconds.
import { concatBytes, u16be, u32be } from '../codec/bytes.js';
import { DecodeError } from '../engine/errors.js';
import { algorithmNumber } from './algorithms.js';
import { base32hexDecode } from './base32hex.js';
import { type Name, nameToWire, parseName } from './name.js';
import { encodeTypeBitmap } from './rdata.js';
import { typeNumber } from './rr-types.js';
import type { WireRr } from './wire.js';

interface Token {
  text: string;
  quoted: boolean;
}

const CLASSES: Record<string, number> = { IN: 1, CH: 3, HS: 4 };

/** Parses every record of a master-file text; directives $ORIGIN and $TTL are honoured. */
export function parseRecords(text: string): WireRr[] {
  const out: WireRr[] = [];
  let origin: Name | undefined;
  let defaultTtl: number | undefined;
  let lastOwner: Name | undefined;
  for (const { tokens, indented, line } of logicalLines(text)) {
    try {
      const head = tokens[0]!.text;
      if (!tokens[0]!.quoted && head.toUpperCase() === '$ORIGIN') origin = parseName(field(tokens, 1, 'origin'));
      else if (!tokens[0]!.quoted && head.toUpperCase() === '$TTL') defaultTtl = parseU32(field(tokens, 1, 'TTL'), 'TTL');
      else if (head.startsWith('$')) throw new DecodeError(`unsupported directive ${head}`);
      else {
        const rr = parseRecordTokens(indented ? tokens : tokens.slice(1), indented ? lastOwner : parseName(head, origin), origin, defaultTtl);
        lastOwner = rr.owner;
        out.push(rr);
      }
    } catch (err) {
      if (err instanceof DecodeError) throw new DecodeError(`line ${line}: ${err.message}`);
      throw err;
    }
  }
  return out;
}

/** Parses one single-line record. */
export function parseRecord(text: string): WireRr {
  const records = parseRecords(text);
  if (records.length !== 1) throw new DecodeError(`expected one record, found ${records.length}`);
  return records[0]!;
}

function parseRecordTokens(tokens: Token[], owner: Name | undefined, origin: Name | undefined, defaultTtl: number | undefined): WireRr {
  if (!owner) throw new DecodeError('record without an owner name');
  let i = 0;
  let ttl: number | undefined;
  let klass: number | undefined;
  for (; i < 2 && i < tokens.length; i++) {
    const t = tokens[i]!.text.toUpperCase();
    if (ttl === undefined && /^\d+$/.test(t)) ttl = parseU32(t, 'TTL');
    else if (klass === undefined && (CLASSES[t] !== undefined || /^CLASS\d+$/.test(t))) klass = CLASSES[t] ?? parseU16(t.slice(5), 'class');
    else break;
  }
  const type = typeNumber(field(tokens, i, 'type'));
  const rdata = encodeRdata(type, tokens.slice(i + 1), origin);
  return { owner, type, class: klass ?? 1, ttl: ttl ?? defaultTtl ?? 0, rdata };
}

function encodeRdata(type: number, t: Token[], origin: Name | undefined): Uint8Array {
  if (t[0]?.text === '\\#' && !t[0].quoted) {
    const len = parseU16(field(t, 1, 'RDATA length'), 'RDATA length');
    const data = hex(t.slice(2).map((x) => x.text).join(''));
    if (data.length !== len) throw new DecodeError(`generic RDATA length ${len} does not match ${data.length} octets`);
    return data;
  }
  const name = (k: number): Uint8Array => nameToWire(parseName(field(t, k, 'name'), origin));
  const n8 = (k: number, what: string): Uint8Array => Uint8Array.of(parseNumber(field(t, k, what), what, 0xff));
  const n16 = (k: number, what: string): Uint8Array => u16be(parseU16(field(t, k, what), what));
  const n32 = (k: number, what: string): Uint8Array => u32be(parseU32(field(t, k, what), what));
  const alg = (k: number): Uint8Array => {
    const n = algorithmNumber(field(t, k, 'algorithm'));
    if (n === undefined) throw new DecodeError(`bad algorithm ${JSON.stringify(t[k]!.text)}`);
    return Uint8Array.of(n);
  };
  const exact = (n: number): void => {
    if (t.length !== n) throw new DecodeError(`expected ${n} RDATA fields, found ${t.length}`);
  };
  const restText = (k: number, what: string): string => {
    if (t.length <= k) throw new DecodeError(`missing ${what}`);
    return t.slice(k).map((x) => x.text).join('');
  };
  switch (type) {
    case 1: // A
      exact(1);
      return ipv4(field(t, 0, 'address'));
    case 28: // AAAA
      exact(1);
      return ipv6(field(t, 0, 'address'));
    case 2: case 3: case 4: case 5: case 7: case 8: case 9: case 12: case 39: // NS MD MF CNAME MB MG MR PTR DNAME
      exact(1);
      return name(0);
    case 6: // SOA
      exact(7);
      return concatBytes([name(0), name(1), n32(2, 'serial'), n32(3, 'refresh'), n32(4, 'retry'), n32(5, 'expire'), n32(6, 'minimum')]);
    case 14: case 17: // MINFO RP
      exact(2);
      return concatBytes([name(0), name(1)]);
    case 15: case 18: case 21: case 36: // MX AFSDB RT KX
      exact(2);
      return concatBytes([n16(0, 'preference'), name(1)]);
    case 13: // HINFO
      exact(2);
      return concatBytes(t.map(characterString));
    case 16: case 99: // TXT SPF
      if (t.length === 0) throw new DecodeError('TXT without strings');
      return concatBytes(t.map(characterString));
    case 33: // SRV
      exact(4);
      return concatBytes([n16(0, 'priority'), n16(1, 'weight'), n16(2, 'port'), name(3)]);
    case 35: // NAPTR
      exact(6);
      return concatBytes([n16(0, 'order'), n16(1, 'preference'), characterString(t[2]!), characterString(t[3]!), characterString(t[4]!), name(5)]);
    case 43: case 59: // DS CDS
      return concatBytes([n16(0, 'key tag'), alg(1), n8(2, 'digest type'), hex(restText(3, 'digest'))]);
    case 48: case 60: // DNSKEY CDNSKEY
      return concatBytes([n16(0, 'flags'), n8(1, 'protocol'), alg(2), base64(restText(3, 'public key'))]);
    case 46: // RRSIG
      return concatBytes([
        u16be(typeNumber(field(t, 0, 'type covered'))), alg(1), n8(2, 'labels'), n32(3, 'original TTL'),
        u32be(parseTime(field(t, 4, 'expiration'))), u32be(parseTime(field(t, 5, 'inception'))), n16(6, 'key tag'), name(7),
        base64(restText(8, 'signature')),
      ]);
    case 47: // NSEC
      return concatBytes([name(0), typeBitmap(t.slice(1))]);
    case 50: { // NSEC3
      const next = base32hexDecode(field(t, 4, 'next hashed owner'));
      return concatBytes([n8(0, 'hash algorithm'), n8(1, 'flags'), n16(2, 'iterations'), salt(field(t, 3, 'salt')), Uint8Array.of(next.length), next, typeBitmap(t.slice(5))]);
    }
    case 51: // NSEC3PARAM
      exact(4);
      return concatBytes([n8(0, 'hash algorithm'), n8(1, 'flags'), n16(2, 'iterations'), salt(field(t, 3, 'salt'))]);
    case 52: case 53: // TLSA SMIMEA
      return concatBytes([n8(0, 'usage'), n8(1, 'selector'), n8(2, 'matching type'), hex(restText(3, 'data'))]);
    default:
      throw new DecodeError(`no presentation parser for type ${type}; use the generic \\# form`);
  }
}

function typeBitmap(t: Token[]): Uint8Array {
  return encodeTypeBitmap(t.map((x) => typeNumber(x.text)));
}

function salt(text: string): Uint8Array {
  const bytes = text === '-' ? new Uint8Array(0) : hex(text);
  if (bytes.length > 255) throw new DecodeError('NSEC3 salt longer than 255 octets');
  return concatBytes([Uint8Array.of(bytes.length), bytes]);
}

/** RRSIG times: YYYYMMDDHHmmSS (UTC, modulo 2^32) or a decimal number of seconds (RFC 4034 §3.2). */
export function parseTime(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return parseU32(text, 'time');
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) throw new DecodeError(`bad time ${text}`);
  return (ms / 1000) % 2 ** 32 >>> 0;
}

function characterString(tok: Token): Uint8Array {
  const bytes: number[] = [];
  const s = tok.text;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      const d = /^\d{3}/.exec(s.slice(i + 1, i + 4));
      if (d) {
        if (Number(d[0]) > 255) throw new DecodeError(`bad escape \\${d[0]}`);
        bytes.push(Number(d[0]));
        i += 3;
      } else if (i + 1 < s.length) bytes.push(s.charCodeAt(++i));
      else throw new DecodeError('dangling backslash');
    } else {
      const c = s.charCodeAt(i);
      if (c > 0x7e) throw new DecodeError('non-ASCII character in a character-string');
      bytes.push(c);
    }
  }
  if (bytes.length > 255) throw new DecodeError('character-string longer than 255 octets');
  return Uint8Array.from([bytes.length, ...bytes]);
}

function field(t: Token[], i: number, what: string): string {
  const tok = t[i];
  if (!tok) throw new DecodeError(`missing ${what}`);
  return tok.text;
}

function parseNumber(text: string, what: string, max: number): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > max) throw new DecodeError(`bad ${what} ${JSON.stringify(text)}`);
  return Number(text);
}

function parseU16(text: string, what: string): number {
  return parseNumber(text, what, 0xffff);
}

function parseU32(text: string, what: string): number {
  return parseNumber(text, what, 0xffffffff);
}

export function hex(text: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})*$/.test(text)) throw new DecodeError('bad hexadecimal data');
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

export function base64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new DecodeError('bad base64 data');
  return Uint8Array.from(Buffer.from(text, 'base64'));
}

function ipv4(text: string): Uint8Array {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) throw new DecodeError(`bad IPv4 address ${JSON.stringify(text)}`);
  return Uint8Array.from(parts.map(Number));
}

function ipv6(text: string): Uint8Array {
  let s = text;
  let tail: number[] = [];
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const b = ipv4(v4[2]!);
    tail = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!];
    s = v4[1]!.endsWith('::') ? v4[1]! : v4[1]!.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) throw new DecodeError(`bad IPv6 address ${JSON.stringify(text)}`);
  const groups = (h: string | undefined): number[] => (h ? h.split(':').map((g) => {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw new DecodeError(`bad IPv6 address ${JSON.stringify(text)}`);
    return parseInt(g, 16);
  }) : []);
  const head = groups(halves[0]);
  const rest = [...groups(halves[1]), ...tail];
  const fill = 8 - head.length - rest.length;
  if ((halves.length === 2 ? fill < 1 : fill !== 0)) throw new DecodeError(`bad IPv6 address ${JSON.stringify(text)}`);
  const all = [...head, ...new Array<number>(fill).fill(0), ...rest];
  return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}

/** Splits master-file text into logical lines of tokens: `;` comments, `( )` grouping, quotes. */
function* logicalLines(text: string): Generator<{ tokens: Token[]; indented: boolean; line: number }> {
  let tokens: Token[] = [];
  let depth = 0;
  let indented = text[0] === ' ' || text[0] === '\t';
  let line = 1;
  let startLine = 1;
  let i = 0;
  const flush = function* (): Generator<{ tokens: Token[]; indented: boolean; line: number }> {
    if (tokens.length > 0) yield { tokens, indented, line: startLine };
    tokens = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      if (depth === 0) {
        yield* flush();
        indented = text[i] === ' ' || text[i] === '\t';
        startLine = line;
      }
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === ';') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '(') depth++, i++;
    else if (c === ')') {
      if (depth === 0) throw new DecodeError(`line ${line}: unbalanced ")"`);
      depth--, i++;
    } else if (c === '"') {
      let s = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\n') throw new DecodeError(`line ${line}: unterminated quoted string`);
        if (text[i] === '\\' && i + 1 < text.length) s += text[i++];
        s += text[i++];
      }
      if (i >= text.length) throw new DecodeError(`line ${line}: unterminated quoted string`);
      i++;
      if (tokens.length === 0) startLine = line;
      tokens.push({ text: s, quoted: true });
    } else {
      let s = '';
      while (i < text.length && !' \t\r\n;()"'.includes(text[i]!)) {
        if (text[i] === '\\' && i + 1 < text.length) s += text[i++];
        s += text[i++];
      }
      if (tokens.length === 0) startLine = line;
      tokens.push({ text: s, quoted: false });
    }
  }
  if (depth !== 0) throw new DecodeError(`line ${line}: unbalanced "("`);
  yield* flush();
}
