import { describe, expect, it } from 'vitest';
import { canonicalRdata, canonicalRdataSet, signedOwner } from '../../src/dnssec/canonical.js';
import { DecodeError } from '../../src/engine/errors.js';
import { compareNames, nameToString, nameToWire, parseName, rrsigLabelCount } from '../../src/dnssec/name.js';
import { parseRecord } from '../../src/dnssec/presentation.js';
import { RR } from '../../src/dnssec/rr-types.js';

describe('names', () => {
  it('sorts in canonical order (the RFC 4034 §6.1 example)', () => {
    const ordered = ['example.', 'a.example.', 'yljkjljk.a.example.', 'Z.a.example.', 'zABC.a.EXAMPLE.', 'z.example.', '\\001.z.example.', '*.z.example.', '\\200.z.example.'];
    const shuffled = [...ordered].reverse().map((s) => parseName(s));
    expect(shuffled.sort(compareNames).map(nameToString)).toEqual(ordered);
  });

  it('escapes special and non-printable octets in presentation form and parses them back', () => {
    const name = parseName('a\\.b.\\\\x.\\032\\255\\000."q".');
    expect(name.map((l) => l.length)).toEqual([3, 2, 3, 3]);
    expect(nameToString(name)).toBe('a\\.b.\\\\x.\\032\\255\\000.\\"q\\".');
    expect(nameToString(parseName(nameToString(name)))).toBe(nameToString(name));
  });

  it('folds only ASCII A-Z in the canonical wire form', () => {
    expect(Buffer.from(nameToWire(parseName('Ab\\200\\195.EXAMPLE.'), true)).toString('hex')).toBe('046162c8c3076578616d706c6500');
  });

  it('rejects bad presentation names', () => {
    for (const bad of ['a..b.', 'relative', '\\256.', `${'a'.repeat(64)}.`, `${'abcdefgh.'.repeat(32)}`, 'é.']) expect(() => parseName(bad)).toThrow(DecodeError);
  });

  it('counts RRSIG labels without the root and a leading wildcard', () => {
    expect([rrsigLabelCount(parseName('.')), rrsigLabelCount(parseName('a.example.')), rrsigLabelCount(parseName('*.a.example.'))]).toEqual([0, 2, 2]);
  });
});

describe('canonical RRset form', () => {
  it('reconstructs the wildcard owner when RRSIG labels < owner labels (RFC 4035 §5.3.2)', () => {
    const owner = parseName('a.z.w.example.');
    expect(nameToString(signedOwner(owner, 2))).toBe('*.w.example.');
    expect(nameToString(signedOwner(owner, 4))).toBe('a.z.w.example.');
    expect(nameToString(signedOwner(owner, 0))).toBe('*.');
    expect(() => signedOwner(owner, 5)).toThrow(DecodeError);
  });

  it('folds names inside MX and SOA RDATA but not inside NSEC or RRSIG (RFC 6840 §5.1)', () => {
    const mx = parseRecord('x. 0 IN MX 10 Mail.Example.').rdata;
    expect(canonicalRdata(RR.MX, mx)).toEqual(parseRecord('x. 0 IN MX 10 mail.example.').rdata);
    const soa = parseRecord('x. 0 IN SOA NS1.X. Host.X. 1 2 3 4 5').rdata;
    expect(canonicalRdata(RR.SOA, soa)).toEqual(parseRecord('x. 0 IN SOA ns1.x. host.x. 1 2 3 4 5').rdata);
    const nsec = parseRecord('x. 0 IN NSEC Next.X. A').rdata;
    expect(canonicalRdata(RR.NSEC, nsec)).toEqual(nsec);
  });

  it('sorts RDATA octet-wise and removes duplicates', () => {
    const a = (ip: string): Uint8Array => parseRecord(`x. 0 IN A ${ip}`).rdata;
    const set = canonicalRdataSet(RR.A, [a('192.0.2.10'), a('10.0.0.1'), a('192.0.2.9'), a('10.0.0.1')]);
    expect(set).toEqual([a('10.0.0.1'), a('192.0.2.9'), a('192.0.2.10')]);
    const ns = (n: string): Uint8Array => parseRecord(`x. 0 IN NS ${n}`).rdata;
    expect(canonicalRdataSet(RR.NS, [ns('B.example.'), ns('a.example.'), ns('b.EXAMPLE.')])).toEqual([ns('a.example.'), ns('b.example.')]);
  });
});
