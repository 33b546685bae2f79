// A DNSSEC signer for the lab's zones (RFC 4034, RFC 4035 §2): keys from node:crypto, DNSKEY, an RRSIG
// over every authoritative RRset, an NSEC chain, and DS records for the parent. Faults for the lab's
// broken zones are options, so each broken zone differs from a good one in exactly one way.
import dnsPacket from 'dns-packet';
import { type KeyObject, generateKeyPairSync, sign } from 'node:crypto';
import { concatBytes, u16be, u32be } from '../codec/bytes.js';
import { signedData } from '../dnssec/canonical.js';
import { dsDigest } from '../dnssec/ds.js';
import { keyTag } from '../dnssec/key-tag.js';
import { type Name, compareNames, isAtOrBelow, nameToWire, namesEqual, parseName, rrsigLabelCount } from '../dnssec/name.js';
import { decodeRrsig, encodeTypeBitmap } from '../dnssec/rdata.js';
import { RR, typeName, typeNumber } from '../dnssec/rr-types.js';
import { base32hexEncode } from '../dnssec/base32hex.js';
import { nsec3Hash } from '../dnssec/nsec3-hash.js';
import { decodeMessage } from '../dnssec/wire.js';
import type { LabRecord, LabZone } from './zone.js';

/** The algorithms the lab signs with: RSASHA1 (5, deprecated), RSASHA256 (8), ECDSAP256SHA256 (13), ED25519 (15). */
export type LabAlgorithm = 5 | 8 | 13 | 15;

export interface LabKey {
  algorithm: LabAlgorithm;
  /** 257 for a KSK (SEP bit), 256 for a ZSK. */
  flags: 256 | 257;
  privateKey: KeyObject;
  /** The DNSKEY RDATA. */
  dnskey: Uint8Array;
  tag: number;
}

export interface SignOptions {
  /** KSKs sign the DNSKEY RRset; ZSKs the rest. A single key (a CSK) signs everything. */
  keys: LabKey[];
  inception: Date;
  expiration: Date;
  /** Owner names whose RRsets (other than NSEC) are left without RRSIG: the "missing RRSIG" fault. */
  unsignedNames?: string[];
  /** Deny with an NSEC3 chain (RFC 5155 §7.1) instead of NSEC; opt-out leaves unsigned delegations out. */
  nsec3?: Nsec3Options;
}

export interface Nsec3Options {
  iterations: number;
  salt: Uint8Array;
  optOut: boolean;
}

const RSA_BITS = 2048;

const b64 = (s: string | undefined): Uint8Array => Buffer.from(s ?? '', 'base64url');

export function createLabKey(algorithm: LabAlgorithm, flags: 256 | 257): LabKey {
  const { privateKey, publicKey } =
    algorithm === 13
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : algorithm === 15
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('rsa', { modulusLength: RSA_BITS, publicExponent: 0x10001 });
  const jwk = publicKey.export({ format: 'jwk' });
  let material: Uint8Array;
  if (algorithm === 13) material = concatBytes([b64(jwk.x), b64(jwk.y)]);
  else if (algorithm === 15) material = b64(jwk.x);
  else {
    const e = b64(jwk.e);
    material = concatBytes([Uint8Array.of(e.length), e, b64(jwk.n)]); // RFC 3110 §2
  }
  const dnskey = concatBytes([u16be(flags), Uint8Array.of(3, algorithm), material]);
  return { algorithm, flags, privateKey, dnskey, tag: keyTag(dnskey) };
}

/** A DS record (SHA-256, RFC 4509) for `key` of zone `child`, as the parent publishes it. */
export function dsRecord(child: string, key: LabKey): LabRecord {
  const digest = dsDigest(labName(child), key.dnskey, 2)!;
  return { name: child, type: 'DS', data: null, rdata: concatBytes([u16be(key.tag), Uint8Array.of(key.algorithm, 2), digest]) };
}

/** The DS record text for a trust-anchor file. */
export function dsPresentation(owner: string, key: LabKey): string {
  const digest = dsDigest(labName(owner), key.dnskey, 2)!;
  return `${owner === '.' ? '.' : `${owner}.`} IN DS ${key.tag} ${key.algorithm} 2 ${Buffer.from(digest).toString('hex').toUpperCase()}`;
}

export function labName(text: string): Name {
  return text === '.' || text === '' ? [] : parseName(text.endsWith('.') ? text : `${text}.`);
}

interface Rrset {
  owner: Name;
  name: string;
  type: number;
  ttl: number;
  rdatas: Uint8Array[];
}

/** Returns the zone with DNSKEY, NSEC and RRSIG records added; the input is not changed. */
export function signZone(zone: LabZone, opts: SignOptions): LabZone {
  const apex = labName(zone.origin);
  const soaMinimum = 300;
  const keyRecords: LabRecord[] = opts.keys.map((k) => ({ name: zone.origin, type: 'DNSKEY', ttl: 3600, data: null, rdata: k.dnskey }));
  const records = [...zone.records, ...keyRecords, ...(opts.nsec3 ? [nsec3ParamRecord(zone.origin, opts.nsec3)] : [])];
  const cuts = records.filter((r) => r.type.toUpperCase() === 'NS' && !namesEqual(labName(r.name), apex)).map((r) => labName(r.name));
  const occluded = (n: Name): boolean => cuts.some((c) => isAtOrBelow(n, c) && !namesEqual(n, c));
  const atCut = (n: Name): boolean => cuts.some((c) => namesEqual(n, c));
  const sets = groupRrsets(records.filter((r) => !occluded(labName(r.name))));
  const owners = new Map<string, Owner>();
  for (const s of sets) {
    const o = owners.get(s.name) ?? { owner: s.owner, types: new Set<number>() };
    o.types.add(s.type);
    owners.set(s.name, o);
  }
  const nsecs = opts.nsec3 ? nsec3Chain(apex, [...owners.values()], soaMinimum, opts.nsec3) : nsecChain([...owners.values()], soaMinimum);
  const unsigned = new Set((opts.unsignedNames ?? []).map((n) => nameKey(labName(n))));
  const ksks = opts.keys.filter((k) => k.flags === 257);
  const zsks = opts.keys.filter((k) => k.flags === 256);
  const out: LabRecord[] = [...records, ...nsecs.map((s) => ({ name: s.name, type: typeName(s.type), ttl: s.ttl, data: null, rdata: s.rdatas[0]! }))];
  const denial = (t: number): boolean => t === RR.NSEC || t === RR.NSEC3;
  for (const set of [...sets, ...nsecs]) {
    if (atCut(set.owner) && set.type !== RR.DS && !denial(set.type)) continue; // delegation NS is not signed
    if (unsigned.has(set.name) && !denial(set.type)) continue;
    const signers = set.type === RR.DNSKEY && ksks.length > 0 ? ksks : zsks.length > 0 ? zsks : opts.keys;
    for (const key of signers) out.push({ name: set.name, type: 'RRSIG', ttl: set.ttl, data: null, rdata: signRrset(set, apex, key, opts) });
  }
  return { ...zone, records: out };
}

interface Owner {
  owner: Name;
  types: Set<number>;
}

function nsecChain(owners: Owner[], ttl: number): Rrset[] {
  const ordered = owners.sort((a, b) => compareNames(a.owner, b.owner));
  return ordered.map((o, i) => {
    const next = ordered[(i + 1) % ordered.length]!.owner;
    const types = [...o.types, RR.NSEC, RR.RRSIG];
    return { owner: o.owner, name: nameKey(o.owner), type: RR.NSEC, ttl, rdatas: [concatBytes([nameToWire(next, true), encodeTypeBitmap(types)])] };
  });
}

/**
 * RFC 5155 §7.1: one NSEC3 per owner and per empty non-terminal, ordered by hash. With opt-out, a
 * delegation without DS gets none: the opt-out span over its hash proves it insecure.
 */
function nsec3Chain(apex: Name, owners: Owner[], ttl: number, p: Nsec3Options): Rrset[] {
  const unsignedCut = (o: Owner): boolean => o.types.has(RR.NS) && !o.types.has(RR.SOA) && !o.types.has(RR.DS);
  const kept = owners.filter((o) => !(p.optOut && unsignedCut(o)));
  const all = new Map(kept.map((o) => [nameKey(o.owner), o]));
  for (const o of kept) {
    for (let i = 1; i < o.owner.length - apex.length; i++) {
      const ent = o.owner.slice(i);
      if (!all.has(nameKey(ent))) all.set(nameKey(ent), { owner: ent, types: new Set() });
    }
  }
  const hashed = [...all.values()].map((o) => ({ o, hash: nsec3Hash(o.owner, p.salt, p.iterations)! })).sort((a, b) => Buffer.compare(a.hash, b.hash));
  const head = concatBytes([Uint8Array.of(1, p.optOut ? 1 : 0), u16be(p.iterations), Uint8Array.of(p.salt.length), p.salt]);
  return hashed.map(({ o, hash }, i) => {
    const next = hashed[(i + 1) % hashed.length]!.hash;
    const types = o.types.size === 0 || unsignedCut(o) ? [...o.types] : [...o.types, RR.RRSIG];
    const owner = [Buffer.from(base32hexEncode(hash), 'latin1'), ...apex];
    return { owner, name: nameKey(owner), type: RR.NSEC3, ttl, rdatas: [concatBytes([head, Uint8Array.of(next.length), next, encodeTypeBitmap(types)])] };
  });
}

/** The NSEC3PARAM record the apex publishes for `p` (flags 0, RFC 5155 §4.1.2). */
function nsec3ParamRecord(origin: string, p: Nsec3Options): LabRecord {
  return { name: origin, type: 'NSEC3PARAM', ttl: 0, data: null, rdata: concatBytes([Uint8Array.of(1, 0), u16be(p.iterations), Uint8Array.of(p.salt.length), p.salt]) };
}

function nameKey(name: Name): string {
  return name.length === 0 ? '.' : name.map((l) => Buffer.from(l).toString('latin1').toLowerCase()).join('.');
}

/** Groups records into RRsets with their wire RDATA, as the server will send them. */
function groupRrsets(records: LabRecord[]): Rrset[] {
  const sets = new Map<string, Rrset>();
  for (const r of records) {
    const owner = labName(r.name);
    const type = typeNumber(r.type);
    const key = `${nameKey(owner)}/${type}`;
    const set = sets.get(key) ?? { owner, name: nameKey(owner), type, ttl: r.ttl ?? 300, rdatas: [] };
    set.rdatas.push(r.rdata ?? wireRdata(r));
    sets.set(key, set);
  }
  return [...sets.values()];
}

/** The RDATA dns-packet will put on the wire for a record given in its `data` format. */
function wireRdata(r: LabRecord): Uint8Array {
  const wire = dnsPacket.encode({ type: 'response', answers: [{ name: r.name, type: r.type, class: 'IN', ttl: 0, data: r.data } as dnsPacket.Answer] });
  return decodeMessage(wire).answer[0]!.rdata;
}

function signRrset(set: Rrset, signer: Name, key: LabKey, opts: SignOptions): Uint8Array {
  const seconds = (d: Date): number => Math.floor(d.getTime() / 1000) >>> 0;
  const prefix = concatBytes([
    u16be(set.type),
    Uint8Array.of(key.algorithm, rrsigLabelCount(set.owner)),
    u32be(set.ttl),
    u32be(seconds(opts.expiration)),
    u32be(seconds(opts.inception)),
    u16be(key.tag),
    nameToWire(signer, true),
  ]);
  const data = signedData(decodeRrsig(prefix), { owner: set.owner, type: set.type, class: 1, rdatas: set.rdatas });
  const hash = key.algorithm === 15 ? null : key.algorithm === 5 ? 'sha1' : 'sha256';
  const signature = sign(hash, data, key.algorithm === 13 ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' } : key.privateKey);
  return concatBytes([prefix, signature]);
}
