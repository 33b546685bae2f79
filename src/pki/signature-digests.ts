// Signature algorithm OIDs that node:crypto verifies from an SPKI alone (RSA PKCS #1 v1.5, ECDSA,
// Ed25519), to the digest name verify() takes: null for Ed25519, which hashes itself. OCSP responses
// and CRLs are checked with these.
export const SIGNATURE_DIGESTS: Readonly<Record<string, string | null>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null,
};
