import { Type, type Static } from '@sinclair/typebox';

export const DnssecStatus = Type.Union([Type.Literal('secure'), Type.Literal('insecure'), Type.Literal('bogus'), Type.Literal('indeterminate')]);
export type DnssecStatus = Static<typeof DnssecStatus>;

/** A broken link: a reason code (DNSViz vocabulary, see src/dnssec/reasons.ts) and one plain sentence. */
export const DnssecError = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    server: Type.Optional(Type.String({ description: 'logical address:port that gave the data' })),
  },
  { additionalProperties: false },
);
export type DnssecError = Static<typeof DnssecError>;

export const DnssecDs = Type.Object(
  { keyTag: Type.Integer(), algorithm: Type.Integer(), digestType: Type.Integer(), digest: Type.String({ description: 'hex' }) },
  { additionalProperties: false },
);

export const DnssecKey = Type.Object(
  { keyTag: Type.Integer(), algorithm: Type.Integer(), flags: Type.Integer(), bits: Type.Integer({ minimum: 0, description: 'length of the DNSKEY public key field, in bits' }) },
  { additionalProperties: false },
);

/** One zone on the way from the trust anchor down to the name. */
export const DnssecZone = Type.Object(
  {
    zone: Type.String({ description: 'absolute, with the trailing dot' }),
    status: DnssecStatus,
    ds: Type.Array(DnssecDs, { description: "the parent's DS RRset, or the trust anchor's digests for the root" }),
    dnskeys: Type.Array(DnssecKey),
    errors: Type.Array(DnssecError),
  },
  { additionalProperties: false },
);
export type DnssecZone = Static<typeof DnssecZone>;

export const DnssecRrset = Type.Object(
  {
    name: Type.String(),
    type: Type.String(),
    status: DnssecStatus,
    reason: Type.String(),
    message: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type DnssecRrset = Static<typeof DnssecRrset>;

/** encscan's own validation of the target's address records, from the trust anchor down. */
export const DnssecEvidence = Type.Object(
  {
    status: DnssecStatus,
    reason: Type.String(),
    message: Type.Optional(Type.String()),
    anchor: Type.Union([Type.Literal('builtin'), Type.Literal('configured')]),
    strictAlgorithms: Type.Boolean(),
    chain: Type.Array(DnssecZone),
    rrsets: Type.Array(DnssecRrset),
    queries: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DnssecEvidence = Static<typeof DnssecEvidence>;
