import { describe, expect, it } from 'vitest';
import { parseTlsaRdata, tlsaRdata } from '../../src/dane/tlsa-record.js';
import { daneVerdict, worstDnssec, worstIndex } from '../../src/dane/verdict.js';
import { decodeMx, isNullMx } from '../../src/probes/smtp/mx-records.js';

const wireName = (name: string) => (name === '.' ? [0] : [...name.split('.').flatMap((l) => [l.length, ...Buffer.from(l)]), 0]);

describe('TLSA RDATA', () => {
  it('round-trips and rejects short data', () => {
    const r = { usage: 3, selector: 1, mtype: 1, data: Uint8Array.from({ length: 32 }, (_, i) => i) };
    expect(parseTlsaRdata(tlsaRdata(r))).toEqual(r);
    expect(parseTlsaRdata(Uint8Array.of(3, 1))).toBeNull();
  });
});

describe('MX RDATA', () => {
  it('decodes preference and exchange, and recognises a null MX', () => {
    expect(decodeMx(Uint8Array.from([0, 10, ...wireName('MX.Example.test')]))).toEqual({ preference: 10, exchange: 'mx.example.test' });
    const nul = decodeMx(Uint8Array.from([0, 0, 0]))!;
    expect(isNullMx([nul])).toBe(true);
    expect(isNullMx([nul, { preference: 10, exchange: 'mx.example.test' }])).toBe(false);
    expect(decodeMx(Uint8Array.from([0, 10, 5, 97]))).toBeNull();
  });
});

describe('DANE verdict from DNSSEC status and matching', () => {
  it.each([
    ['bogus whatever the records', 'bogus', 0, 'none', 'bogus'],
    ['no records', 'secure', 0, 'none', 'none'],
    ['records not signed', 'insecure', 2, 'valid', 'insecure'],
    ['secure and matching', 'secure', 1, 'valid', 'valid'],
    ['secure, no match', 'secure', 1, 'invalid', 'invalid'],
  ] as const)('%s', (_, dnssec, n, matched, want) => expect(daneVerdict(dnssec, n, matched)).toBe(want));

  it('picks the worst endpoint and the worst DNSSEC status', () => {
    expect(worstIndex(['valid', 'invalid', 'none'])).toBe(1);
    expect(worstIndex([])).toBe(-1);
    expect(worstDnssec('secure', 'insecure')).toBe('insecure');
    expect(worstDnssec('bogus', 'insecure')).toBe('bogus');
  });
});
