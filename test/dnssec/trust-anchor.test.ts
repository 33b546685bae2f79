import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchDs } from '../../src/dnssec/ds.js';
import { DecodeError } from '../../src/engine/errors.js';
import { nameToString } from '../../src/dnssec/name.js';
import { activeAnchors, defaultRootAnchors, parseTrustAnchors, type TrustAnchor } from '../../src/dnssec/trust-anchor.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { mutate, rng } from './fuzz.js';

const iana = (f: string): string => readFileSync(join(PACKAGE_ROOT, 'fixtures', 'corpora', 'iana', 'dnssec', f), 'utf8');
const summary = (list: TrustAnchor[]): string[] => list.map((a) => `${nameToString(a.owner)} ${a.kind} ${a.keyTag} ${a.algorithm}`);

describe('trust anchors', () => {
  it('ships the root KSKs 20326 and 38696', () => {
    expect(summary(defaultRootAnchors())).toEqual(['. ds 20326 8', '. ds 38696 8']);
  });

  it('parses root.ds, root.key and root-anchors.xml alike, and the keys match the DS', () => {
    const ds = parseTrustAnchors(iana('root.ds'));
    const keys = parseTrustAnchors(iana('root.key'));
    expect(summary(keys)).toEqual(['. dnskey 20326 8', '. dnskey 38696 8']);
    for (const [i, d] of ds.entries()) {
      const k = keys[i]!;
      if (d.kind !== 'ds' || k.kind !== 'dnskey') throw new Error('kinds');
      expect(matchDs(d, d.owner, k.rdata)).toBe('match');
    }
    const xml = parseTrustAnchors(iana('root-anchors.xml'));
    expect(summary(xml)).toEqual(['. ds 19036 8', '. ds 20326 8', '. ds 38696 8']);
    expect(summary(activeAnchors(xml, new Date('2026-01-01T00:00:00Z')))).toEqual(['. ds 20326 8', '. ds 38696 8']);
    expect(summary(activeAnchors(xml, new Date('2018-01-01T00:00:00Z')))).toEqual(['. ds 19036 8', '. ds 20326 8']);
    const digestOf = (a: TrustAnchor): string => (a.kind === 'ds' ? Buffer.from(a.digest).toString('hex') : a.kind);
    expect(xml.slice(1).map(digestOf)).toEqual(ds.map(digestOf));
  });

  it('accepts multi-line records with parentheses and comments', () => {
    const text = 'example. 3600 IN DNSKEY 257 3 15 ( ; KSK\n  l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4= ) ; key id 3613\n';
    expect(summary(parseTrustAnchors(text))).toEqual(['example. dnskey 3613 15']);
  });

  const bad: Array<[string, string]> = [
    ['empty', ''],
    ['only comments', '; nothing\n'],
    ['not DS or DNSKEY', '. IN A 192.0.2.1'],
    ['relative owner', 'example IN DS 1 8 2 AABB'],
    ['bad hex digest', '. IN DS 20326 8 2 XYZ'],
    ['empty digest', '. IN DS 20326 8 2'],
    ['bad base64', '. IN DNSKEY 257 3 8 !!!'],
    ['not a zone key', '. IN DNSKEY 1 3 8 AwEAAQ=='],
    ['unbalanced parenthesis', '. IN DS ( 20326 8 2 AABB'],
    ['class CH', '. CH DS 20326 8 2 AABB'],
    ['XML without KeyDigest', '<TrustAnchor><Zone>.</Zone></TrustAnchor>'],
    ['XML bad digest', '<TrustAnchor><Zone>.</Zone><KeyDigest><KeyTag>1</KeyTag><Algorithm>8</Algorithm><DigestType>2</DigestType><Digest>zz</Digest></KeyDigest></TrustAnchor>'],
    ['XML missing KeyTag', '<TrustAnchor><Zone>.</Zone><KeyDigest><Algorithm>8</Algorithm><DigestType>2</DigestType><Digest>AA</Digest></KeyDigest></TrustAnchor>'],
    ['XML bad date', '<TrustAnchor><Zone>.</Zone><KeyDigest validFrom="soon"><KeyTag>1</KeyTag><Algorithm>8</Algorithm><DigestType>2</DigestType><Digest>AA</Digest></KeyDigest></TrustAnchor>'],
    ['not XML at all', '<html>'],
  ];
  it.each(bad)('rejects %s with a one-line DecodeError', (_n, text) => {
    let caught: unknown;
    try {
      parseTrustAnchors(text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DecodeError);
    expect((caught as DecodeError).code).toBe('ENCSCAN_DECODE');
    expect((caught as Error).message).not.toContain('\n');
  });
});

describe('fuzz: mutated trust-anchor files', () => {
  it('only ever throw DecodeError', () => {
    const seeds = ['root.ds', 'root.key', 'root-anchors.xml'].map((f) => new TextEncoder().encode(iana(f)));
    const rand = rng(9);
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const text = new TextDecoder().decode(mutate(seeds[i % seeds.length]!, rand));
      try {
        parseTrustAnchors(text);
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });
});
