// Key sizes from DNSKEY public key fields: RSA moduli after the exponent (RFC 3110 §2), fixed EC lengths.
import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { concatBytes } from '../../src/codec/bytes.js';
import { dnskeySizeBits } from '../../src/dnssec/key-size.js';

const rsaField = (bits: number, longExponent = false): Uint8Array => {
  const jwk = generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' });
  const e = Buffer.from(jwk.e!, 'base64url');
  const n = Buffer.from(jwk.n!, 'base64url');
  return concatBytes([longExponent ? Uint8Array.of(0, 0, e.length) : Uint8Array.of(e.length), e, n]);
};

it.each([1024, 2048, 1536])('reads a %i-bit RSA modulus', (bits) => {
  expect(dnskeySizeBits(8, rsaField(bits))).toBe(bits);
});

it('reads the three-octet exponent length form and ignores leading zero octets', () => {
  expect(dnskeySizeBits(8, rsaField(1024, true))).toBe(1024);
  expect(dnskeySizeBits(8, Uint8Array.of(1, 3, 0, 0, 0x01, 0xff))).toBe(9);
});

it('counts the whole field for EC keys and for RSA fields too short to hold a modulus', () => {
  expect(dnskeySizeBits(13, new Uint8Array(64))).toBe(512);
  expect(dnskeySizeBits(8, Uint8Array.of(5, 1, 0))).toBe(24);
  expect(dnskeySizeBits(8, new Uint8Array(0))).toBe(0);
});
