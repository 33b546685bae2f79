import { Type, type Static } from '@sinclair/typebox';

/** One DNS exchange, counted in evidence; `response` keeps the raw wire bytes (base64) for DNSSEC work. */
export const DnsQuery = Type.Object(
  {
    server: Type.String({ description: 'logical address:port queried' }),
    name: Type.String(),
    type: Type.String(),
    transport: Type.Union([Type.Literal('udp'), Type.Literal('tcp')]),
    rcode: Type.Optional(Type.String()),
    truncated: Type.Optional(Type.Boolean()),
    error: Type.Optional(Type.String()),
    ms: Type.Number({ minimum: 0 }),
    response: Type.Optional(Type.String({ contentEncoding: 'base64' })),
  },
  { additionalProperties: false },
);
export type DnsQuery = Static<typeof DnsQuery>;

export const DnsAddress = Type.Object(
  {
    address: Type.String(),
    family: Type.Union([Type.Literal(4), Type.Literal(6)]),
    ttl: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type DnsAddress = Static<typeof DnsAddress>;

export const DnsEvidence = Type.Object(
  {
    mode: Type.Union([Type.Literal('stub'), Type.Literal('iterative'), Type.Literal('literal'), Type.Literal('connect-to')]),
    name: Type.String({ description: 'A-label name that was resolved' }),
    /** Final outcome per address type: NOERROR, NXDOMAIN, SERVFAIL, or ENCSCAN_* when no answer came. */
    rcode: Type.Record(Type.String(), Type.String()),
    cnames: Type.Array(Type.Object({ name: Type.String(), target: Type.String() }, { additionalProperties: false })),
    addresses: Type.Array(DnsAddress),
    queries: Type.Array(DnsQuery),
  },
  { additionalProperties: false },
);
export type DnsEvidence = Static<typeof DnsEvidence>;
