// Trust anchors as DER: Node's bundled Mozilla roots plus any PEM the user adds.
import { createHash } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { EncscanError } from '../engine/errors.js';
import { parseCertificate } from './cert-fields.js';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]*?)-----END CERTIFICATE-----/g;

// Parsed once per process: returning the same Uint8Array objects lets validateChain's
// per-certificate parse cache hit on every scan.
let nodeRoots: Uint8Array[] | undefined;
let nodeRootFingerprints: Set<string> | undefined;

function bundledRoots(): Uint8Array[] {
  nodeRoots ??= rootCertificates.flatMap((pem) => parsePemCertificates(pem));
  return nodeRoots;
}

export function trustStore(extraPem: string[] = []): Uint8Array[] {
  return [...bundledRoots(), ...extraPem.flatMap((pem) => parsePemCertificates(pem))];
}

/** Is this (by SHA-256 of its DER) one of the Mozilla roots Node bundles? */
export function isBundledRoot(sha256: string): boolean {
  nodeRootFingerprints ??= new Set(bundledRoots().map((der) => createHash('sha256').update(der).digest('hex')));
  return nodeRootFingerprints.has(sha256);
}

/** Every CERTIFICATE block in `text`; throws ENCSCAN_BAD_FILE if there is none or one is not a certificate. */
export function parsePemCertificates(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const der = new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'));
    try {
      parseCertificate(der);
    } catch (err) {
      throw new EncscanError('ENCSCAN_BAD_FILE', `PEM certificate #${out.length + 1} does not decode`, { cause: err });
    }
    out.push(der);
  }
  if (out.length === 0) throw new EncscanError('ENCSCAN_BAD_FILE', 'no PEM CERTIFICATE block found');
  return out;
}
