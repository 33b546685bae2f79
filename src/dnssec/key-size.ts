// The size a DNSKEY is judged by: for RSA the modulus (RFC 3110 §2: exponent length, exponent, modulus),
// for the elliptic-curve and Edwards algorithms the public key field, whose length each algorithm fixes.

const RSA_ALGORITHMS = new Set([1, 5, 7, 8, 10]);

/** Public key field lengths in bits: RFC 6605 §4 (ECDSA P-256 / P-384), RFC 8080 §3 (Ed25519 / Ed448). */
export const FIXED_KEY_BITS: Readonly<Record<number, number>> = { 13: 512, 14: 768, 15: 256, 16: 456 };

export const isRsaAlgorithm = (algorithm: number): boolean => RSA_ALGORITHMS.has(algorithm);

/** Key size in bits; an RSA key whose exponent length runs past the field counts by the whole field. */
export function dnskeySizeBits(algorithm: number, publicKey: Uint8Array): number {
  if (!isRsaAlgorithm(algorithm) || publicKey.length === 0) return publicKey.length * 8;
  const long = publicKey[0] === 0;
  const exponentLength = long ? ((publicKey[1] ?? 0) << 8) | (publicKey[2] ?? 0) : publicKey[0]!;
  const modulus = publicKey.subarray((long ? 3 : 1) + exponentLength);
  if (modulus.length === 0) return publicKey.length * 8;
  const first = modulus.findIndex((b) => b !== 0);
  if (first < 0) return 0;
  return (modulus.length - first) * 8 - Math.clz32(modulus[first]!) + 24;
}
