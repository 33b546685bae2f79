import type { Report, TargetResult } from '../evidence/report.js';
import { targetExitCode } from '../engine/exit-code.js';
import { csvField } from './escape.js';
import { categoryIds, findingsAt, gradedEndpoint, resolverLabel, verdictOf } from './render-summary.js';
import { trustStampEntries } from './trust-stamp.js';

type Cell = string | number | boolean | null | undefined;

/**
 * One row per target (RFC 4180, CRLF), columns in the spirit of pshtt / trustymail and internet.nl
 * exports. Values that differ between a target's endpoints are listed once each, space-separated.
 */
export function renderCsv(report: Report): string {
  const cats = categoryIds(report);
  const [[, trustStore], [, trustAnchors]] = trustStampEntries(report.trust) as [[string, string], [string, string]];
  const columns: Array<[string, (t: TargetResult) => Cell]> = [
    ['host', (t) => t.host],
    ['display_host', (t) => t.displayHost],
    ['port', (t) => t.port],
    ['input', (t) => t.input],
    ['status', (t) => t.status],
    ['verdict', (t) => verdictOf(t)],
    ['exit_code', (t) => targetExitCode(t)],
    ['tls_grade', (t) => t.score.tlsGrade],
    ['tls_grade_trust_ignored', (t) => t.score.tlsGradeTrustIgnored],
    ['grading_mode', (t) => t.score.tlsGradeDetails?.mode],
    ['tls_grade_score', (t) => gradedEndpoint(t)?.numeric],
    ['tls_grade_caps', (t) => gradedEndpoint(t)?.caps.map((c) => `${c.id}:${c.grade}`).join(' ')],
    ['handshake_failures', (t) => handshakes(t, (h) => 'failure' in h)],
    ['handshakes_without_fs_or_aead', (t) => handshakes(t, (h) => 'cipherSuite' in h && !(h.forwardSecrecy && h.aead))],
    ['overall_score', (t) => t.score.overall],
    ['overall_arithmetic', (t) => t.score.arithmetic],
    ...cats.map((id): [string, (t: TargetResult) => Cell] => [`score_${id}`, (t) => t.score.categories.find((c) => c.id === id)?.score]),
    ...cats.map((id): [string, (t: TargetResult) => Cell] => [`arithmetic_${id}`, (t) => t.score.categories.find((c) => c.id === id)?.arithmetic]),
    ['honor_roll', (t) => t.score.honorRoll],
    ['mozilla_meets', (t) => t.score.mozilla?.meets],
    ['mozilla_differences', (t) => t.score.mozilla?.differences.join('; ')],
    ['not_observable', (t) => t.score.notObservable?.join('; ')],
    ['tls_version', (t) => perEndpoint(t, (e) => e.tls?.negotiated?.version)],
    ['tls_cipher_suite', (t) => perEndpoint(t, (e) => e.tls?.negotiated?.cipherSuite.name)],
    ['cert_trusted', (t) => perEndpoint(t, (e) => e.pki?.trusted)],
    ['cert_not_after', (t) => perEndpoint(t, (e) => e.certificates?.[0]?.notAfter)],
    ['cert_hostname_match', (t) => perEndpoint(t, (e) => e.pki?.hostnameMatch)],
    ['hsts_present', (t) => (t.evidence.http ? (t.evidence.http.hsts?.raw.length ?? 0) > 0 : undefined)],
    ['hsts_max_age', (t) => t.evidence.http?.hsts?.maxAge],
    ['hsts_include_subdomains', (t) => t.evidence.http?.hsts?.includeSubDomains],
    ['http_redirect', (t) => t.findings.find((f) => f.check === 'http.redirect')?.outcome],
    ['fail_count', (t) => t.findings.filter((f) => f.severity === 'fail').length],
    ['warn_count', (t) => t.findings.filter((f) => f.severity === 'warn').length],
    ['worst_findings', (t) => worst(t)],
    ['waived', (t) => t.gate.waived.join(' ')],
    ['errors', (t) => t.errors.map((e) => e.code).join(' ')],
    ['tool_version', () => report.tool.version],
    ['schema_version', () => report.schemaVersion],
    ['levels_version', () => report.levelsVersion],
    ['profile', (t) => t.score.profile],
    ['rules_version', (t) => t.score.rulesVersion],
    ['policy', () => report.policy],
    ['resolver', () => resolverLabel(report.resolver)],
    ['trust_store', () => trustStore],
    ['trust_anchors', () => trustAnchors],
    ['started_at', () => report.startedAt],
  ];
  const rows = [columns.map(([name]) => name), ...report.targets.map((t) => columns.map(([, value]) => cellText(value(t))))];
  return rows.map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
}

function cellText(v: Cell): string {
  return v === null || v === undefined ? '' : String(v);
}

function perEndpoint(t: TargetResult, pick: (e: TargetResult['evidence']['endpoints'][number]) => Cell): string {
  return [...new Set(t.evidence.endpoints.map(pick).filter((v) => v !== undefined && v !== null).map(String))].join(' ');
}

/** Ids of the findings at the worst level present (fail, else warn); one per SNI name a finding names, as `id[sni=name]`. */
function worst(t: TargetResult): string {
  const bad = findingsAt(t, ['fail', 'warn']);
  return [...new Set(bad.filter((f) => f.severity === bad[0]?.severity).map((f) => (f.sni === undefined ? f.id : `${f.id}[sni=${f.sni}]`)))].join(' ');
}

type Handshake = NonNullable<ReturnType<typeof gradedEndpoint>>['handshakes'];

/** Clients of the graded endpoint's handshake simulation that match, separated by "; ". */
function handshakes(t: TargetResult, match: (h: NonNullable<Handshake>[number]) => boolean): string {
  return (gradedEndpoint(t)?.handshakes ?? []).filter(match).map((h) => h.client).join('; ');
}
