import { Type, type Static } from '@sinclair/typebox';

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

export const HttpEvidence = Type.Object(
  {
    redirects: Type.Object(
      { http: Type.Array(HttpHop), https: Type.Array(HttpHop) },
      { additionalProperties: false },
    ),
    hsts: Type.Union([HstsEvidence, Type.Null()], { description: 'from the first HTTPS response; null when none came' }),
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
