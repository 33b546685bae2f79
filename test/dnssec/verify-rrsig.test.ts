import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedData } from '../../src/dnssec/canonical.js';
import { keyTag } from '../../src/dnssec/key-tag.js';
import { parseName } from '../../src/dnssec/name.js';
import { parseRecord, parseTime } from '../../src/dnssec/presentation.js';
import { decodeRrsig } from '../../src/dnssec/rdata.js';
import { serialCompare, toSerialTime, validityWindow } from '../../src/dnssec/serial-time.js';
import { type RrsigOutcome, verifyRrset, verifyRrsig } from '../../src/dnssec/verify-rrsig.js';

describe('serial-number time (RFC 4034 §3.1.5)', () => {
  it('compares across the 2^32 wrap', () => {
    expect(serialCompare(5, 0xfffffff0)).toBe(1);
    expect(serialCompare(0xfffffff0, 5)).toBe(-1);
    expect(serialCompare(7, 7)).toBe(0);
    expect(validityWindow(10, 0xffffff00, 100)).toBe('within');
    expect(validityWindow(200, 0xffffff00, 100)).toBe('expired');
    expect(validityWindow(0xfffffe00, 0xffffff00, 100)).toBe('not-yet-valid');
  });

  it('reads YYYYMMDDHHmmSS and epoch forms; dates past 2106 wrap', () => {
    expect(parseTime('20150819220000')).toBe(1440021600);
    expect(parseTime('1440021600')).toBe(1440021600);
    expect(parseTime('21060207062816')).toBe(0);
    expect(toSerialTime(new Date('2106-02-07T06:28:17Z'))).toBe(1);
  });
});

describe('key tag (RFC 4034 Appendix B)', () => {
  it('computes the root KSK tags and the algorithm 1 special case', () => {
    const ksk = parseRecord('. IN DNSKEY 257 3 8 AwEAAaz/tAm8yTn4Mfeh5eyI96WSVexTBAvkMgJzkKTOiW1vkIbzxeF3+/4RgWOq7HrxRixHlFlExOLAJr5emLvN7SWXgnLh4+B5xQlNVz8Og8kvArMtNROxVQuCaSnIDdD5LKyWbRd2n9WGe2R8PzgCmr3EgVLrjyBxWezF0jLHwVN8efS3rCj/EWgvIWgb9tarpVUDK/b58Da+sqqls3eNbuv7pr+eoZG+SrDK6nWeL3c6H5Apxz7LjVc1uTIdsIXxuOLYA4/ilBmSVIzuDWfdRUfhHdY6+cn8HFRm+2hM8AnXGXws9555KrUB5qihylGa8subX2Nn6UwNR1AkUTV74bU=');
    expect(keyTag(ksk.rdata)).toBe(20326);
    expect(keyTag(Uint8Array.of(1, 0, 3, 1, 1, 3, 0xab, 0xcd, 0xef))).toBe(0xabcd);
  });
});

// An Ed25519 zone signed here, to reach each outcome.
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
const zone = parseName('example.');
const keyRr = parseRecord(`example. 3600 IN DNSKEY 257 3 15 ${raw}`);
const dnskey = { owner: zone, rdata: keyRr.rdata };
const tag = keyTag(keyRr.rdata);
const rrset = { owner: parseName('a.b.example.'), type: 1, class: 1, rdatas: [parseRecord('a.b.example. 60 IN A 192.0.2.1').rdata] };
const NOW = parseTime('20250601000000');

function rrsigFor(fields: { labels?: number; alg?: number; tag?: number; signer?: string; inception?: string; expiration?: string }, signOwner = rrset.owner) {
  const head = `a.b.example. 60 IN RRSIG A ${fields.alg ?? 15} ${fields.labels ?? 3} 60 ${fields.expiration ?? '20250701000000'} ${fields.inception ?? '20250501000000'} ${fields.tag ?? tag} ${fields.signer ?? 'example.'}`;
  const unsigned = decodeRrsig(parseRecord(`${head} AAAA`).rdata);
  // Labels beyond the owner's count cannot be signed; any signature bytes will do there.
  const data = unsigned.labels <= signOwner.length ? signedData(unsigned, { ...rrset, owner: signOwner }) : new Uint8Array(0);
  const sig = sign(null, data, privateKey);
  return decodeRrsig(parseRecord(`${head} ${sig.toString('base64')}`).rdata);
}

describe('verifyRrsig outcomes', () => {
  const cases: Array<[string, ReturnType<typeof rrsigFor>, RrsigOutcome]> = [
    ['valid', rrsigFor({}), 'valid'],
    ['wildcard expansion', rrsigFor({ labels: 2 }, parseName('*.b.example.')), 'valid'],
    ['expired', rrsigFor({ expiration: '20250531235959' }), 'signature-expired'],
    ['not yet valid', rrsigFor({ inception: '20250601000001' }), 'signature-not-yet-valid'],
    ['labels above the owner count', rrsigFor({ labels: 4 }), 'rrsig-labels-invalid'],
    ['key tag', rrsigFor({ tag: (tag + 1) & 0xffff }), 'key-tag-mismatch'],
    ['algorithm', rrsigFor({ alg: 13 }), 'algorithm-mismatch'],
    ['signer not an ancestor', rrsigFor({ signer: 'other.' }), 'signer-not-ancestor'],
    ['signer is not the key owner', rrsigFor({ signer: 'b.example.' }), 'signer-mismatch'],
  ];
  it.each(cases)('%s', (_n, rrsig, want) => expect(verifyRrsig(rrset, rrsig, dnskey, { now: NOW })).toBe(want));

  it('detects a changed RRset and a changed signature', () => {
    const changed = { ...rrset, rdatas: [parseRecord('x. 0 IN A 192.0.2.2').rdata] };
    expect(verifyRrsig(changed, rrsigFor({}), dnskey, { now: NOW })).toBe('bad-signature');
    const sig = rrsigFor({});
    const flipped = { ...sig, signature: Uint8Array.from(sig.signature, (b, i) => (i === 0 ? b ^ 1 : b)) };
    expect(verifyRrsig(rrset, flipped, dnskey, { now: NOW })).toBe('bad-signature');
    expect(verifyRrsig(rrset, { ...sig, signature: sig.signature.subarray(1) }, dnskey, { now: NOW })).toBe('malformed-signature');
  });

  it('checks key flags: zone key, protocol, revoked', () => {
    const sig = rrsigFor({});
    const withFlags = (flags: number, protocol = 3) => {
      const rd = Uint8Array.from(keyRr.rdata);
      rd[0] = flags >> 8;
      rd[1] = flags & 0xff;
      rd[2] = protocol;
      return { owner: zone, rdata: rd };
    };
    for (const [key, want] of [[withFlags(0x0001), 'not-zone-key'], [withFlags(0x0101, 2), 'bad-key-protocol'], [withFlags(0x0181), 'key-revoked']] as const) {
      expect(verifyRrsig(rrset, { ...sig, keyTag: keyTag(key.rdata) }, key, { now: NOW })).toBe(want);
    }
  });

  it('reports unsupported algorithms by policy, and strict mode drops RSASHA1', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const pub = Buffer.concat([Buffer.of(3), Buffer.from(rsa.e!, 'base64url'), Buffer.from(rsa.n!, 'base64url')]).toString('base64');
    const key = { owner: zone, rdata: parseRecord(`example. 0 IN DNSKEY 257 3 5 ${pub}`).rdata };
    const sig = { ...rrsigFor({ alg: 5 }), keyTag: keyTag(key.rdata) };
    expect(verifyRrsig(rrset, sig, key, { now: NOW })).toBe('bad-signature');
    expect(verifyRrsig(rrset, sig, key, { now: NOW, strictAlgorithms: true })).toBe('unsupported-algorithm');
    expect(verifyRrset(rrset, [sig], [key], { now: NOW, strictAlgorithms: true }).status).toBe('unsupported');
  });

  it('summarises an RRset: secure, bogus without RRSIG, per-algorithm rule', () => {
    expect(verifyRrset(rrset, [rrsigFor({ expiration: '20250531235959' }), rrsigFor({})], [dnskey], { now: NOW }).status).toBe('secure');
    expect(verifyRrset(rrset, [], [dnskey], { now: NOW }).status).toBe('bogus');
    const missing = verifyRrset(rrset, [rrsigFor({ tag: 1 })], [dnskey], { now: NOW });
    expect([missing.status, missing.results[0]!.outcome]).toEqual(['bogus', 'no-matching-key']);
    expect(verifyRrset(rrset, [rrsigFor({})], [dnskey], { now: NOW, requireAlgorithms: [15, 13] }).status).toBe('bogus');
  });
});
