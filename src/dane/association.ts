// Certificate association data (RFC 6698 §2.1.2, §2.1.3): the selected part of a certificate,
// in full or as a digest, and short hex previews for the match table's explanations.
import { createHash } from 'node:crypto';
import type { CertFields } from '../pki/cert-fields.js';

const HASH: Readonly<Record<number, string>> = { 1: 'sha256', 2: 'sha512' };

export function associationData(cert: CertFields, selector: number, mtype: number): Uint8Array {
  const selected = selector === 0 ? cert.der : cert.spki;
  const hash = HASH[mtype];
  return hash === undefined ? selected : new Uint8Array(createHash(hash).update(selected).digest());
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(b);
}

/** First 8 hex digits and an ellipsis: enough to tell two values apart in a sentence. */
export function preview(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return hex.length <= 8 ? hex : `${hex.slice(0, 8)}…`;
}

/** "SHA-256 of the SPKI", "the full certificate". */
export function describeSelection(selector: number, mtype: number): string {
  const part = selector === 0 ? 'the certificate' : 'the SPKI';
  if (mtype === 1) return `SHA-256 of ${part}`;
  if (mtype === 2) return `SHA-512 of ${part}`;
  return selector === 0 ? 'the full certificate' : 'the full SPKI';
}
