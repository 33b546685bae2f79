import { Type, type Static } from '@sinclair/typebox';

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

/** The default handshake of an endpoint (node:tls), and beside it what enumeration found. */
export const TlsEvidence = Type.Object(
  {
    negotiated: Type.Object(
      {
        version: TlsVersionName,
        cipherSuite: CipherSuiteRef,
        alpn: Type.Union([Type.String(), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    handshakeMs: Type.Number({ minimum: 0 }),
    /** SSLv2 to TLS 1.3, each enumerated with crafted hellos. */
    protocols: Type.Optional(Type.Array(ProtocolSupport)),
    /** Every group the server accepted: TLS 1.3 groups in the order found, then TLS 1.2-only ones. */
    groups: Type.Optional(Type.Array(GroupRef)),
    /** Connections the enumeration used (the endpoint's `connections` counts all probes). */
    connections: Type.Optional(Type.Integer({ minimum: 0 })),
    enumerationMs: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: true },
);
export type TlsEvidence = Static<typeof TlsEvidence>;
