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
export type DnssecDs = Static<typeof DnssecDs>;

export const DnssecKey = Type.Object(
  { keyTag: Type.Integer(), algorithm: Type.Integer(), flags: Type.Integer(), bits: Type.Integer({ minimum: 0, description: 'key size in bits: the RSA modulus, else the length of the public key field' }) },
  { additionalProperties: false },
);
export type DnssecKey = Static<typeof DnssecKey>;

/** One zone on the way from the trust anchor down to the name. */
export const DnssecZone = Type.Object(
  {
    zone: Type.String({ description: 'absolute, with the trailing dot' }),
    status: DnssecStatus,
    ds: Type.Array(DnssecDs, { description: "the parent's DS RRset, or the trust anchor's digests for the root" }),
    dnskeys: Type.Array(DnssecKey),
    errors: Type.Array(DnssecError),
    nsec3: Type.Optional(
      Type.Object(
        { iterations: Type.Integer({ minimum: 0 }), salt: Type.String({ description: 'hex, empty when none' }), optOut: Type.Boolean() },
        { additionalProperties: false, description: 'the NSEC3 parameters of the records a denial proof used (RFC 9276)' },
      ),
    ),
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
    notes: Type.Optional(Type.Array(DnssecError, { description: 'remarks that leave the status as is, such as a TTL above what the RRSIG allows (RFC 4035 §5.3.3)' })),
  },
  { additionalProperties: false },
);
export type DnssecRrset = Static<typeof DnssecRrset>;

/** What one authoritative server of a zone on the chain answered (per-server diagnosis); facts only. */
export const DnssecServer = Type.Object(
  {
    zone: Type.String({ description: 'absolute, with the trailing dot' }),
    address: Type.String({ description: 'logical address:port' }),
    names: Type.Array(Type.String(), { description: 'the NS names (or root hints) that lead to this address' }),
    udp: Type.String({ description: "RCODE of the SOA answer over UDP, the ENCSCAN_* error when none came, or 'not asked' (--dns-tcp)" }),
    tcp: Type.String({ description: 'RCODE of the SOA answer over TCP, or the ENCSCAN_* error when none came' }),
    authoritative: Type.Boolean({ description: 'answered the SOA query with AA set' }),
    edns: Type.Boolean({ description: 'echoed an EDNS OPT record' }),
    rrsigs: Type.Boolean({ description: 'sent an RRSIG with the SOA when asked with DO' }),
    serial: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    dnskeys: Type.Array(Type.Integer(), { description: 'key tags of the DNSKEY RRset served' }),
    soaSigned: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'latest inception of the RRSIGs over the SOA' }),
    expires: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'earliest expiration of any RRSIG this server sent' }),
    nxdomain: Type.String({ description: 'RCODE for a random name below the zone, or the ENCSCAN_* error' }),
    denial: Type.Union([Type.Literal('nsec'), Type.Literal('nsec3'), Type.Literal('none')], { description: 'records that came with that negative answer' }),
    nsec3: Type.Optional(Type.Object({ hashAlgorithm: Type.Integer(), flags: Type.Integer(), iterations: Type.Integer(), salt: Type.String({ description: 'hex' }) }, { additionalProperties: false })),
    cds: Type.Array(DnssecDs),
    cdnskey: Type.Array(DnssecKey),
    childDs: Type.Optional(
      Type.Object({ zone: Type.String(), ds: Type.Array(DnssecDs), rcode: Type.String() }, { additionalProperties: false, description: 'the DS RRset this parent-zone server serves for the next zone down the chain' }),
    ),
    queries: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DnssecServer = Static<typeof DnssecServer>;

/** encscan's own validation of the target's address records, from the trust anchor down. */
export const DnssecEvidence = Type.Object(
  {
    status: DnssecStatus,
    reason: Type.String(),
    message: Type.Optional(Type.String()),
    anchor: Type.Union([Type.Literal('builtin'), Type.Literal('configured')]),
    strictAlgorithms: Type.Boolean(),
    chain: Type.Array(DnssecZone),
    rrsets: Type.Array(DnssecRrset, {
      description: "the RRsets behind `status` (the address records and the alias links on the way), then those the caa stage relied on: each CAA RRset or denial up the climb; `status` stays the address records'",
    }),
    queries: Type.Integer({ minimum: 0 }),
    servers: Type.Optional(Type.Array(DnssecServer, { description: 'every authoritative server of every zone on the chain (iterative mode only)' })),
  },
  { additionalProperties: false },
);
export type DnssecEvidence = Static<typeof DnssecEvidence>;
