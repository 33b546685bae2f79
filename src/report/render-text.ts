import type { Finding, Report, TargetResult } from '../evidence/report.js';
import { targetExitCode, EXIT } from '../engine/exit-code.js';
import type { TlsaRecordMatch } from '../evidence/dane.js';
import { printable } from './sanitize.js';
import { profileLines } from './profile-lines.js';
import { findingLocation, gradedEndpoint, handshakeCells } from './render-summary.js';
import { trustStampEntries } from './trust-stamp.js';

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const plain: Palette = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };

const ORDER: Record<Finding['severity'], number> = { fail: 0, warn: 1, info: 2, pass: 3 };

/** Verdict first, then the findings that need action with their remediation, then a pass count. */
export function renderTarget(t: TargetResult, c: Palette = plain): string {
  const code = targetExitCode(t);
  const verdict = code === EXIT.pass ? c.green('PASS') : code === EXIT.policyFailed ? c.red('FAIL') : c.yellow(t.status.toUpperCase());
  const where = printable(t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.displayHost}:${t.port}`);
  const overall = t.score.overall === null ? 'no score' : `score ${t.score.overall}/100`;
  const lines = [`${c.bold(where)}  ${verdict}  ${c.dim(overall)}`];
  const cats = t.score.categories.filter((k) => k.verdict !== 'n/a').map((k) => `${k.id} ${k.score} ${k.verdict}`);
  if (cats.length > 0) lines.push(c.dim(`  categories: ${cats.join(' · ')}`));
  lines.push(...profileLines(t.score, c));
  lines.push(...gradeLines(t, c));
  for (const e of t.errors) lines.push(c.yellow(`  could not finish: ${e.stage}: ${e.code}: ${printable(e.message, 200)}`));
  const shown = t.findings.filter((f) => f.severity !== 'pass').sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  for (const f of shown) {
    const label = f.severity === 'fail' ? c.red('FAIL') : f.severity === 'warn' ? c.yellow('WARN') : c.dim('info');
    const where = findingLocation(f);
    const at = where === undefined ? '' : c.dim(`  [${printable(where)}]`);
    lines.push(`  ${label} ${printable(f.id)}${at}`, `       ${printable(f.detail)}`);
    if (f.severity === 'fail' || f.severity === 'warn') lines.push(...matchTable(t, f).map((l) => c.dim(l)));
    if (f.remediation !== undefined && f.severity !== 'info') lines.push(c.dim(`       fix: ${printable(f.remediation)}`));
    const snippet = f.fix?.snippet;
    if (snippet !== undefined) {
      lines.push(c.dim(`       ${printable(snippet.software)} (${printable(snippet.recognisedBy)}), Mozilla ${snippet.profile}:`));
      for (const l of snippet.config.split('\n')) lines.push(c.dim(`         ${printable(l)}`));
    }
  }
  for (const r of t.gate.reasons.filter((x) => !x.includes(' is at level '))) lines.push(c.yellow(`  gate: ${printable(r, 200)}`));
  if (t.gate.waived.length > 0) lines.push(c.dim(`  waived by policy: ${t.gate.waived.join(', ')}`));
  const passed = t.findings.filter((f) => f.severity === 'pass').length;
  const untested = t.checks.filter((k) => k.status === 'not-tested').map((k) => k.id);
  const why = t.evidence.endpoints.length === 0 ? `${untested.length} checks not tested (no address to connect to)` : `not tested: ${untested.join(', ')}`;
  lines.push(c.green(`  ✓ ${passed} passed`) + (untested.length > 0 ? c.dim(`, ${why}`) : ''));
  return lines.join('\n');
}

export function renderText(report: Report, c: Palette = plain): string {
  const profile = report.targets[0]?.score;
  const head = c.dim(
    [
      `encscan ${report.tool.version} · schemaVersion ${report.schemaVersion} · ${report.startedAt}`,
      `levels ${report.levelsVersion}` +
        (profile ? ` · profile ${profile.profile} ${profile.rulesVersion} · grading ${profile.tlsGradeDetails?.mode ?? 'offered'}` : '') +
        ` · policy ${printable(report.policy)}`,
      `resolver ${report.resolver.mode} ${printable(report.resolver.servers.slice(0, 3).join(' '))}` +
        (report.resolver.world ? ` (world ${printable(report.resolver.world)})` : ''),
      ...trustStampEntries(report.trust).map(([k, v]) => `${k} ${printable(v, 1000)}`),
    ].join('\n'),
  );
  return `${[head, ...report.targets.map((t) => renderTarget(t, c))].join('\n\n')}\n`;
}

/** The TLS grade with its arithmetic, caps and warnings, worst endpoint first. */
function gradeLines(t: TargetResult, c: Palette): string[] {
  const d = t.score.tlsGradeDetails;
  if (t.score.tlsGrade === null || !d) return d?.reason ? [c.dim(`  TLS grade: not evaluated (${d.reason})`)] : [];
  const worst = gradedEndpoint(t)!;
  const hidden = t.score.tlsGradeTrustIgnored !== t.score.tlsGrade ? ` (${t.score.tlsGradeTrustIgnored} if trust were ignored)` : '';
  const out = [
    `  TLS grade ${c.bold(t.score.tlsGrade)}${hidden}, ${d.mode} mode: ${worst.numeric} = 0.3 × protocol ${worst.protocol} + 0.3 × key exchange ${worst.keyExchange} + 0.4 × cipher ${worst.cipher}`,
  ];
  for (const cap of worst.caps) out.push(c.dim(`    capped at ${cap.grade}: ${cap.reason}`));
  for (const w of worst.warnings) out.push(c.dim(`    warning: ${w}`));
  for (const r of worst.trust) out.push(c.dim(`    not trusted: ${printable(r)}`));
  // The handshake table is what simulated mode grades on; in offered mode the JSON report has it.
  if (d.mode === 'simulated') {
    out.push(c.dim(`    handshake simulation (${printable(findingLocation(worst)!)}):`));
    const byResult = new Map<string, string[]>();
    for (const h of worst.handshakes ?? []) {
      const [client, ...result] = handshakeCells(h);
      const key = result.filter((x) => x !== '').join(' ');
      byResult.set(key, [...(byResult.get(key) ?? []), client]);
    }
    for (const [result, clients] of byResult) out.push(c.dim(`      ${printable(result)}: ${printable(clients.join(', '), 1000)}`));
  }
  return out;
}

const TABLE_RECORDS = 4;
const TABLE_CELLS = 3;

/** For a failing TLSA verdict: each record against each certificate depth, and why it (did not) match. */
function matchTable(t: TargetResult, f: Finding): string[] {
  const dane = t.evidence.dane;
  let records: TlsaRecordMatch[] | undefined;
  if (f.check === 'dane.https') records = dane?.https?.records;
  else if (f.check === 'dane.mail') records = dane?.mail.find((m) => m.mx === f.endpoint)?.records;
  if (!records || records.length === 0) return [];
  const out = ['       TLSA record × certificate depth:'];
  for (const r of records.slice(0, TABLE_RECORDS)) {
    const why = r.usable ? r.status : `unusable (${r.unusable ?? 'unknown'})`;
    out.push(`         ${r.usage} ${r.selector} ${r.mtype} ${printable(r.data.slice(0, 16))}…  ${why}`);
    for (const cell of r.cells.slice(0, TABLE_CELLS)) {
      out.push(`           depth ${cell.depth} (${cell.source}): ${cell.matched ? 'match' : 'no match'}: ${printable(cell.reason, 200)}`);
    }
    if (r.cells.length > TABLE_CELLS) out.push(`           … ${r.cells.length - TABLE_CELLS} more`);
  }
  if (records.length > TABLE_RECORDS) out.push(`         … ${records.length - TABLE_RECORDS} more records`);
  return out;
}
