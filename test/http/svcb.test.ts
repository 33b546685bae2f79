import { describe, expect, it } from 'vitest';
import { decodeSvcb, encodeSvcb, svcbProblems, type SvcbRecord } from '../../src/dns/svcb.js';
import { DecodeError } from '../../src/engine/errors.js';
import { mutate, rng } from '../dnssec/fuzz.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const FOO_COM = '03 666f6f 07 6578616d706c65 03 636f6d 00';
const FOO_ORG = '03 666f6f 07 6578616d706c65 03 6f7267 00';

// RFC 9460 Appendix D.1 and D.2: presentation form and wire form of the same record.
const VECTORS: Array<[string, string, SvcbRecord]> = [
  ['D.1 AliasMode', `0000 ${FOO_COM}`, { priority: 0, target: 'foo.example.com.', params: {} }],
  ['D.2 target "."', '0001 00', { priority: 1, target: '.', params: {} }],
  ['D.2 port', `0010 ${FOO_COM} 0003 0002 0035`, { priority: 16, target: 'foo.example.com.', params: { port: 53 } }],
  ['D.2 generic key', `0001 ${FOO_COM} 029b 0005 68656c6c6f`, { priority: 1, target: 'foo.example.com.', params: { other: [{ key: 'key667', value: '68656c6c6f' }] } }],
  [
    'D.2 two IPv6 hints',
    `0001 ${FOO_COM} 0006 0020 20010db8000000000000000000000001 20010db8000000000000000000530001`,
    { priority: 1, target: 'foo.example.com.', params: { ipv6hint: ['2001:db8::1', '2001:db8::53:1'] } },
  ],
  [
    'D.2 mandatory, alpn, ipv4hint',
    `0010 ${FOO_ORG} 0000 0004 00010004 0001 0009 026832 0568332d3139 0004 0004 c0000201`,
    { priority: 16, target: 'foo.example.org.', params: { mandatory: ['alpn', 'ipv4hint'], alpn: ['h2', 'h3-19'], ipv4hint: ['192.0.2.1'] } },
  ],
  [
    'D.2 alpn with escaped comma and backslash',
    `0010 ${FOO_ORG} 0001 000c 08665c6f6f2c626172 026832`,
    { priority: 16, target: 'foo.example.org.', params: { alpn: ['f\\oo,bar', 'h2'] } },
  ],
];

describe('decodeSvcb: RFC 9460 Appendix D', () => {
  it.each(VECTORS)('%s', (_, wire, rec) => {
    expect(decodeSvcb(hex(wire))).toEqual(rec);
    expect(Buffer.from(encodeSvcb(rec)).toString('hex')).toBe(wire.replace(/\s+/g, ''));
  });

  it('keeps the other keys it knows', () => {
    const rec: SvcbRecord = { priority: 1, target: '.', params: { alpn: ['h2'], noDefaultAlpn: true, ech: 'AAEC', dohpath: '/dns-query{?dns}' } };
    expect(decodeSvcb(encodeSvcb(rec))).toEqual(rec);
  });
});

describe('decodeSvcb: records a client must ignore', () => {
  it.each([
    ['keys out of order', `0001 00 0003 0002 01bb 0001 0003 026832`],
    ['a key twice', `0001 00 0003 0002 01bb 0003 0002 01bb`],
    ['mandatory names a missing key', `0001 00 0000 0002 0003`],
    ['mandatory names itself', `0001 00 0000 0002 0000`],
    ['mandatory unsorted', `0001 00 0000 0004 00040001 0001 0003 026832 0004 0004 c0000201`],
    ['no-default-alpn without alpn', `0001 00 0002 0000`],
    ['no-default-alpn with a value', `0001 00 0001 0003 026832 0002 0001 00`],
    ['empty alpn', `0001 00 0001 0000`],
    ['empty alpn-id', `0001 00 0001 0001 00`],
    ['alpn-id past its value', `0001 00 0001 0002 0568`],
    ['port of three bytes', `0001 00 0003 0003 0001bb`],
    ['ipv4hint of five bytes', `0001 00 0004 0005 c000020101`],
    ['ipv6hint of four bytes', `0001 00 0006 0004 20010db8`],
    ['empty ech', `0001 00 0005 0000`],
    ['dohpath not UTF-8', `0001 00 0007 0002 c328`],
    ['compressed target', `0001 c00c`],
    ['value longer than the RDATA', `0001 00 0003 0010 01bb`],
    ['half a key', `0001 00 00`],
    ['empty RDATA', ''],
  ])('%s', (_, wire) => {
    expect(() => decodeSvcb(hex(wire))).toThrow(DecodeError);
  });
});

describe('svcbProblems', () => {
  it.each<[string, SvcbRecord, string[]]>([
    ['clean ServiceMode', { priority: 1, target: '.', params: { alpn: ['h2'] } }, []],
    ['AliasMode with params', { priority: 0, target: 'cdn.example.', params: { port: 8443 } }, ['alias-with-params']],
    ['dohpath without {?dns}', { priority: 1, target: '.', params: { alpn: ['h2'], dohpath: '/dns-query' } }, ['bad-dohpath']],
  ])('%s', (_, rec, want) => expect(svcbProblems(rec)).toEqual(want));
});

describe('decodeSvcb: fuzz', () => {
  it('fails only with DecodeError on 20000 mutated records', () => {
    const rand = rng(9460);
    const seeds = VECTORS.map(([, wire]) => hex(wire));
    for (let i = 0; i < 20000; i++) {
      const input = mutate(seeds[i % seeds.length]!, rand);
      try {
        const rec = decodeSvcb(input);
        // Whatever decodes re-encodes to a record that decodes the same way.
        expect(decodeSvcb(encodeSvcb(rec))).toEqual(rec);
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
      }
    }
  });
});
