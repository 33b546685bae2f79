import type { CheckRun, Finding, Report, TargetResult } from '../evidence/report.js';
import { escapeXml as x } from './escape.js';
import { findingLocation, stampEntries, targetLabel } from './render-summary.js';

export interface JunitOptions {
  /** Report warn findings as failures too (default: only fail findings fail a test case). */
  warnAsFailure?: boolean;
}

/**
 * JUnit XML: one <testsuite> per target, one <testcase> per check (classname = area, name = check id).
 * A check fails when it has a fail finding (and, with warnAsFailure, a warn finding) that the policy did
 * not waive; not-applicable and not-tested checks are skipped. Two more cases per target, classname
 * "encscan": "scan" errors when the target could not be scanned completely, "gate" fails when the
 * policy failed.
 */
export function renderJunit(report: Report, opts: JunitOptions = {}): string {
  const failing: ReadonlyArray<Finding['severity']> = opts.warnAsFailure === true ? ['fail', 'warn'] : ['fail'];
  const suites = report.targets.map((t, i) => suite(report, t, i, failing));
  const count = (k: keyof Counts) => suites.reduce((n, s) => n + s.counts[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="encscan" tests="${count('tests')}" failures="${count('failures')}" errors="${count('errors')}" skipped="${count('skipped')}" timestamp="${x(report.startedAt)}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suite(report: Report, t: TargetResult, id: number, failing: ReadonlyArray<Finding['severity']>): { xml: string; counts: Counts } {
  const waived = new Set(t.gate.waived);
  const cases = t.checks.map((k) => checkCase(k, t.findings.filter((f) => f.check === k.id), waived, failing));
  cases.push(scanCase(t), gateCase(t));
  const counts: Counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.kind === 'failure').length,
    errors: cases.filter((c) => c.kind === 'error').length,
    skipped: cases.filter((c) => c.kind === 'skipped').length,
  };
  const entries: Array<[string, string]> = [...stampEntries(report), ['target', t.input], ['host', t.host], ['displayHost', t.displayHost], ['status', t.status], ...scoreProperties(t)];
  const props = entries.map(([k, v]) => `      <property name="${x(k)}" value="${x(v)}"/>`).join('\n');
  const xml = [
    `  <testsuite id="${id}" name="${x(targetLabel(t))}" package="encscan" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" timestamp="${x(report.startedAt)}">`,
    '    <properties>',
    props,
    '    </properties>',
    ...cases.map((c) => c.xml),
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

type Case = { kind: 'pass' | 'failure' | 'error' | 'skipped'; xml: string };

function testcase(classname: string, name: string, kind: Case['kind'], inner: string): Case {
  const open = `    <testcase classname="${x(classname)}" name="${x(name)}"`;
  return { kind, xml: inner === '' ? `${open}/>` : `${open}>\n${inner}\n    </testcase>` };
}

function checkCase(k: CheckRun, findings: Finding[], waived: Set<string>, failing: ReadonlyArray<Finding['severity']>): Case {
  const area = k.id.split('.')[0]!;
  if (k.status !== 'ran') return testcase(area, k.id, 'skipped', `      <skipped message="${k.status}"/>`);
  const lines = findings.map((f) => line(f, waived.has(f.id)));
  const out = lines.length === 0 ? '' : `      <system-out>${lines.map((l) => x(l, 1000)).join('\n')}</system-out>`;
  const failed = findings.filter((f) => failing.includes(f.severity) && !waived.has(f.id));
  if (failed.length === 0) return testcase(area, k.id, 'pass', out);
  const first = failed[0]!;
  const body = failed.map((f) => line(f, false)).map((l) => x(l, 1000)).join('\n');
  return testcase(area, k.id, 'failure', `      <failure message="${x(`${first.id}: ${first.detail}`)}" type="${first.severity}">${body}</failure>\n${out}`);
}

function line(f: Finding, waived: boolean): string {
  const where = findingLocation(f);
  const at = where === undefined ? '' : ` [${where}]`;
  const fix = f.remediation === undefined || f.severity === 'pass' ? '' : ` Fix: ${f.remediation}`;
  return `${f.severity.toUpperCase()} ${f.id}${at}${waived ? ' (waived by policy)' : ''}: ${f.detail}${fix}`;
}

function scanCase(t: TargetResult): Case {
  if (t.status === 'complete') return testcase('encscan', 'scan', 'pass', '');
  const detail = t.errors.map((e) => `${e.stage}: ${e.code}: ${e.message}`);
  return testcase('encscan', 'scan', 'error', `      <error message="${x(`target ${t.status}`)}" type="${x(t.errors[0]?.code ?? t.status)}">${detail.map((d) => x(d, 1000)).join('\n')}</error>`);
}

function gateCase(t: TargetResult): Case {
  if (t.gate.passed === null) return testcase('encscan', 'gate', 'skipped', '      <skipped message="the policy could not be decided"/>');
  if (t.gate.passed) return testcase('encscan', 'gate', 'pass', '');
  return testcase('encscan', 'gate', 'failure', `      <failure message="policy failed" type="gate">${t.gate.reasons.map((r) => x(r, 1000)).join('\n')}</failure>`);
}

/** The target's score as properties: grade and mode, overall with its arithmetic, and the profile's verdicts. */
function scoreProperties(t: TargetResult): Array<[string, string]> {
  const s = t.score;
  const out: Array<[string, string]> = [
    ['tlsGrade', s.tlsGrade ?? 'n/a'],
    ['tlsGradeTrustIgnored', s.tlsGradeTrustIgnored ?? 'n/a'],
    ['overall', s.overall === null ? 'n/a' : String(s.overall)],
  ];
  if (s.arithmetic !== undefined) out.push(['arithmetic', s.arithmetic]);
  for (const k of s.categories) out.push([`category.${k.id}`, `${k.score ?? 'n/a'} ${k.verdict}${k.arithmetic === undefined ? '' : `: ${k.arithmetic}`}`]);
  if (s.honorRoll !== undefined) out.push(['honorRoll', String(s.honorRoll)]);
  if (s.mozilla !== undefined) out.push(['mozillaMeets', s.mozilla.meets ?? 'none'], ['mozillaDifferences', s.mozilla.differences.join('; ')]);
  return out;
}
