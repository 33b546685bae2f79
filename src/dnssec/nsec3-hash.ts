// NSEC3 hashed owner names (RFC 5155 §5): IH(salt, x, 0) = H(x || salt), IH(k) = H(IH(k-1) || salt).
import { createHash } from 'node:crypto';
import { base32hexEncode } from './base32hex.js';
import { type Name, nameToWire } from './name.js';

/** NSEC3 hash algorithm 1 is SHA-1 (RFC 5155 §11); no other is assigned. */
export const NSEC3_SHA1 = 1;

/** The NSEC3 hash of a name, or undefined for an unknown hash algorithm. */
export function nsec3Hash(name: Name, salt: Uint8Array, iterations: number, hashAlgorithm = NSEC3_SHA1): Uint8Array | undefined {
  if (hashAlgorithm !== NSEC3_SHA1) return undefined;
  let digest: Uint8Array = createHash('sha1').update(nameToWire(name, true)).update(salt).digest();
  for (let i = 0; i < iterations; i++) digest = createHash('sha1').update(digest).update(salt).digest();
  return digest;
}

/** The owner label of the NSEC3 record for `name`: the base32hex hash, lower case. */
export function nsec3HashLabel(name: Name, salt: Uint8Array, iterations: number, hashAlgorithm = NSEC3_SHA1): string | undefined {
  const h = nsec3Hash(name, salt, iterations, hashAlgorithm);
  return h && base32hexEncode(h);
}
