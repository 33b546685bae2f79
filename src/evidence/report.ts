import { Type, type Static } from '@sinclair/typebox';
import { AREAS, SEVERITIES, TLS_GRADES } from './constants.js';
import { ErrorEntry } from './common.js';
import { TargetEvidence } from './target.js';
import { TlsVersionName } from './tls.js';

export const Area = Type.Union(AREAS.map((a) => Type.Literal(a)));
export type Area = Static<typeof Area>;

export const Severity = Type.Union(SEVERITIES.map((s) => Type.Literal(s)));
export type Severity = Static<typeof Severity>;

export const Finding = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]+\\.[a-z0-9-]+\\.[a-z0-9-]+$' }),
    check: Type.String(),
    outcome: Type.String(),
    area: Area,
    severity: Severity,
    title: Type.String(),
    detail: Type.String(),
    citation: Type.Array(Type.String()),
    remediation: Type.Optional(Type.String()),
    endpoint: Type.Optional(Type.String({ description: 'address:port when the finding concerns one endpoint' })),
    sni: Type.Optional(
      Type.String({
        description: "the server name the endpoint was scanned under, when it is not the target's host or several names share the address:port",
      }),
    ),
    fix: Type.Optional(
      Type.Object(
        {
          snippet: Type.Object(
            {
              software: Type.String({ description: 'nginx, apache, caddy, haproxy or postfix' }),
              recognisedBy: Type.String({ description: 'the evidence that named the software, e.g. "Server header" or "SMTP banner"' }),
              profile: Type.Union([Type.Literal('modern'), Type.Literal('intermediate')], { description: 'the Mozilla configuration the snippet follows' }),
              config: Type.String(),
              source: Type.String(),
            },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false, description: 'a configuration snippet for the recognised server software (--fix-profile)' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Finding = Static<typeof Finding>;

export const CheckRun = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal('ran'), Type.Literal('not-applicable'), Type.Literal('not-tested')]),
  },
  { additionalProperties: false },
);
export type CheckRun = Static<typeof CheckRun>;


export const SimulatedHandshake = Type.Union([
  Type.Object(
    {
      client: Type.String(),
      version: TlsVersionName,
      cipherSuite: Type.String(),
      group: Type.Union([Type.String(), Type.Null()]),
      forwardSecrecy: Type.Boolean(),
      aead: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      client: Type.String(),
      failure: Type.Union(['no-common-version', 'no-common-suite', 'no-common-group', 'no-common-signature'].map((f) => Type.Literal(f))),
    },
    { additionalProperties: false },
  ),
]);

export const Score = Type.Object(
  {
    profile: Type.String(),
    rulesVersion: Type.String(),
    tlsGrade: Type.Union([...TLS_GRADES.map((g) => Type.Literal(g)), Type.Null()]),
    tlsGradeRulesVersion: Type.String(),
    tlsGradeTrustIgnored: Type.Optional(Type.Union([...TLS_GRADES.map((g) => Type.Literal(g)), Type.Null()], { description: 'the grade T or M hides' })),
    tlsGradeDetails: Type.Optional(
      Type.Object(
        {
          mode: Type.Union([Type.Literal('offered'), Type.Literal('simulated')], {
            description: 'offered: caps apply to what the server offers; simulated: no-FS / RC4 / 3DES / no-AEAD caps only when a reference client would negotiate them',
          }),
          clientsVersion: Type.Optional(Type.String({ description: 'rulesVersion of the reference client profiles' })),
          reason: Type.Optional(Type.String()),
          endpoints: Type.Array(
            Type.Object(
              {
                endpoint: Type.String(),
                sni: Type.Optional(Type.String({ description: 'the server name the endpoint was graded under, by the same rule as Finding.sni' })),
                grade: Type.String(),
                gradeTrustIgnored: Type.String(),
                numeric: Type.Number(),
                protocol: Type.Number(),
                keyExchange: Type.Number(),
                cipher: Type.Number(),
                caps: Type.Array(Type.Object({ id: Type.String(), grade: Type.String(), reason: Type.String() })),
                warnings: Type.Array(Type.String()),
                trust: Type.Array(Type.String()),
                handshakes: Type.Optional(Type.Array(SimulatedHandshake, { description: 'what each reference client would negotiate' })),
              },
              { additionalProperties: false },
            ),
          ),
          notEvaluated: Type.Array(Type.String()),
        },
        { additionalProperties: false, description: 'the arithmetic, caps and warnings behind tlsGrade' },
      ),
    ),
    overall: Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()]),
    arithmetic: Type.Optional(Type.String({ description: 'how the selected profile computed overall' })),
    honorRoll: Type.Optional(
      Type.Union([Type.Boolean(), Type.Null()], { description: 'ota profile: OTA Honor Roll on the observed pillars; null: undecided' }),
    ),
    notObservable: Type.Optional(Type.Array(Type.String(), { description: 'profile criteria that cannot be seen from outside and are not scored' })),
    mozilla: Type.Optional(
      Type.Object(
        {
          guidelines: Type.String(),
          meets: Type.Union([Type.Literal('modern'), Type.Literal('intermediate'), Type.Literal('old'), Type.Null()], {
            description: 'the strictest configuration every endpoint satisfies; null: none (or no TLS evidence)',
          }),
          next: Type.Union([Type.Literal('modern'), Type.Literal('intermediate'), Type.Literal('old'), Type.Null()], {
            description: 'the next stricter configuration, whose differences are listed',
          }),
          differences: Type.Array(Type.String()),
          byConfiguration: Type.Record(Type.String(), Type.Array(Type.String())),
          reason: Type.Optional(Type.String()),
          notEvaluated: Type.Array(Type.String()),
        },
        { additionalProperties: false, description: 'mozilla profile: compliance with the Mozilla server-side TLS guidelines' },
      ),
    ),
    categories: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          score: Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()]),
          verdict: Type.Union([Type.Literal('pass'), Type.Literal('warn'), Type.Literal('fail'), Type.Literal('n/a')]),
          title: Type.Optional(Type.String()),
          arithmetic: Type.Optional(Type.String()),
          items: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  id: Type.String({ description: 'check id (deploy360) or criterion id (ota)' }),
                  outcome: Type.Union([Type.Literal('pass'), Type.Literal('warn'), Type.Literal('fail'), Type.Literal('n/a')]),
                  points: Type.Number(),
                  max: Type.Number(),
                  bonus: Type.Optional(Type.Boolean()),
                  finding: Type.Optional(Type.String({ description: 'the worst finding, which decided the outcome' })),
                  link: Type.Optional(Type.String({ description: 'the page that explains the fix' })),
                },
                { additionalProperties: false },
              ),
            ),
          ),
          differences: Type.Optional(Type.Array(Type.String())),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true },
);
export type Score = Static<typeof Score>;

export const TargetStatus = Type.Union([Type.Literal('complete'), Type.Literal('incomplete'), Type.Literal('error')]);
export type TargetStatus = Static<typeof TargetStatus>;

export const Gate = Type.Object(
  {
    passed: Type.Union([Type.Boolean(), Type.Null()], { description: 'null: the policy could not be decided' }),
    reasons: Type.Array(Type.String()),
    waived: Type.Array(Type.String({ description: 'finding ids excused by a policy waiver' })),
  },
  { additionalProperties: false },
);
export type Gate = Static<typeof Gate>;

export const TargetResult = Type.Object(
  {
    input: Type.String(),
    host: Type.String({ description: 'A-label host, or the IP literal' }),
    displayHost: Type.String({ description: 'U-label form for people' }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    status: TargetStatus,
    errors: Type.Array(ErrorEntry),
    evidence: TargetEvidence,
    checks: Type.Array(CheckRun),
    findings: Type.Array(Finding),
    score: Score,
    gate: Gate,
  },
  { additionalProperties: false },
);
export type TargetResult = Static<typeof TargetResult>;

/** Which trust the scan judged against: certificate roots and DNSSEC anchors (absent in reports of older versions). */
export const TrustStamp = Type.Object(
  {
    store: Type.Object(
      {
        bundled: Type.String({ description: 'e.g. "Node.js 20.20.2 bundled Mozilla roots"' }),
        bundledCount: Type.Integer({ minimum: 0 }),
        extra: Type.Array(
          Type.Object(
            { file: Type.String(), count: Type.Integer({ minimum: 0 }), sha256: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' })) },
            { additionalProperties: false },
          ),
          { description: '--ca-file (and the world\'s CA file): SHA-256 of each certificate' },
        ),
      },
      { additionalProperties: false },
    ),
    anchors: Type.Object(
      {
        source: Type.String({ description: '"built-in IANA root KSKs" or the --trust-anchor file' }),
        keyTags: Type.Array(Type.Integer({ minimum: 0, maximum: 65535 })),
        sha256: Type.Union([Type.String({ pattern: '^[0-9a-f]{64}$' }), Type.Null()], { description: 'SHA-256 of the trust-anchor file; null for the built-in anchors' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type TrustStamp = Static<typeof TrustStamp>;

export const Report = Type.Object(
  {
    schemaVersion: Type.Literal('1'),
    tool: Type.Object({ name: Type.Literal('encscan'), version: Type.String() }, { additionalProperties: false }),
    startedAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.String({ format: 'date-time' }),
    levelsVersion: Type.String(),
    policy: Type.String({ description: '"default" (no finding at level fail) or the policy file used' }),
    resolver: Type.Object(
      {
        mode: Type.Union([Type.Literal('stub'), Type.Literal('iterative')]),
        servers: Type.Array(Type.String()),
        world: Type.Union([Type.String(), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    trust: Type.Optional(TrustStamp),
    targets: Type.Array(TargetResult),
  },
  { additionalProperties: false, $id: 'urn:encscan:schema:report:1', title: 'encscan report v1' },
);
export type Report = Static<typeof Report>;
