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

/** The default handshake of an endpoint (node:tls). The TLS engine adds enumeration fields beside it. */
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
  },
  { additionalProperties: true },
);
export type TlsEvidence = Static<typeof TlsEvidence>;
