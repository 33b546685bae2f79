import { Type, type Static } from '@sinclair/typebox';
import { CertificateInfo, PkiEvidence } from './certificate.js';
import { TlsVulnerability } from './tls-vulnerabilities.js';

export const TlsVersionName = Type.Union(
  ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'].map((v) => Type.Literal(v)),
);
export type TlsVersionName = Static<typeof TlsVersionName>;

export const CipherSuiteRef = Type.Object(
  { code: Type.Union([Type.String({ pattern: '^0x[0-9A-F]{4,6}$' }), Type.Null()]), name: Type.String() },
  { additionalProperties: false },
);
export type CipherSuiteRef = Static<typeof CipherSuiteRef>;

export const GroupRef = Type.Object(
  { code: Type.Integer({ minimum: 0, maximum: 65535 }), name: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false },
);
export type GroupRef = Static<typeof GroupRef>;

/** What enumeration found for one protocol version, from crafted hellos (one connection each). */
export const ProtocolSupport = Type.Object(
  {
    version: TlsVersionName,
    supported: Type.Boolean(),
    /** Accepted suites (SSLv2: cipher kinds), in the server's preference order when it has one. */
    cipherSuites: Type.Array(CipherSuiteRef),
    /** true: the server enforces its order; false: it follows the client's; null: one suite or SSLv2. */
    serverOrder: Type.Union([Type.Boolean(), Type.Null()]),
    /** Groups accepted with this version (TLS 1.3 key exchange, TLS 1.2 ECDHE), in the order found. */
    groups: Type.Array(GroupRef),
    /** How the server said no to the last hello: "alert:handshake_failure", "closed", "version:TLSv1.2", "ssl2-error:1". */
    refusal: Type.Union([Type.String(), Type.Null()]),
    /** ENCSCAN_* code when enumeration of this version was cut short (timeout, malformed answer): the result is partial. */
    error: Type.Union([Type.String(), Type.Null()]),
    /** The server ignored or dropped a long hello but answered a short one. */
    longHelloIntolerant: Type.Boolean(),
    /** Hellos (connections) spent on this version. */
    handshakes: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type ProtocolSupport = Static<typeof ProtocolSupport>;

/** A code point with its registry name: signature schemes, extensions. */
export const CodeRef = Type.Object(
  { code: Type.Integer({ minimum: 0, maximum: 65535 }), name: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false },
);
export type CodeRef = Static<typeof CodeRef>;

/** ALPN: what the server picked from [h2, http/1.1], then each protocol offered alone. */
export const AlpnSupport = Type.Object(
  {
    /** The server's pick when offered h2 and http/1.1; null: it picked none (ignores ALPN). */
    selected: Type.Union([Type.String(), Type.Null()]),
    /** accepted: picked when offered alone; false: refused (alert or no pick); null: not asked. */
    protocols: Type.Array(
      Type.Object({ name: Type.String(), accepted: Type.Union([Type.Boolean(), Type.Null()]) }, { additionalProperties: false }),
    ),
    /** "server-hello": read from crafted TLS ≤ 1.2 hellos; "handshake": from node:tls handshakes (TLS 1.3 hides it). */
    via: Type.Union([Type.Literal('server-hello'), Type.Literal('handshake')]),
  },
  { additionalProperties: false },
);
export type AlpnSupport = Static<typeof AlpnSupport>;

/**
 * Signature schemes the server signs its handshake with. TLS 1.2: the scheme of its ServerKeyExchange
 * while signature_algorithms is narrowed (remove-chosen), so in its preference order. TLS 1.3 hides the
 * CertificateVerify, so each scheme is offered alone and a ServerHello (not a handshake_failure) means accepted.
 */
export const SignatureSchemeSupport = Type.Object(
  {
    version: TlsVersionName,
    method: Type.Union([Type.Literal('server-key-exchange'), Type.Literal('handshake-failure')]),
    schemes: Type.Array(CodeRef),
    error: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SignatureSchemeSupport = Static<typeof SignatureSchemeSupport>;

/** One signed certificate timestamp from the ServerHello's signed_certificate_timestamp extension (RFC 6962 §3.3). */
export const TlsSct = Type.Object(
  {
    /** Base64 of the 32-byte log id; null when the SCT is too short to hold one. */
    logId: Type.Union([Type.String(), Type.Null()]),
    /** Milliseconds since the epoch, as the log signed it. */
    timestamp: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    /** Base64 of the whole SerializedSCT. */
    sct: Type.String(),
  },
  { additionalProperties: false },
);
export type TlsSct = Static<typeof TlsSct>;

/** One certificate chain the endpoint serves, asked for by key type (RSA, ECDSA, …). */
export const ServedChain = Type.Object(
  {
    keyType: Type.String({ description: 'the leaf key: rsa, ecdsa, ed25519, ed448, rsa-pss, dsa or unknown' }),
    certificates: Type.Array(CertificateInfo),
    pki: PkiEvidence,
  },
  { additionalProperties: false },
);
export type ServedChain = Static<typeof ServedChain>;

/** The default handshake of an endpoint (node:tls), and beside it what enumeration found. */
export const TlsEvidence = Type.Object(
  {
    /** Absent when node:tls could not finish a handshake (SSLv3-only servers, scripted responders): enumeration stands alone. */
    negotiated: Type.Optional(
      Type.Object(
        {
          version: TlsVersionName,
          cipherSuite: CipherSuiteRef,
          alpn: Type.Union([Type.String(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
    handshakeMs: Type.Optional(Type.Number({ minimum: 0 })),
    /** SSLv2 to TLS 1.3, each enumerated with crafted hellos. */
    protocols: Type.Optional(Type.Array(ProtocolSupport)),
    /** Every group the server accepted: TLS 1.3 groups in the order found, then TLS 1.2-only ones. */
    groups: Type.Optional(Type.Array(GroupRef)),
    alpn: Type.Optional(AlpnSupport),
    signatureSchemes: Type.Optional(SignatureSchemeSupport),
    /** Extensions the server echoed in its ServerHello to a hello offering them all (TLS ≤ 1.2; TLS 1.3 encrypts them). */
    extensions: Type.Optional(Type.Object({ version: TlsVersionName, echoed: Type.Array(CodeRef) }, { additionalProperties: false })),
    /** SCTs delivered in the ServerHello (TLS ≤ 1.2 only). */
    sctList: Type.Optional(Type.Array(TlsSct)),
    /** Base64 DER of the OCSP response stapled in the default handshake (RFC 6066 §8); judged in pki.ocsp. */
    ocspStaple: Type.Optional(Type.String({ contentEncoding: 'base64' })),
    /** Connections enumeration, the feature hellos and the extra chain handshakes used (the endpoint's `connections` counts all probes). */
    connections: Type.Optional(Type.Integer({ minimum: 0 })),
    enumerationMs: Type.Optional(Type.Number({ minimum: 0 })),
    /** Known weaknesses, each with how encscan knows (tested, implied, informational). */
    vulnerabilities: Type.Optional(Type.Array(TlsVulnerability)),
  },
  { additionalProperties: true },
);
export type TlsEvidence = Static<typeof TlsEvidence>;
