import { describe, expect, it } from 'vitest';
import { isAllowedCurve, keyProblem, rsaKeyStrength, weakSignatureDepths, weakSignatureHash } from '../../src/pki/key-strength.js';

describe('rsaKeyStrength', () => {
  it.each([
    [1024, 'too-small'],
    [2047, 'too-small'],
    [2048, 'below-3072'],
    [3071, 'below-3072'],
    [3072, 'ok'],
    [8192, 'ok'],
  ] as const)('%i bits: %s', (bits, want) => expect(rsaKeyStrength(bits)).toBe(want));
});

describe('isAllowedCurve', () => {
  it.each([
    ['P-256', true],
    ['P-384', true],
    ['P-521', true],
    ['1.2.840.10045.3.1.7', true], // P-256 by OID
    ['P-192', false],
    ['1.2.840.10045.3.1.1', false], // P-192 by OID
    ['secp256k1', false],
    ['brainpoolP256r1', false],
  ] as const)('%s: %s', (curve, want) => expect(isAllowedCurve(curve)).toBe(want));
});

describe('keyProblem', () => {
  it.each([
    [{ keyType: 'RSA', rsaBits: 2048 }, null],
    [{ keyType: '1.2.840.113549.1.1.1', rsaBits: 4096 }, null],
    [{ keyType: 'RSA', rsaBits: 1024 }, 'rsa-too-small'],
    [{ keyType: 'RSA' }, 'rsa-too-small'], // modulus did not decode
    [{ keyType: 'RSA', rsaBits: 2052 }, 'rsa-odd-size'],
    [{ keyType: 'EC', curve: 'P-384' }, null],
    [{ keyType: 'EC', curve: 'P-192' }, 'curve-not-allowed'],
    [{ keyType: 'EC' }, 'curve-not-allowed'], // explicit parameters
    [{ keyType: 'Ed25519' }, null],
    [{ keyType: '1.2.840.10040.4.1' }, 'key-type-not-allowed'], // DSA
  ] as const)('%o: %s', (key, want) => expect(keyProblem(key)).toBe(want));
});

describe('weak signatures', () => {
  it.each([
    ['sha1WithRSAEncryption', 'SHA-1'],
    ['1.2.840.113549.1.1.5', 'SHA-1'],
    ['ecdsa-with-SHA1', 'SHA-1'],
    ['1.2.840.113549.1.1.4', 'MD5'],
    ['md2WithRSAEncryption', 'MD2'],
    ['sha256WithRSAEncryption', null],
    ['1.2.840.10045.4.3.2', null],
  ] as const)('%s: %s', (alg, want) => expect(weakSignatureHash(alg)).toBe(want));

  const path = [{ signatureAlgorithm: 'sha256WithRSAEncryption' }, { signatureAlgorithm: 'sha1WithRSAEncryption' }, { signatureAlgorithm: 'sha1WithRSAEncryption' }];
  it("excepts the trust anchor's own signature", () => expect(weakSignatureDepths(path, true)).toEqual([1]));
  it('judges the last certificate when it is no anchor', () => expect(weakSignatureDepths(path, false)).toEqual([1, 2]));
});
