// Key and signature strength facts (CA/B Baseline Requirements §6.1.5, §6.1.6, §7.1.3.2).
// Pure helpers on the values CertificateInfo carries, so checks and validateChain agree.
import { CURVES, KEY_TYPES, SIGNATURE_ALGORITHMS } from './oids.js';

/** RSA modulus size: below 2048 is weak, below 3072 short of the 128-bit level (NIST SP 800-57). */
export function rsaKeyStrength(bits: number): 'too-small' | 'below-3072' | 'ok' {
  if (bits < 2048) return 'too-small';
  return bits < 3072 ? 'below-3072' : 'ok';
}

/** Curves the BRs allow (§6.1.5): named by CertificateInfo's curve name or by OID. */
export const ALLOWED_CURVES: ReadonlySet<string> = new Set(['P-256', 'P-384', 'P-521']);

export function isAllowedCurve(curve: string): boolean {
  return ALLOWED_CURVES.has(CURVES[curve]?.name ?? curve);
}

/**
 * Why a subject key is not acceptable in the web PKI, or null. `keyType` is a CertificateInfo
 * keyType or SPKI algorithm OID. Ed25519/Ed448 are accepted (RFC 8410), although the BRs do not list them.
 */
export function keyProblem(key: { keyType: string; rsaBits?: number; curve?: string }): 'rsa-too-small' | 'rsa-odd-size' | 'curve-not-allowed' | 'key-type-not-allowed' | null {
  const type = KEY_TYPES[key.keyType] ?? key.keyType;
  if (type === 'RSA') {
    if (key.rsaBits === undefined || rsaKeyStrength(key.rsaBits) === 'too-small') return 'rsa-too-small';
    return key.rsaBits % 8 === 0 ? null : 'rsa-odd-size';
  }
  if (type === 'EC') return key.curve !== undefined && isAllowedCurve(key.curve) ? null : 'curve-not-allowed';
  return type === 'Ed25519' || type === 'Ed448' ? null : 'key-type-not-allowed';
}

const WEAK_HASHES: Readonly<Record<string, 'MD2' | 'MD5' | 'SHA-1'>> = {
  md2WithRSAEncryption: 'MD2',
  md5WithRSAEncryption: 'MD5',
  sha1WithRSAEncryption: 'SHA-1',
  'ecdsa-with-SHA1': 'SHA-1',
  'dsa-with-SHA1': 'SHA-1',
};

/** The broken hash a signature algorithm (OID or OpenSSL name) uses, or null. */
export function weakSignatureHash(algorithm: string): 'MD2' | 'MD5' | 'SHA-1' | null {
  return WEAK_HASHES[SIGNATURE_ALGORITHMS[algorithm] ?? algorithm] ?? null;
}

/**
 * Depths (0 = leaf) whose signature uses a broken hash. The trust anchor's own self-signature
 * proves nothing and is excepted, so pass `endsAtAnchor` when the last certificate is the anchor.
 */
export function weakSignatureDepths(path: readonly { signatureAlgorithm: string }[], endsAtAnchor: boolean): number[] {
  const judged = endsAtAnchor ? path.slice(0, -1) : path;
  return judged.flatMap((cert, depth) => (weakSignatureHash(cert.signatureAlgorithm) ? [depth] : []));
}
