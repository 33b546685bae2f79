// Certificate signature checks through @peculiar/x509 on Node's WebCrypto.
import type { CertFields } from './cert-fields.js';
import { CURVES } from './oids.js';
import { x509 } from './x509.js';

export type SignatureCheck = 'ok' | 'bad' | 'unsupported';

/** Signature algorithms Node's WebCrypto can verify; others (MD5, DSA, …) are 'unsupported'. */
const VERIFIABLE = new Set([
  '1.2.840.113549.1.1.5',
  '1.2.840.113549.1.1.10',
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  '1.2.840.10045.4.1',
  '1.2.840.10045.4.3.2',
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
  '1.3.101.112',
  '1.3.101.113',
]);
const WEBCRYPTO_CURVES = new Set(['P-256', 'P-384', 'P-521']);

// asn1js allows 10,000 nodes by default, fewer than a certificate with a few thousand SANs needs;
// the input was already walked by parseCertificate, so a larger bound is safe.
const PARSE_OPTIONS = { berOptions: { maxNodes: 200_000 } };

const parsed = new WeakMap<CertFields, x509.X509Certificate | null>();

function peculiar(cert: CertFields): x509.X509Certificate | null {
  let value = parsed.get(cert);
  if (value === undefined) {
    try {
      value = new x509.X509Certificate(cert.der, PARSE_OPTIONS);
    } catch {
      value = null;
    }
    parsed.set(cert, value);
  }
  return value;
}

/** Does `issuer`'s key verify `cert`'s signature? Never throws. */
export async function verifySignature(cert: CertFields, issuer: CertFields): Promise<SignatureCheck> {
  if (!VERIFIABLE.has(cert.signatureAlgorithm)) return 'unsupported';
  if (issuer.curve !== undefined && !WEBCRYPTO_CURVES.has(CURVES[issuer.curve]?.name ?? '')) return 'unsupported';
  if (!cert.signatureAlgorithmsAgree) return 'bad';
  const subject = peculiar(cert);
  if (!subject) return 'unsupported'; // the library rejects an encoding we accept: we cannot check it
  try {
    const ok = await subject.verify({ publicKey: new x509.PublicKey(issuer.spki), signatureOnly: true });
    return ok ? 'ok' : 'bad';
  } catch {
    // Key/algorithm mismatch or a signature that does not decode: either way it does not verify.
    return 'bad';
  }
}
