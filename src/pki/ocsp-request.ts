// OCSP request for one certificate (RFC 6960 §4.1, with the RFC 5019 profile: SHA-1 CertID,
// one request, no signature, no nonce, so responders can answer from a cache).
import { createHash } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { CertID, OCSPRequest, Request, TBSRequest } from '@peculiar/asn1-ocsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import type { CertFields } from './cert-fields.js';
import { TAG, children, content, expectTlv } from './der.js';

const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const SHA1 = '1.3.14.3.2.26';

/** The subjectPublicKey BIT STRING value without its unused-bits octet (what CertID and byKey hash). */
export function publicKeyBits(cert: CertFields): Uint8Array {
  const spki = expectTlv(cert.spki, 0, TAG.sequence);
  const key = children(cert.spki, spki)[1];
  if (!key || key.tag !== TAG.bitString) throw new Error('SubjectPublicKeyInfo without a key');
  return content(cert.spki, key).subarray(1);
}

/** issuerNameHash and issuerKeyHash with the given hash algorithm OID, or null when we do not know it. */
export function issuerHashes(issuer: CertFields, hashOid: string): { name: string; key: string } | null {
  const hash = HASHES[hashOid];
  if (!hash) return null;
  const digest = (bytes: Uint8Array): string => createHash(hash).update(bytes).digest('hex');
  return { name: digest(issuer.subject), key: digest(publicKeyBits(issuer)) };
}

export function buildOcspRequest(cert: CertFields, issuer: CertFields): Uint8Array {
  const hashes = issuerHashes(issuer, SHA1)!;
  const certId = new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA1, parameters: null }),
    issuerNameHash: new OctetString(Buffer.from(hashes.name, 'hex')),
    issuerKeyHash: new OctetString(Buffer.from(hashes.key, 'hex')),
    serialNumber: new Uint8Array(cert.serialBytes).buffer,
  });
  const request = new OCSPRequest({ tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: certId })] }) });
  return new Uint8Array(AsnConvert.serialize(request));
}
