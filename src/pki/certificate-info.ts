// CertificateInfo evidence for one DER certificate (src/evidence/certificate.ts is the contract).
import type { CertificateInfo } from '../evidence/certificate.js';
import { parseCertificate, type CertFields } from './cert-fields.js';
import { toHex } from './der.js';
import { CURVES, KEY_TYPES, SIGNATURE_ALGORITHMS } from './oids.js';
import { verifySignature } from './verify-signature.js';
import { x509 } from './x509.js';

/** Throws DecodeError (ENCSCAN_DECODE) only when the bytes are not a certificate. */
export async function describeCertificate(der: Uint8Array): Promise<CertificateInfo> {
  const cert = parseCertificate(der);
  const curve = cert.curve === undefined ? undefined : CURVES[cert.curve];
  return {
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    serial: cert.serial,
    san: { dns: cert.san?.dns ?? [], ip: cert.san?.ip ?? [] },
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyType: KEY_TYPES[cert.keyAlgorithm] ?? cert.keyAlgorithm,
    keySize: cert.rsaModulusBits ?? curve?.bits ?? null,
    ...(cert.curve === undefined ? {} : { curve: curve?.name ?? cert.curve }),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[cert.signatureAlgorithm] ?? cert.signatureAlgorithm,
    selfSigned: await isSelfSigned(cert),
    isCA: cert.basicConstraints?.ca === true,
    sha256: cert.sha256,
    spkiSha256: cert.spkiSha256,
    der: Buffer.from(der).toString('base64'),
  };
}

async function isSelfSigned(cert: CertFields): Promise<boolean> {
  return cert.issuerHex === cert.subjectHex && (await verifySignature(cert, cert)) === 'ok';
}

/**
 * RFC 4514 escaping with attributes in DER order (as OpenSSL and Node print them, not
 * RFC 4514's reversed order); a name the library cannot render falls back to `#` + DER hex.
 */
function nameText(der: Uint8Array): string {
  try {
    return new x509.Name(der).toString();
  } catch {
    return `#${toHex(der)}`;
  }
}
