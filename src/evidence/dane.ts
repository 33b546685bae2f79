import { Type, type Static } from '@sinclair/typebox';
import { CertificateInfo, PkiEvidence } from './certificate.js';
import { DnssecStatus } from './dnssec.js';
import { CipherSuiteRef, GroupRef, ProtocolSupport, TlsVersionName } from './tls.js';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** One TLSA record against one certificate (src/dane/match-tlsa.ts MatchCell). */
export const TlsaCell = Type.Object(
  {
    depth: Type.Integer({ minimum: 0, description: 'index in the chain as sent; for dns/trust-store cells, position in the path from the leaf' }),
    source: lit(['chain', 'dns', 'trust-store'] as const),
    matched: Type.Boolean({ description: "the record's data equals this certificate's" }),
    reason: Type.String(),
  },
  { additionalProperties: false },
);
export type TlsaCell = Static<typeof TlsaCell>;

/** One TLSA record and what it achieved: a row of the explained match table. */
export const TlsaRecordMatch = Type.Object(
  {
    usage: Type.Integer({ minimum: 0, maximum: 255 }),
    selector: Type.Integer({ minimum: 0, maximum: 255 }),
    mtype: Type.Integer({ minimum: 0, maximum: 255 }),
    data: Type.String({ description: 'certificate association data, lowercase hex' }),
    usable: Type.Boolean(),
    unusable: Type.Optional(lit(['unknown-usage', 'unknown-selector', 'unknown-matching-type', 'bad-digest-length', 'pkix-usage-over-smtp', 'weaker-digest'] as const)),
    status: lit(['authenticated', 'name-mismatch', 'pkix-failed', 'expired', 'no-match', 'unusable'] as const),
    matched: Type.Boolean({ description: 'matched a certificate where its usage looks (trust anchors: on a verified path)' }),
    depth: Type.Optional(Type.Integer({ minimum: 0 })),
    key: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the SPKI the record matched' })),
    reason: Type.String(),
    cells: Type.Array(TlsaCell),
  },
  { additionalProperties: false },
);
export type TlsaRecordMatch = Static<typeof TlsaRecordMatch>;

/** valid/invalid/none come from matching; insecure/bogus from the DNSSEC status of the TLSA answer. */
export const DaneVerdict = lit(['valid', 'invalid', 'none', 'insecure', 'bogus'] as const);
export type DaneVerdict = Static<typeof DaneVerdict>;

export const DaneFailure = lit(['no-certificate', 'no-match', 'name-mismatch', 'pkix-failed', 'expired'] as const);

export const RolloverEvidence = Type.Object(
  {
    ready: Type.Boolean(),
    code: lit(['next-key', 'issuer-ca', 'no-valid-match', 'single-record', 'duplicate', 'unrelated-ta'] as const),
    current: Type.Optional(Type.Integer({ minimum: 0, description: 'index in records' })),
    next: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type RolloverEvidence = Static<typeof RolloverEvidence>;

/** RFC 7671 §7, RFC 7672 §2.2.2: the host name after its CNAMEs; TLSA records there count only when every link is secure. */
export const CnameExpansion = Type.Object({ name: Type.String(), secure: Type.Boolean() }, { additionalProperties: false });
export type CnameExpansion = Static<typeof CnameExpansion>;

const Expiry = Type.String({
  format: 'date-time',
  description: 'earliest notAfter of the certificates the deciding match vouches for: the leaf, and for a trust-anchor match every certificate below the anchor',
});

export const DaneHttps = Type.Object(
  {
    name: Type.String({ description: 'TLSA owner name, e.g. _443._tcp.example.com.' }),
    dnssec: DnssecStatus,
    records: Type.Array(TlsaRecordMatch),
    verdict: DaneVerdict,
    depth: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    failure: Type.Union([DaneFailure, Type.Null()]),
    rolloverReady: Type.Boolean(),
    rollover: RolloverEvidence,
    expanded: Type.Optional(CnameExpansion),
    expiry: Type.Optional(Expiry),
  },
  { additionalProperties: false },
);
export type DaneHttps = Static<typeof DaneHttps>;

export const SmtpReplyEvidence = Type.Object(
  { code: Type.Integer({ minimum: 200, maximum: 599 }), lines: Type.Array(Type.String()) },
  { additionalProperties: false },
);

/** What the SMTP probe saw at one MX address (src/probes/smtp/probe.ts). */
export const SmtpEndpoint = Type.Object(
  {
    address: Type.String(),
    port: Type.Integer({ minimum: 1, maximum: 65535, description: 'logical port (25), never a lab port' }),
    banner: Type.Union([SmtpReplyEvidence, Type.Null()]),
    capabilities: Type.Array(Type.String({ description: 'EHLO keyword and parameters, upper-cased' })),
    starttls: Type.Boolean({ description: 'EHLO offered STARTTLS' }),
    tls: Type.Union([Type.Object({ version: TlsVersionName, cipherSuite: CipherSuiteRef }, { additionalProperties: false }), Type.Null()]),
    certificates: Type.Array(CertificateInfo),
    enumeration: Type.Optional(
      Type.Object(
        { protocols: Type.Array(ProtocolSupport), groups: Type.Array(GroupRef), connections: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false, description: 'protocols, suites and groups from crafted hellos, each after its own EHLO and STARTTLS' },
      ),
    ),
    error: Type.Union([Type.Object({ code: Type.String({ pattern: '^ENCSCAN_[A-Z0-9_]+$' }), detail: Type.String() }, { additionalProperties: false }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SmtpEndpoint = Static<typeof SmtpEndpoint>;

export const MailEndpoint = Type.Composite([
  SmtpEndpoint,
  Type.Object({
    pki: Type.Union([PkiEvidence, Type.Null()]),
    verdict: DaneVerdict,
    records: Type.Array(TlsaRecordMatch, { description: "this endpoint's match table" }),
  }),
]);
export type MailEndpoint = Static<typeof MailEndpoint>;

export const MailMx = Type.Object(
  {
    mx: Type.String(),
    preference: Type.Integer({ minimum: 0, maximum: 65535 }),
    dnssec: DnssecStatus,
    addressDnssec: Type.Optional(Type.Union(DnssecStatus.anyOf, { description: "the MX host's A/AAAA answers: DANE applies only when they are secure (RFC 7672 §2.2.2)" })),
    expanded: Type.Optional(CnameExpansion),
    tlsaName: Type.Optional(Type.String({ description: 'TLSA owner name used, e.g. _25._tcp.mx.example.com.' })),
    records: Type.Array(TlsaRecordMatch, { description: 'match table of the worst endpoint' }),
    starttls: Type.Boolean({ description: 'every endpoint offered STARTTLS' }),
    verdict: DaneVerdict,
    rolloverReady: Type.Boolean(),
    expiry: Type.Optional(Expiry),
    endpoints: Type.Array(MailEndpoint),
  },
  { additionalProperties: false },
);
export type MailMx = Static<typeof MailMx>;

/** evidence.dane. A null MX (RFC 7505) gives `mail: []` and `nullMx: true`. */
export const DaneEvidence = Type.Object(
  {
    https: Type.Optional(DaneHttps),
    mail: Type.Array(MailMx),
    nullMx: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DaneEvidence = Static<typeof DaneEvidence>;
