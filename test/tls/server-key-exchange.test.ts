import { describe, expect, it } from 'vitest';
import { bitLength, encodeServerKeyExchange, parseServerKeyExchange, type ServerKeyExchange } from '../../src/tls/server-key-exchange.js';
import { hex, toHex } from './corpora.js';

const p1024 = Uint8Array.from([0x00, 0xff, ...new Array<number>(127).fill(0xab)]);

describe('ServerKeyExchange', () => {
  it.each([
    ['DHE, TLS 1.2 signature', 'dhe', 'tls12', { params: { kind: 'dhe', p: p1024, g: Uint8Array.of(2), ys: new Uint8Array(128).fill(1), groupBits: 1024 }, signature: { scheme: 0x0804, schemeName: 'rsa_pss_rsae_sha256', bytes: new Uint8Array(8).fill(3) } }],
    ['DHE, TLS 1.0 signature', 'dhe', 'legacy', { params: { kind: 'dhe', p: p1024, g: Uint8Array.of(5), ys: Uint8Array.of(9), groupBits: 1024 }, signature: { scheme: null, schemeName: null, bytes: new Uint8Array(36).fill(4) } }],
    ['anonymous ECDH', 'ecdhe', 'anonymous', { params: { kind: 'ecdhe', group: 23, groupName: 'secp256r1', point: new Uint8Array(65).fill(4) }, signature: null }],
    ['ECDHE with an unregistered group', 'ecdhe', 'tls12', { params: { kind: 'ecdhe', group: 0x1234, groupName: null, point: Uint8Array.of(1) }, signature: { scheme: 0x0403, schemeName: 'ecdsa_secp256r1_sha256', bytes: Uint8Array.of(7) } }],
    ['RSA_EXPORT, 512-bit modulus', 'rsa', 'legacy', { params: { kind: 'rsa', modulus: new Uint8Array(64).fill(0xc1), exponent: hex('010001'), modulusBits: 512 }, signature: { scheme: null, schemeName: null, bytes: Uint8Array.of(8) } }],
  ] as const)('%s: encode → parse gives the same values', (_, kind, form, ske) => {
    const bytes = encodeServerKeyExchange(ske as ServerKeyExchange);
    expect(parseServerKeyExchange(bytes, kind, form)).toEqual(ske);
  });

  it.each([
    ['an explicit prime curve', '01 0017 01 04', 'ecdhe', 'ENCSCAN_TLS_BAD_VALUE'],
    ['an empty point', '03 0017 00', 'ecdhe', 'ENCSCAN_TLS_BAD_LENGTH'],
    ['an empty prime', '0000 0001 02 0001 03', 'dhe', 'ENCSCAN_TLS_BAD_LENGTH'],
    ['a prime longer than the message', '0100 ff', 'dhe', 'ENCSCAN_TLS_TRUNCATED'],
    ['bytes after the parameters', '03 001d 01 09 00', 'ecdhe', 'ENCSCAN_TLS_TRAILING_BYTES'],
  ] as const)('refuses %s', (_, h, kind, code) => {
    expect(() => parseServerKeyExchange(hex(h), kind, 'anonymous')).toThrow(expect.objectContaining({ code }));
  });

  it.each([['', 0], ['00', 0], ['01', 1], ['0080', 8], ['0100', 9], ['ff' + '00'.repeat(255), 2048], ['7f' + '00'.repeat(383), 3071]])('bitLength(%s) = %i', (h, bits) => {
    expect(bitLength(hex(h))).toBe(bits);
  });

  it('keeps a parsed message byte for byte', () => {
    const h = '0003 c5c5c5 0001 02 0002 0102 0601 0003 aabbcc';
    const ske = parseServerKeyExchange(hex(h), 'dhe', 'tls12');
    expect([toHex(encodeServerKeyExchange(ske)), ske.signature!.schemeName]).toEqual([h.replace(/ /g, ''), 'rsa_pkcs1_sha512']);
  });
});
