// SVCB and HTTPS RDATA (RFC 9460 §2.2, types 64 and 65), which dns-packet cannot decode. The wire rules
// whose breach makes a client drop the record (§2.2, §2.4.3, §7) are decode errors; rules a client
// tolerates are listed by `svcbProblems`, so the evidence says which records browsers would use.
import { isIPv4, isIPv6 } from 'node:net';
import { concatBytes, u16be } from '../codec/bytes.js';
import { dnsReader } from '../dnssec/reader.js';
import { nameToString, nameToWire, parseName, readName } from '../dnssec/name.js';
import { DecodeError } from '../engine/errors.js';

/** SvcParamKeys (IANA "Service Parameter Keys" registry; dohpath from RFC 9461). */
export const SVC_KEYS = ['mandatory', 'alpn', 'no-default-alpn', 'port', 'ipv4hint', 'ech', 'ipv6hint', 'dohpath'] as const;
export type SvcKeyName = (typeof SVC_KEYS)[number];

export interface SvcParams {
  mandatory?: string[];
  alpn?: string[];
  noDefaultAlpn?: boolean;
  port?: number;
  ipv4hint?: string[];
  /** ECHConfigList, base64. */
  ech?: string;
  ipv6hint?: string[];
  dohpath?: string;
  /** Keys this codec does not know, as `key<N>` with the value in hex (RFC 9460 §2.1). */
  other?: Array<{ key: string; value: string }>;
}

export interface SvcbRecord {
  /** 0 is AliasMode (§2.4.2), anything else ServiceMode with that preference. */
  priority: number;
  /** Presentation form with the trailing dot; '.' means the owner name itself (ServiceMode) or "no service" (AliasMode). */
  target: string;
  params: SvcParams;
}

/** An unknown key's presentation name, or a known key's registered name. */
export function svcKeyName(key: number): string {
  return SVC_KEYS[key] ?? `key${key}`;
}

function svcKeyNumber(name: string): number {
  const known = (SVC_KEYS as readonly string[]).indexOf(name);
  if (known >= 0) return known;
  const m = /^key(\d{1,5})$/.exec(name);
  if (!m || Number(m[1]) > 0xffff) throw new DecodeError(`unknown SvcParamKey ${JSON.stringify(name)}`);
  return Number(m[1]);
}

/** Decodes one SVCB/HTTPS RDATA; DecodeError when a client must treat it as malformed. */
export function decodeSvcb(rdata: Uint8Array): SvcbRecord {
  const r = dnsReader(rdata);
  const priority = r.u16('SvcPriority');
  // §2.2: TargetName is never compressed, so no message is passed and a pointer is an error.
  const target = nameToString(readName(r));
  const params: SvcParams = {};
  const seen: number[] = [];
  while (r.remaining > 0) {
    const key = r.u16('SvcParamKey');
    if (seen.length > 0 && key <= seen[seen.length - 1]!) throw new DecodeError(`SvcParamKey ${key} after ${seen[seen.length - 1]}: keys must strictly increase (RFC 9460 §2.2)`);
    seen.push(key);
    const value = r.sub(2, `SvcParamValue ${svcKeyName(key)}`);
    decodeParam(key, value.rest(), params);
  }
  if (params.mandatory) {
    for (const name of params.mandatory) {
      if (!seen.includes(svcKeyNumber(name))) throw new DecodeError(`mandatory lists ${name}, which the record lacks (RFC 9460 §8)`);
    }
  }
  if (params.noDefaultAlpn && !params.alpn) throw new DecodeError('no-default-alpn without alpn (RFC 9460 §7.1.1)');
  return { priority, target, params };
}

function decodeParam(key: number, v: Uint8Array, params: SvcParams): void {
  const name = svcKeyName(key);
  switch (key) {
    case 0: {
      const keys = fixedItems(v, 2, name).map((b) => (b[0]! << 8) | b[1]!);
      if (keys.includes(0)) throw new DecodeError('mandatory lists itself (RFC 9460 §8)');
      if (keys.some((k, i) => i > 0 && k <= keys[i - 1]!)) throw new DecodeError('mandatory keys must be sorted and unique (RFC 9460 §8)');
      params.mandatory = keys.map(svcKeyName);
      return;
    }
    case 1:
      params.alpn = alpnIds(v);
      return;
    case 2:
      if (v.length !== 0) throw new DecodeError(`no-default-alpn has a ${v.length}-byte value, must be empty`);
      params.noDefaultAlpn = true;
      return;
    case 3:
      if (v.length !== 2) throw new DecodeError(`port value is ${v.length} bytes, must be 2`);
      params.port = (v[0]! << 8) | v[1]!;
      return;
    case 4:
      params.ipv4hint = fixedItems(v, 4, name).map((b) => b.join('.'));
      return;
    case 5:
      if (v.length === 0) throw new DecodeError('ech value is empty');
      params.ech = Buffer.from(v).toString('base64');
      return;
    case 6:
      params.ipv6hint = fixedItems(v, 16, name).map(ipv6Text);
      return;
    case 7:
      params.dohpath = utf8(v, name);
      return;
    default:
      (params.other ??= []).push({ key: name, value: Buffer.from(v).toString('hex') });
  }
}

/** A non-empty list of `size`-byte items (mandatory, ipv4hint, ipv6hint). */
function fixedItems(v: Uint8Array, size: number, name: string): Uint8Array[] {
  if (v.length === 0 || v.length % size !== 0) throw new DecodeError(`${name} value of ${v.length} bytes is not a non-empty list of ${size}-byte items`);
  const out: Uint8Array[] = [];
  for (let i = 0; i < v.length; i += size) out.push(v.subarray(i, i + size));
  return out;
}

/** §7.1.1: a non-empty list of non-empty, length-prefixed ALPN ids. */
function alpnIds(v: Uint8Array): string[] {
  const r = dnsReader(v);
  const ids: string[] = [];
  while (r.remaining > 0) ids.push(Buffer.from(r.vector(1, 'alpn-id', 1)).toString('latin1'));
  if (ids.length === 0) throw new DecodeError('alpn value is empty');
  return ids;
}

function utf8(v: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(v);
  } catch {
    throw new DecodeError(`${name} value is not UTF-8`);
  }
}

/** RFC 5952 text of a 16-byte IPv6 address, as ipv6hint values are shown. */
export function ipv6Text(b: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  // Compress the longest run of zero groups (RFC 5952 §4.2).
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}

/**
 * What RFC 9460 asks of a record that clients still use: AliasMode carries no SvcParams (§2.4.2), and
 * a dohpath is a relative URI template with a "dns" variable (RFC 9461 §5).
 */
export function svcbProblems(rec: SvcbRecord): string[] {
  const out: string[] = [];
  if (rec.priority === 0 && Object.keys(rec.params).length > 0) out.push('alias-with-params');
  if (rec.params.dohpath !== undefined && (!rec.params.dohpath.startsWith('/') || !rec.params.dohpath.includes('{?dns}'))) out.push('bad-dohpath');
  return out;
}

/** The wire form of a record (the lab and tests build theirs with it); keys go out sorted, as §2.2 requires. */
export function encodeSvcb(rec: SvcbRecord): Uint8Array {
  const parts: Array<[number, Uint8Array]> = [];
  const p = rec.params;
  if (p.mandatory) parts.push([0, concatBytes(p.mandatory.map((k) => u16be(svcKeyNumber(k))))]);
  if (p.alpn) parts.push([1, concatBytes(p.alpn.map((id) => concatBytes([Uint8Array.of(id.length), Buffer.from(id, 'latin1')])))]);
  if (p.noDefaultAlpn) parts.push([2, new Uint8Array(0)]);
  if (p.port !== undefined) parts.push([3, u16be(p.port)]);
  if (p.ipv4hint) parts.push([4, concatBytes(p.ipv4hint.map(ipv4Bytes))]);
  if (p.ech !== undefined) parts.push([5, Buffer.from(p.ech, 'base64')]);
  if (p.ipv6hint) parts.push([6, concatBytes(p.ipv6hint.map(ipv6Bytes))]);
  if (p.dohpath !== undefined) parts.push([7, Buffer.from(p.dohpath, 'utf8')]);
  for (const o of p.other ?? []) parts.push([svcKeyNumber(o.key), Buffer.from(o.value, 'hex')]);
  parts.sort((a, b) => a[0] - b[0]);
  return concatBytes([
    u16be(rec.priority),
    nameToWire(parseName(rec.target.endsWith('.') ? rec.target : `${rec.target}.`)),
    ...parts.flatMap(([key, value]) => [u16be(key), u16be(value.length), value]),
  ]);
}

function ipv4Bytes(text: string): Uint8Array {
  if (!isIPv4(text)) throw new DecodeError(`ipv4hint ${JSON.stringify(text)} is not an IPv4 address`);
  return Uint8Array.from(text.split('.').map(Number));
}

function ipv6Bytes(text: string): Uint8Array {
  if (!isIPv6(text) || text.includes('.')) throw new DecodeError(`ipv6hint ${JSON.stringify(text)} is not an IPv6 address`);
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return concatBytes(groups.map((g) => u16be(parseInt(g, 16))));
}
