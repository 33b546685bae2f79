import { Type, type Static } from '@sinclair/typebox';
import { DnssecStatus } from './dnssec.js';
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

/** SvcParams of an SVCB/HTTPS record (RFC 9460 §7), by their registered names. */
export const SvcParams = Type.Object(
  {
    mandatory: Type.Optional(Type.Array(Type.String())),
    alpn: Type.Optional(Type.Array(Type.String())),
    noDefaultAlpn: Type.Optional(Type.Boolean()),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    ipv4hint: Type.Optional(Type.Array(Type.String())),
    ech: Type.Optional(Type.String({ description: 'ECHConfigList, base64' })),
    ipv6hint: Type.Optional(Type.Array(Type.String())),
    dohpath: Type.Optional(Type.String()),
    other: Type.Optional(Type.Array(Type.Object({ key: Type.String(), value: Type.String({ description: 'hex' }) }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);

/** One HTTPS record (RFC 9460 §9) at the target's service name or an alias target, with the DNSSEC status of its RRset. */
export const HttpsRecord = Type.Object(
  {
    name: Type.String({ description: 'the name asked: the host, _<port>._https.<host> for another port, or an AliasMode TargetName' }),
    dnssec: DnssecStatus,
    rdata: Type.String({ description: 'hex, as received' }),
    priority: Type.Union([Type.Integer(), Type.Null()], { description: '0 is AliasMode; null when malformed' }),
    target: Type.Union([Type.String(), Type.Null()], { description: '"." is the owner itself' }),
    params: Type.Union([SvcParams, Type.Null()]),
    malformed: Type.Optional(Type.String({ description: 'why clients must ignore the record' })),
    problems: Type.Array(Type.String(), { description: 'RFC 9460 rules broken in a record clients still use' }),
    portAnswers: Type.Optional(Type.Boolean({ description: 'for a port param other than the scanned port: whether HTTPS answered there' })),
  },
  { additionalProperties: false },
);
export type HttpsRecord = Static<typeof HttpsRecord>;

/** The HTTPS RRset at one AliasMode TargetName (RFC 9460 §2.4.2), with the DNSSEC status of the answer or of its denial. */
export const HttpsAliasHop = Type.Object(
  { name: Type.String({ description: 'the TargetName asked, with the trailing dot' }), dnssec: DnssecStatus, records: Type.Array(HttpsRecord) },
  { additionalProperties: false },
);
export type HttpsAliasHop = Static<typeof HttpsAliasHop>;

/** The AliasMode chain from the target's service name as a client follows it (RFC 9460 §3), and where it stopped. */
export const HttpsAliasChain = Type.Object(
  {
    hops: Type.Array(HttpsAliasHop, { description: 'each TargetName asked, in order; the target\'s own RRset is httpsRR' }),
    end: Type.Union(
      [Type.Literal('service'), Type.Literal('no-records'), Type.Literal('unavailable'), Type.Literal('loop'), Type.Literal('too-long'), Type.Literal('bogus')],
      {
        description:
          'service: ServiceMode records at the last hop; no-records: none there; unavailable: an alias to "." (RFC 9460 §2.5.1); ' +
          'loop: an alias back to a name already asked; too-long: still aliasing after the hop limit; bogus: the last hop failed DNSSEC validation',
      },
    ),
    addresses: Type.Optional(Type.Array(Type.String(), { description: 'with end "service": the A and AAAA of the last hop\'s name; absent when that lookup was undecided' })),
  },
  { additionalProperties: false },
);
export type HttpsAliasChain = Static<typeof HttpsAliasChain>;

export const RedirectChains = Type.Object(
  { http: Type.Array(HttpHop), https: Type.Array(HttpHop) },
  { additionalProperties: false },
);
export type RedirectChains = Static<typeof RedirectChains>;

/** hstspreload wants www.<domain> on HTTPS if it exists; the redirect verdicts compare apex and www. */
export const CounterpartHttp = Type.Object(
  {
    name: Type.String({ description: 'www.<host>, or <host> without www. when the target starts with it' }),
    address: Type.Union([Type.String(), Type.Null()], { description: 'null: the name has no address' }),
    redirects: RedirectChains,
    hsts: Type.Union([HstsEvidence, Type.Null()]),
  },
  { additionalProperties: false },
);
export type CounterpartHttp = Static<typeof CounterpartHttp>;

/** Membership in a user-given snapshot of Chromium's HSTS preload list (--preload-list). */
export const PreloadListEvidence = Type.Object(
  {
    file: Type.String({ description: 'base name of the snapshot file' }),
    date: Type.String({ description: "the snapshot's date: the file's modification time, ISO 8601" }),
    entries: Type.Integer({ minimum: 0 }),
    preloaded: Type.Boolean({ description: 'an HSTS (force-https) entry covers the host' }),
    entry: Type.Union([Type.String(), Type.Null()], { description: 'the entry that covers the host: itself, or a parent with include_subdomains' }),
    mode: Type.Union([Type.String(), Type.Null()]),
    includeSubdomains: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PreloadListEvidence = Static<typeof PreloadListEvidence>;

export const HttpEvidence = Type.Object(
  {
    redirects: RedirectChains,
    hsts: Type.Union([HstsEvidence, Type.Null()], {
      description: 'from the first HTTPS response; with several addresses the worst one (see endpoints[].http); null when none came',
    }),
    counterpart: Type.Optional(CounterpartHttp),
    preload: Type.Optional(PreloadListEvidence),
    httpsRR: Type.Optional(Type.Array(HttpsRecord, { description: 'the HTTPS RRset (RFC 9460); empty when there is none' })),
    httpsRRDnssec: Type.Optional(Type.Union(DnssecStatus.anyOf, { description: 'DNSSEC status of the httpsRR answer, or of the proof that there is none' })),
    httpsRRAlias: Type.Optional(HttpsAliasChain),
    securityTxt: Type.Optional(SecurityTxt),
    mtaSts: Type.Optional(MtaStsEvidence),
    tlsRpt: Type.Optional(TlsRptEvidence),
  },
  { additionalProperties: true },
);
export type HttpEvidence = Static<typeof HttpEvidence>;

/**
 * The HTTPS answer of one endpoint (address, port), and the chains and HSTS header seen when every
 * request for the host itself goes to this address; evidence.http holds the worst of them.
 */
export const EndpointHttp = Type.Object(
  { https: HttpHop, redirects: Type.Optional(RedirectChains), hsts: Type.Optional(Type.Union([HstsEvidence, Type.Null()])) },
  { additionalProperties: true },
);
export type EndpointHttp = Static<typeof EndpointHttp>;
