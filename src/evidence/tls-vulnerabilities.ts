import { Type, type Static } from '@sinclair/typebox';

/** The weaknesses encscan looks for on a TLS endpoint, beyond the suite and version lists. */
export const TLS_VULNERABILITY_IDS = [
  'secure-renegotiation',
  'client-renegotiation',
  'compression',
  'fallback-scsv',
  'heartbleed',
  'ccs-injection',
  'ticketbleed',
  'robot',
  'dh-group',
  'poodle',
  'sweet32',
  'freak',
  'logjam',
  'beast',
  'lucky13',
  'no-tls13',
  'no-aead',
  'no-pq-key-exchange',
] as const;
export type TlsVulnerabilityId = (typeof TLS_VULNERABILITY_IDS)[number];

/**
 * One weakness and how encscan knows: `tested` (a probe connection observed the behaviour),
 * `implied` (read from the enumerated configuration, no connection of its own) or `informational`
 * (a property worth knowing that is not an attack by itself).
 */
export const TlsVulnerability = Type.Object(
  {
    id: Type.Union(TLS_VULNERABILITY_IDS.map((id) => Type.Literal(id))),
    /** null: the probe ran but could not decide (no answer, an answer that fits neither case). */
    vulnerable: Type.Union([Type.Boolean(), Type.Null()]),
    how: Type.Union([Type.Literal('tested'), Type.Literal('implied'), Type.Literal('informational')]),
    /** What was observed, in a few words ("alert inappropriate_fallback to a TLSv1.1 hello"). Never leaked bytes. */
    detail: Type.String(),
    /** Connections this probe opened. */
    connections: Type.Integer({ minimum: 0 }),
    /** dh-group: bits of the DHE prime the server sent. */
    groupBits: Type.Optional(Type.Integer({ minimum: 0 })),
    /** dh-group: the published group that prime is (e.g. "RFC 2409 group 2"), null for a server-made one. */
    knownGroup: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);
export type TlsVulnerability = Static<typeof TlsVulnerability>;
