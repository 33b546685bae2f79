// What a caIssuers URL serves (RFC 5280 §4.2.2.1): one DER certificate, or a "certs-only"
// CMS SignedData (RFC 5652 §5, .p7c); PEM is not in the RFC but common enough to accept.
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData, id_signedData } from '@peculiar/asn1-cms';
import { DecodeError } from '../engine/errors.js';
import { parseCertificate } from './cert-fields.js';
import { parsePemCertificates } from './trust-store.js';

/** Certificates taken from one response; a bundle of intermediates has a handful. */
const MAX_CERTS = 8;

/** The certificates in a caIssuers body. Throws DecodeError when it holds none. */
export function decodeCaIssuers(body: Uint8Array): Uint8Array[] {
  const text = Buffer.from(body.subarray(0, 64)).toString('latin1');
  if (text.includes('-----BEGIN')) {
    try {
      return parsePemCertificates(Buffer.from(body).toString('latin1')).slice(0, MAX_CERTS);
    } catch {
      throw new DecodeError('caIssuers: PEM without a certificate');
    }
  }
  try {
    parseCertificate(body);
    return [body];
  } catch {
    // not a single certificate: try PKCS#7 below
  }
  try {
    const info = AsnConvert.parse(body, ContentInfo);
    if (info.contentType !== id_signedData) throw new Error('not SignedData');
    const signed = AsnConvert.parse(info.content, SignedData);
    const out = (signed.certificates ?? [])
      .flatMap((c) => (c.certificate ? [new Uint8Array(AsnConvert.serialize(c.certificate))] : []))
      .slice(0, MAX_CERTS);
    for (const der of out) parseCertificate(der);
    if (out.length === 0) throw new Error('no certificates');
    return out;
  } catch (err) {
    throw new DecodeError(`caIssuers: neither a certificate nor PKCS#7 certs-only (${err instanceof Error ? err.message : 'undecodable'})`);
  }
}
