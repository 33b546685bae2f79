import { Type, type Static } from '@sinclair/typebox';
import { MtaStsEvidence, TlsRptEvidence } from './mail.js';

/** One request of a redirect chain. Ports are logical (what URLs say), never the lab's real ports. */
export const HttpHop = Type.Object(
  {
    url: Type.String(),
    address: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Integer(), Type.Null()]),
    location: Type.Union([Type.String(), Type.Null()]),
    sts: Type.Array(Type.String(), { description: 'Strict-Transport-Security headers as received, unmerged' }),
    server: Type.Union([Type.String(), Type.Null()]),
    error: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type HttpHop = Static<typeof HttpHop>;

export const HstsEvidence = Type.Object(
  {
    raw: Type.Array(Type.String()),
    valid: Type.Boolean(),
    maxAge: Type.Union([Type.Number(), Type.Null()], { description: 'as sent, unclamped' }),
    includeSubDomains: Type.Boolean(),
    preload: Type.Boolean(),
    errors: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type HstsEvidence = Static<typeof HstsEvidence>;

/**
 * /.well-known/security.txt (RFC 9116) as fetched and parsed; `errors` are the file's own defects.
 * `status` null: no response (see `error`); any status but 200 means there is no file.
 */
export const SecurityTxt = Type.Object(
  {
    url: Type.String(),
    status: Type.Union([Type.Integer(), Type.Null()]),
    error: Type.Optional(Type.String()),
    contentType: Type.Union([Type.String(), Type.Null()]),
    signed: Type.Boolean(),
    fields: Type.Object(
      {
        contact: Type.Array(Type.String()),
        expires: Type.Union([Type.String(), Type.Null()]),
        encryption: Type.Array(Type.String()),
        acknowledgments: Type.Array(Type.String()),
        preferredLanguages: Type.Union([Type.String(), Type.Null()]),
        canonical: Type.Array(Type.String()),
        policy: Type.Array(Type.String()),
        hiring: Type.Array(Type.String()),
        csaf: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
    errors: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type SecurityTxt = Static<typeof SecurityTxt>;

export const HttpEvidence = Type.Object(
  {
    redirects: Type.Object(
      { http: Type.Array(HttpHop), https: Type.Array(HttpHop) },
      { additionalProperties: false },
    ),
    hsts: Type.Union([HstsEvidence, Type.Null()], { description: 'from the first HTTPS response; null when none came' }),
    securityTxt: Type.Optional(SecurityTxt),
    mtaSts: Type.Optional(MtaStsEvidence),
    tlsRpt: Type.Optional(TlsRptEvidence),
  },
  { additionalProperties: true },
);
export type HttpEvidence = Static<typeof HttpEvidence>;

/** The HTTPS answer of one endpoint (address, port). */
export const EndpointHttp = Type.Object(
  { https: HttpHop },
  { additionalProperties: true },
);
export type EndpointHttp = Static<typeof EndpointHttp>;
