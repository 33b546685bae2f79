import { Type, type Static } from '@sinclair/typebox';

/** The domain's MX RRset as looked up; `nullMx` per RFC 7505 (one MX "." of preference 0). */
export const MxEvidence = Type.Object(
  {
    rcode: Type.String(),
    records: Type.Array(Type.Object({ preference: Type.Integer(), exchange: Type.String() }, { additionalProperties: false })),
    nullMx: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type MxEvidence = Static<typeof MxEvidence>;

/** MTA-STS (RFC 8461) as fetched: the TXT record and the policy file with the trust of its HTTPS host. */
export const MtaStsEvidence = Type.Object(
  {
    txt: Type.Object(
      {
        records: Type.Array(Type.String()),
        valid: Type.Boolean(),
        id: Type.Union([Type.String(), Type.Null()]),
        errors: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
    policy: Type.Union([
      Type.Object(
        {
          url: Type.String(),
          status: Type.Union([Type.Integer(), Type.Null()]),
          error: Type.Optional(Type.String()),
          contentType: Type.Union([Type.String(), Type.Null()]),
          version: Type.Union([Type.String(), Type.Null()]),
          mode: Type.Union([Type.Literal('enforce'), Type.Literal('testing'), Type.Literal('none'), Type.Null()]),
          mx: Type.Array(Type.String()),
          maxAge: Type.Union([Type.Integer(), Type.Null()]),
          errors: Type.Array(Type.String()),
          certificateTrusted: Type.Union([Type.Boolean(), Type.Null()], { description: 'PKIX-valid for mta-sts.<domain>; null when no handshake' }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ], { description: 'null when there is no valid TXT record, so no policy was fetched' }),
  },
  { additionalProperties: false },
);
export type MtaStsEvidence = Static<typeof MtaStsEvidence>;

export const TlsRptEvidence = Type.Object(
  { records: Type.Array(Type.String()), valid: Type.Boolean(), rua: Type.Array(Type.String()), errors: Type.Array(Type.String()) },
  { additionalProperties: false },
);
export type TlsRptEvidence = Static<typeof TlsRptEvidence>;
