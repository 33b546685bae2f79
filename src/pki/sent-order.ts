// How the server's Certificate message is put together, judged against RFC 5246 §7.4.2 (each
// certificate must directly certify the one before it; the root may be left out) and the path
// validation found: order, the root sent along, and certificates no path uses.
import type { SentChainEvidence } from '../evidence/certificate.js';
import { parseCertificate, type CertFields } from './cert-fields.js';

/** `sent` leaf first as on the wire; `path` the validated path's fingerprints. */
export function describeSentChain(sent: Uint8Array[], path: readonly string[]): SentChainEvidence {
  const certs = sent.flatMap((der): CertFields[] => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
  const inPath = new Set(path);
  return {
    fingerprints: certs.map((c) => c.sha256),
    // Name chaining is what clients that take the list as it comes rely on; signatures are path validation's job.
    inOrder: certs.every((c, i) => i === 0 || c.subjectHex === certs[i - 1]!.issuerHex),
    rootSent: certs.slice(1).some((c) => c.subjectHex === c.issuerHex && c.basicConstraints?.ca === true),
    unused: certs.slice(1).filter((c) => !inPath.has(c.sha256) && c.subjectHex !== c.issuerHex).map((c) => c.sha256),
  };
}
