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

const DateOrNull = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** One OCSP response (RFC 6960), stapled or fetched; `errors` use the codes of src/pki/ocsp-response.ts. */
export const OcspEvidence = Type.Object(
  {
    source: Type.Union([Type.Literal('staple'), Type.Literal('responder')]),
    url: Type.Union([Type.String(), Type.Null()]),
    responseStatus: Type.String({ description: 'successful, tryLater, unauthorized, … or malformed' }),
    certStatus: Type.Union([Type.Literal('good'), Type.Literal('revoked'), Type.Literal('unknown'), Type.Null()]),
    producedAt: DateOrNull,
    thisUpdate: DateOrNull,
    nextUpdate: DateOrNull,
    revocationTime: DateOrNull,
    revocationReason: Type.Union([Type.String(), Type.Null()]),
    signer: Type.Union([Type.Literal('issuer'), Type.Literal('delegated'), Type.Null()], { description: 'who signed it, once verified' }),
    errors: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type OcspEvidence = Static<typeof OcspEvidence>;

/** The CRL fetched for the leaf when OCSP gave no answer (RFC 5280 §5, §6.3); at most one per leaf. */
export const CrlEvidence = Type.Object(
  {
    url: Type.String(),
    /** ok, or why it gave no verdict: not-http, ENCSCAN_* codes, or a CRL_ERRORS code of src/pki/crl.ts (malformed, bad-signature, expired, …). */
    outcome: Type.String(),
    thisUpdate: DateOrNull,
    nextUpdate: DateOrNull,
    entries: Type.Integer({ minimum: 0, description: 'revoked certificates it lists' }),
    signatureValid: Type.Boolean(),
    revocationTime: DateOrNull,
    revocationReason: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type CrlEvidence = Static<typeof CrlEvidence>;

/**
 * What revocation checking concluded for the leaf: the stapled OCSP response, else the OCSP
 * responder, else the first http CRL distribution point (source 'crl').
 */
export const RevocationEvidence = Type.Object(
  {
    status: Type.Union([Type.Literal('good'), Type.Literal('revoked'), Type.Literal('unknown'), Type.Literal('not-checked'), Type.Literal('error')]),
    source: Type.Union([Type.Literal('staple'), Type.Literal('responder'), Type.Literal('crl'), Type.Null()]),
    /** The leaf carries the TLS feature extension with status_request (RFC 7633). */
    mustStaple: Type.Boolean(),
    stapled: Type.Boolean(),
    ocspUrls: Type.Array(Type.String()),
    /** http CRL distribution points of the leaf (absent in reports from before CRLs were checked). */
    crlUrls: Type.Optional(Type.Array(Type.String())),
    crl: Type.Optional(CrlEvidence),
    /**
     * Why it was not checked or failed: disabled, no-revocation-url (no-ocsp-url in older reports),
     * no-issuer, not-http, an ENCSCAN_* code, or the failing OCSP response's or CRL's error code.
     */
    reason: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type RevocationEvidence = Static<typeof RevocationEvidence>;

export const SctEvidence = Type.Object(
  {
    source: Type.Union([Type.Literal('embedded'), Type.Literal('ocsp'), Type.Literal('tls')]),
    logId: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    timestamp: DateOrNull,
  },
  { additionalProperties: false },
);
export type SctEvidence = Static<typeof SctEvidence>;

/** caIssuers downloads made to complete the chain (RFC 5280 §4.2.2.1). */
export const AiaFetch = Type.Object(
  {
    url: Type.String(),
    /** ok, or why nothing usable came: not-http, ENCSCAN_* codes, http-<status>, undecodable. */
    outcome: Type.String(),
    certificates: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type AiaFetch = Static<typeof AiaFetch>;

/** The Certificate message as sent (read from a TLS 1.2 handshake, since node:tls reorders the chain). */
export const SentChainEvidence = Type.Object(
  {
    fingerprints: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), { description: 'SHA-256, in the order sent' }),
    /** Each certificate names the one before it as its subject's issuer (RFC 5246 §7.4.2). */
    inOrder: Type.Boolean(),
    /** A self-signed CA certificate was sent after the leaf. */
    rootSent: Type.Boolean(),
    /** Certificates sent that the validated path does not use (the root excepted). */
    unused: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  },
  { additionalProperties: false },
);
export type SentChainEvidence = Static<typeof SentChainEvidence>;

/** Path-building result. `errors` use the stable codes of src/pki/chain-errors.ts. */
export const PkiEvidence = Type.Object(
  {
    trusted: Type.Boolean(),
    path: Type.Array(Type.String({ description: 'SHA-256 fingerprints, leaf first, ending at the trust anchor' })),
    errors: Type.Array(Type.String()),
    hostnameMatch: Type.Boolean(),
    completedViaAia: Type.Boolean(),
    validatedAt: Type.String({ format: 'date-time' }),
    aia: Type.Optional(Type.Array(AiaFetch)),
    revocation: Type.Optional(RevocationEvidence),
    ocsp: Type.Optional(Type.Union([OcspEvidence, Type.Null()])),
    /** SCTs found: embedded, in the stapled OCSP response and in the TLS extension (RFC 6962 §3.3). */
    scts: Type.Optional(Type.Integer({ minimum: 0 })),
    sctList: Type.Optional(Type.Array(SctEvidence)),
    sentChain: Type.Optional(SentChainEvidence),
  },
  { additionalProperties: true },
);
export type PkiEvidence = Static<typeof PkiEvidence>;
