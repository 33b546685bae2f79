import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base32hexDecode } from '../../src/dnssec/base32hex.js';
import { matchDs } from '../../src/dnssec/ds.js';
import { parseName } from '../../src/dnssec/name.js';
import { nsec3HashLabel } from '../../src/dnssec/nsec3-hash.js';
import { hex, parseRecord } from '../../src/dnssec/presentation.js';
import { decodeDnskey, decodeDs } from '../../src/dnssec/rdata.js';
import { verifyRrset } from '../../src/dnssec/verify-rrsig.js';
import { corpusTime, dnskeysOf, groupRrsets, readCorpus } from './corpus.js';

interface SignatureFile {
  file: string;
  validation_time: string;
  dnskey_rrset: string[];
  cases: Array<{ owner: string; type: string; rrset: string[]; rrsigs: string[]; expected: 'secure' | 'bogus' }>;
}
interface DsNsec3 {
  ds_match: Array<{ file: string; ds: string; dnskey: string[]; expected_match: boolean }>;
  nsec3_hash: Array<{ name: string; hash_algorithm: number; iterations: number; salt_hex: string; expected_hash_base32hex: string }>;
}
interface KnownDifference {
  file: string;
  owner: string;
  type: string;
  expected: string;
  encscan: string;
  reason: string;
}

const signatures = readCorpus<{ files: SignatureFile[] }>('unbound-dnssec', 'signatures.json');
const dsNsec3 = readCorpus<DsNsec3>('unbound-dnssec', 'ds_nsec3.json');
const known = JSON.parse(readFileSync(join(import.meta.dirname, 'unbound-known-differences.json'), 'utf8')) as { differences: KnownDifference[] };

/**
 * Unbound's unit-test rule (testcode/unitverify.c): every algorithm of the DNSKEY RRset must have a
 * valid RRSIG, in legacy mode so its DSA vectors are checked too.
 */
function verdict(file: SignatureFile, c: SignatureFile['cases'][number]): string {
  const keys = dnskeysOf(groupRrsets(file.dnskey_rrset));
  const set = groupRrsets([...c.rrset, ...c.rrsigs]).find((s) => s.rrset.rdatas.length > 0)!;
  const requireAlgorithms = keys.map((k) => decodeDnskey(k.rdata).algorithm);
  const result = verifyRrset(set.rrset, set.rrsigs, keys, { now: corpusTime(file.validation_time), legacyAlgorithms: true, requireAlgorithms });
  return result.status;
}

describe('Unbound RRSIG unit vectors (signatures.json)', () => {
  const cases = signatures.files.flatMap((f) => f.cases.map((c) => ({ f, c, got: verdict(f, c) })));
  const keyOf = (f: string, owner: string, type: string): string => `${f} ${owner} ${type}`;
  const listed = new Map(known.differences.map((d) => [keyOf(d.file, d.owner, d.type), d]));
  it('matches every applicable vector; every listed difference still differs as listed', () => {
    const unexpected: string[] = [];
    let applicable = 0;
    let pass = 0;
    for (const { f, c, got } of cases) {
      const diff = listed.get(keyOf(f.file, c.owner, c.type));
      if (diff) {
        if (got !== diff.encscan || c.expected !== diff.expected) unexpected.push(`${keyOf(f.file, c.owner, c.type)}: listed as ${diff.encscan}, got ${got}`);
        continue;
      }
      applicable++;
      if ((got === 'secure') === (c.expected === 'secure')) pass++;
      else unexpected.push(`${keyOf(f.file, c.owner, c.type)}: expected ${c.expected}, got ${got}`);
    }
    console.log(`unbound rrsig vectors: ${pass}/${applicable} applicable pass (${cases.length} total, ${listed.size} listed as inapplicable)`);
    expect(unexpected).toEqual([]);
    expect(cases).toHaveLength(301);
    expect(pass).toBe(applicable);
  });
});

describe('Unbound DS and NSEC3 hash vectors (ds_nsec3.json)', () => {
  it.each(dsNsec3.ds_match.map((v) => [v.ds, v] as const))('DS %s', (_ds, v) => {
    const ds = parseRecord(v.ds);
    const matched = v.dnskey.some((k) => matchDs(decodeDs(ds.rdata), ds.owner, parseRecord(k).rdata) === 'match');
    expect(matched).toBe(v.expected_match);
  });
  it('NSEC3 hashes: all 16', () => {
    const got = dsNsec3.nsec3_hash.map((v) => nsec3HashLabel(parseName(v.name), hex(v.salt_hex), v.iterations, v.hash_algorithm));
    expect(got).toEqual(dsNsec3.nsec3_hash.map((v) => v.expected_hash_base32hex.toLowerCase()));
    expect(got).toHaveLength(16);
    for (const v of dsNsec3.nsec3_hash) expect(base32hexDecode(v.expected_hash_base32hex)).toHaveLength(20);
    const dsPass = dsNsec3.ds_match.filter((v) => {
      const ds = parseRecord(v.ds);
      return v.dnskey.some((k) => matchDs(decodeDs(ds.rdata), ds.owner, parseRecord(k).rdata) === 'match') === v.expected_match;
    }).length;
    console.log(`unbound ds vectors: ${dsPass}/${dsNsec3.ds_match.length}, nsec3 hash vectors: ${got.length}/16`);
  });
});
