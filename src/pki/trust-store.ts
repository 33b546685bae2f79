// Trust anchors as DER: Node's bundled Mozilla roots plus any PEM the user adds.
import { rootCertificates } from 'node:tls';
import { EncscanError } from '../engine/errors.js';
import { parseCertificate } from './cert-fields.js';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]*?)-----END CERTIFICATE-----/g;

// Parsed once per process: returning the same Uint8Array objects lets validateChain's
// per-certificate parse cache hit on every scan.
let nodeRoots: Uint8Array[] | undefined;

export function trustStore(extraPem: string[] = []): Uint8Array[] {
  nodeRoots ??= rootCertificates.flatMap((pem) => parsePemCertificates(pem));
  return [...nodeRoots, ...extraPem.flatMap((pem) => parsePemCertificates(pem))];
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
