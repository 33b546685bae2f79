import type { Finding, Report, TargetResult } from '../evidence/report.js';
import { EXIT, targetExitCode } from '../engine/exit-code.js';
import { trustStampEntries } from './trust-stamp.js';

/** What every renderer shows the same way: the run stamp, a target's verdict and its findings in order. */

export type Verdict = 'pass' | 'fail' | 'incomplete' | 'error' | 'undecided';

/** From the gate (exit code 0 or 1); otherwise why the policy could not be decided. */
export function verdictOf(t: TargetResult): Verdict {
  const code = targetExitCode(t);
  if (code === EXIT.pass) return 'pass';
  if (code === EXIT.policyFailed) return 'fail';
  return t.status === 'complete' ? 'undecided' : t.status;
}

/**
 * The run stamp (issue 9 item 3) as label/value pairs: tool, contract, levels, scoring profile and rules,
 * TLS grading mode, policy, resolver, trust store and DNSSEC anchors, and scan time. Values may hold user or network text: each renderer escapes them.
 */
export function stampEntries(r: Report): Array<[string, string]> {
  const distinct = (pick: (t: TargetResult) => string) => [...new Set(r.targets.map(pick))].join(', ') || 'n/a';
  return [
    ['tool', `${r.tool.name} ${r.tool.version}`],
    ['schemaVersion', r.schemaVersion],
    ['levelsVersion', r.levelsVersion],
    ['profile', distinct((t) => t.score.profile)],
    ['rulesVersion', distinct((t) => t.score.rulesVersion)],
    ['tlsGradeRulesVersion', distinct((t) => t.score.tlsGradeRulesVersion)],
    ['gradingMode', distinct((t) => t.score.tlsGradeDetails?.mode ?? 'offered')],
    ['policy', r.policy],
    ['resolver', resolverLabel(r.resolver)],
    ...trustStampEntries(r.trust),
    ['startedAt', r.startedAt],
    ['finishedAt', r.finishedAt],
  ];
}

export function resolverLabel(res: Report['resolver']): string {
  const via = res.servers.length > 0 ? ` via ${res.servers.join(' ')}` : '';
  return `${res.mode}${via}${res.world === null ? '' : ` (world ${res.world})`}`;
}

/** Category ids in the order the targets list them, so tables have the same columns on every row. */
export function categoryIds(r: Report): string[] {
  return [...new Set(r.targets.flatMap((t) => t.score.categories.map((c) => c.id)))];
}

const ORDER: Record<Finding['severity'], number> = { fail: 0, warn: 1, info: 2, pass: 3 };

/** Findings at the given levels, worst first (stable within a level). */
export function findingsAt(t: TargetResult, levels: ReadonlyArray<Finding['severity']>): Finding[] {
  return t.findings.filter((f) => levels.includes(f.severity)).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/**
 * Where a finding (or a per-endpoint score entry) is, unescaped: its address:port and, when it names one,
 * the SNI name ("192.0.2.1:443 (sni shop.example)").
 */
export function findingLocation(f: { endpoint?: string; sni?: string }): string | undefined {
  const sni = f.sni === undefined ? undefined : `(sni ${f.sni})`;
  if (f.endpoint === undefined) return sni;
  return sni === undefined ? f.endpoint : `${f.endpoint} ${sni}`;
}

/** The first citation that is an http(s) URL: where a viewer links a finding. */
export function helpUrl(f: Finding): string | undefined {
  return f.citation.find((c) => /^https?:\/\/[^\s<>"'()]+$/.test(c) && URL.canParse(c));
}

/** host:port as people read it (U-label, IPv6 in brackets). */
export function targetLabel(t: TargetResult): string {
  return t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.displayHost}:${t.port}`;
}

type Handshake = NonNullable<NonNullable<TargetResult['score']['tlsGradeDetails']>['endpoints'][number]['handshakes']>[number];

/** A simulated handshake as table cells: client, protocol, cipher suite, key-exchange group (or why it fails). */
export function handshakeCells(h: Handshake): [string, string, string, string] {
  if ('failure' in h) return [h.client, 'fails', h.failure, ''];
  const notes = [h.forwardSecrecy ? '' : 'no FS', h.aead ? '' : 'no AEAD'].filter((n) => n !== '');
  return [h.client, h.version, h.cipherSuite + (notes.length > 0 ? ` (${notes.join(', ')})` : ''), h.group ?? ''];
}

/** The endpoint whose grade is the target's (the worst), for renderers that show one grade's arithmetic. */
export function gradedEndpoint(t: TargetResult): NonNullable<TargetResult['score']['tlsGradeDetails']>['endpoints'][number] | undefined {
  const d = t.score.tlsGradeDetails;
  return d?.endpoints.find((e) => e.grade === t.score.tlsGrade) ?? d?.endpoints[0];
}
