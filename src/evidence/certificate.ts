import { Type, type Static } from '@sinclair/typebox';

export const CertificateInfo = Type.Object(
  {
    subject: Type.String(),
    issuer: Type.String(),
    serial: Type.String(),
    san: Type.Object({ dns: Type.Array(Type.String()), ip: Type.Array(Type.String()) }, { additionalProperties: false }),
    notBefore: Type.String({ format: 'date-time' }),
    notAfter: Type.String({ format: 'date-time' }),
    keyType: Type.String({ description: 'RSA, EC, Ed25519, Ed448 or the key OID' }),
    keySize: Type.Union([Type.Integer(), Type.Null()]),
    curve: Type.Optional(Type.String()),
    signatureAlgorithm: Type.String(),
    selfSigned: Type.Boolean(),
    isCA: Type.Boolean(),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    spkiSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    der: Type.String({ contentEncoding: 'base64' }),
  },
  { additionalProperties: false },
);
export type CertificateInfo = Static<typeof CertificateInfo>;

/** Path-building result. `errors` use the stable codes of src/pki/chain-errors.ts. */
export const PkiEvidence = Type.Object(
  {
    trusted: Type.Boolean(),
    path: Type.Array(Type.String({ description: 'SHA-256 fingerprints, leaf first, ending at the trust anchor' })),
    errors: Type.Array(Type.String()),
    hostnameMatch: Type.Boolean(),
    completedViaAia: Type.Boolean(),
    validatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: true },
);
export type PkiEvidence = Static<typeof PkiEvidence>;
