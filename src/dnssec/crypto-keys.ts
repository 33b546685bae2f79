// DNSKEY public keys and RRSIG signature values as node:crypto understands them.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { concatBytes } from '../codec/bytes.js';
import { DecodeError } from '../engine/errors.js';
import { dnsReader } from './reader.js';

interface Scheme {
  /** node:crypto digest name, or null for the EdDSA schemes that hash internally. */
  hash: string | null;
  key(pub: Uint8Array): KeyObject;
  /** The signature as node:crypto wants it, with its encoding; DecodeError when malformed. */
  signature(sig: Uint8Array): { value: Uint8Array; dsaEncoding?: 'ieee-p1363' | 'der' };
}

const b64url = (b: Uint8Array): string => Buffer.from(b).toString('base64url');

/** RSA public key in RFC 3110 §2 form: exponent length (1 octet, or 0 then 2 octets), exponent, modulus. */
function rsaKey(pub: Uint8Array): KeyObject {
  const r = dnsReader(pub);
  let expLen = r.u8('RSA exponent length');
  if (expLen === 0) expLen = r.u16('RSA exponent length');
  if (expLen === 0) throw new DecodeError('RSA exponent is empty');
  const e = r.take(expLen, 'RSA exponent');
  const n = r.rest();
  if (n.length === 0 || n[0] === 0) throw new DecodeError('RSA modulus is empty or has a leading zero');
  return jwk({ kty: 'RSA', n: b64url(n), e: b64url(e) });
}

function ecKey(crv: 'P-256' | 'P-384', size: number): (pub: Uint8Array) => KeyObject {
  return (pub) => {
    if (pub.length !== 2 * size) throw new DecodeError(`${crv} public key has ${pub.length} octets, not ${2 * size}`);
    return jwk({ kty: 'EC', crv, x: b64url(pub.subarray(0, size)), y: b64url(pub.subarray(size)) });
  };
}

function okpKey(crv: 'Ed25519' | 'Ed448', size: number): (pub: Uint8Array) => KeyObject {
  return (pub) => {
    if (pub.length !== size) throw new DecodeError(`${crv} public key has ${pub.length} octets, not ${size}`);
    return jwk({ kty: 'OKP', crv, x: b64url(pub) });
  };
}

function jwk(key: Record<string, string>): KeyObject {
  try {
    return createPublicKey({ key, format: 'jwk' });
  } catch (err) {
    throw new DecodeError(`public key rejected by node:crypto: ${(err as Error).message}`);
  }
}

function fixedLength(size: number): Scheme['signature'] {
  return (sig) => {
    if (sig.length !== size) throw new DecodeError(`signature has ${sig.length} octets, not ${size}`);
    return { value: sig, dsaEncoding: 'ieee-p1363' };
  };
}

const plain: Scheme['signature'] = (sig) => ({ value: sig });

// --- DSA (RFC 2536), only for legacy corpora: node:crypto takes DSA keys as DER SubjectPublicKeyInfo.

function derLength(n: number): Uint8Array {
  return n < 0x80 ? Uint8Array.of(n) : n < 0x100 ? Uint8Array.of(0x81, n) : Uint8Array.of(0x82, n >> 8, n & 0xff);
}

function der(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concatBytes(content);
  return concatBytes([Uint8Array.of(tag), derLength(body.length), body]);
}

function derInteger(unsigned: Uint8Array): Uint8Array {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const v = unsigned.subarray(i);
  return der(0x02, v[0]! & 0x80 ? concatBytes([Uint8Array.of(0), v]) : v);
}

const DSA_OID = Uint8Array.of(0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01); // 1.2.840.10040.4.1

function dsaKey(pub: Uint8Array): KeyObject {
  const r = dnsReader(pub);
  const t = r.u8('DSA T');
  if (t > 8) throw new DecodeError(`DSA T parameter ${t} exceeds 8`);
  const size = 64 + t * 8;
  const q = r.take(20, 'DSA Q');
  const p = r.take(size, 'DSA P');
  const g = r.take(size, 'DSA G');
  const y = r.take(size, 'DSA Y');
  if (r.remaining !== 0) throw new DecodeError('DSA public key has trailing octets');
  const spki = der(0x30, der(0x30, DSA_OID, der(0x30, derInteger(p), derInteger(q), derInteger(g))), der(0x03, Uint8Array.of(0), derInteger(y)));
  try {
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (err) {
    throw new DecodeError(`DSA public key rejected by node:crypto: ${(err as Error).message}`);
  }
}

/** RFC 2536 §3: T, R (20 octets), S (20 octets) → DER Dss-Sig-Value. */
const dsaSignature: Scheme['signature'] = (sig) => {
  // Old signers (and Unbound's test data) wrote the DER Dss-Sig-Value; T is at most 8, so a leading
  // SEQUENCE tag spanning the whole field cannot be the RFC 2536 form.
  if (sig.length > 2 && sig[0] === 0x30 && sig[1] === sig.length - 2) return { value: sig, dsaEncoding: 'der' };
  if (sig.length !== 41) throw new DecodeError(`DSA signature has ${sig.length} octets, not 41`);
  return { value: der(0x30, derInteger(sig.subarray(1, 21)), derInteger(sig.subarray(21, 41))), dsaEncoding: 'der' };
};

const SCHEMES = new Map<number, Scheme>([
  [5, { hash: 'sha1', key: rsaKey, signature: plain }],
  [7, { hash: 'sha1', key: rsaKey, signature: plain }],
  [8, { hash: 'sha256', key: rsaKey, signature: plain }],
  [10, { hash: 'sha512', key: rsaKey, signature: plain }],
  [13, { hash: 'sha256', key: ecKey('P-256', 32), signature: fixedLength(64) }],
  [14, { hash: 'sha384', key: ecKey('P-384', 48), signature: fixedLength(96) }],
  [15, { hash: null, key: okpKey('Ed25519', 32), signature: fixedLength(64) }],
  [16, { hash: null, key: okpKey('Ed448', 57), signature: fixedLength(114) }],
]);

const LEGACY_SCHEMES = new Map<number, Scheme>([
  [3, { hash: 'sha1', key: dsaKey, signature: dsaSignature }],
  [6, { hash: 'sha1', key: dsaKey, signature: dsaSignature }],
]);

/** Algorithms encscan can verify with node:crypto; `legacy` adds DSA (3, 6). */
export function canVerify(algorithm: number, legacy: boolean): boolean {
  return SCHEMES.has(algorithm) || (legacy && LEGACY_SCHEMES.has(algorithm));
}

export type SignatureCheck = 'valid' | 'bad-signature' | 'malformed-key' | 'malformed-signature' | 'unsupported-algorithm';

/** Verifies `signature` over `data` with a DNSKEY public key of `algorithm`. */
export function verifySignature(algorithm: number, publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array, legacy: boolean): SignatureCheck {
  const scheme = SCHEMES.get(algorithm) ?? (legacy ? LEGACY_SCHEMES.get(algorithm) : undefined);
  if (!scheme) return 'unsupported-algorithm';
  let key: KeyObject;
  try {
    key = scheme.key(publicKey);
  } catch (err) {
    if (err instanceof DecodeError) return 'malformed-key';
    throw err;
  }
  let sig: ReturnType<Scheme['signature']>;
  try {
    sig = scheme.signature(signature);
  } catch (err) {
    if (err instanceof DecodeError) return 'malformed-signature';
    throw err;
  }
  try {
    const keyInput = sig.dsaEncoding ? { key, dsaEncoding: sig.dsaEncoding } : key;
    return verify(scheme.hash, data, keyInput, sig.value) ? 'valid' : 'bad-signature';
  } catch {
    // OpenSSL refuses some inputs outright (a signature longer than the modulus, a weak DSA key).
    return 'bad-signature';
  }
}
