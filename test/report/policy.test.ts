import { describe, expect, it } from 'vitest';
import type { Finding, TargetResult } from '../../src/evidence/report.js';
import { evaluateGate, type Policy } from '../../src/report/policy.js';
import { EXIT, targetExitCode } from '../../src/engine/exit-code.js';

const NOW = new Date('2026-06-01T00:00:00Z');

function finding(id: string, severity: Finding['severity']): Finding {
  const [area, check, outcome] = id.split('.');
  return { id, check: `${area}.${check}`, outcome: outcome!, area: area as Finding['area'], severity, title: 't', detail: 'd', citation: [] };
}

function target(findings: Finding[], parts: Partial<TargetResult> = {}): TargetResult {
  return {
    input: 'site.example', host: 'site.example', displayHost: 'site.example', port: 443, status: 'complete', errors: [],
    evidence: { attempts: {}, endpoints: [] }, checks: [], findings,
    score: { profile: 'deploy360', rulesVersion: '1', tlsGrade: null, tlsGradeRulesVersion: 'x', overall: 80,
      categories: [{ id: 'tls', score: 70, verdict: 'warn' }] },
    gate: { passed: null, reasons: [], waived: [] },
    ...parts,
  };
}

const gate = (t: TargetResult, p: Policy) => evaluateGate(t, p, NOW);
const expired = finding('certificate.expiry.expired', 'fail');
const short = finding('hsts.header.too-short', 'warn');

describe('evaluateGate', () => {
  it('default policy: a fail finding fails, a warning passes', () => {
    expect(gate(target([expired, short]), { failOn: 'fail' })).toMatchObject({ passed: false, reasons: ['certificate.expiry.expired is at level fail'] });
    expect(gate(target([short]), { failOn: 'fail' }).passed).toBe(true);
  });

  it('failOn warn makes warnings fail', () => {
    expect(gate(target([short]), { failOn: 'warn' }).passed).toBe(false);
  });

  it('forbids listed ids and prefixes', () => {
    expect(gate(target([short]), { forbid: ['hsts.*'] })).toMatchObject({ passed: false, reasons: ['hsts.header.too-short is forbidden by the policy'] });
  });

  it('checks minimum category scores', () => {
    expect(gate(target([]), { categories: { tls: 80 } })).toMatchObject({ passed: false, reasons: ['category tls scored 70 < 80'] });
    expect(gate(target([]), { categories: { tls: 70, dnssec: 100 } }).passed).toBe(true); // n/a categories are not judged
  });

  it('applies waivers until they expire, optionally per target', () => {
    const waiver = (expires: string, t?: string) => ({ waivers: [{ finding: 'certificate.expiry.expired', expires, reason: 'renewal ticket 42', ...(t ? { target: t } : {}) }] });
    expect(gate(target([expired]), waiver('2026-06-01'))).toMatchObject({ passed: true, waived: ['certificate.expiry.expired'] });
    expect(gate(target([expired]), waiver('2026-05-31')).passed).toBe(false);
    expect(gate(target([expired]), waiver('2027-01-01', 'other.example')).passed).toBe(false);
  });

  it('cannot decide an incomplete scan or a grade that was not evaluated', () => {
    expect(gate(target([], { status: 'incomplete' }), {}).passed).toBeNull();
    expect(gate(target([]), { minGrade: 'A' }).passed).toBeNull();
  });

  it('ranks grades with T and M as F', () => {
    const graded = (g: TargetResult['score']['tlsGrade']) => target([], { score: { ...target([]).score, tlsGrade: g } });
    expect(gate(graded('A-'), { minGrade: 'A' }).passed).toBe(false);
    expect(gate(graded('A+'), { minGrade: 'A' }).passed).toBe(true);
    expect(gate(graded('T'), { minGrade: 'F' }).passed).toBe(true);
    expect(gate(graded('M'), { minGrade: 'E' }).passed).toBe(false);
  });

  it('maps the gate to exit codes', () => {
    const withGate = (passed: boolean | null) => targetExitCode(target([], { gate: { passed, reasons: [], waived: [] } }));
    expect([withGate(true), withGate(false), withGate(null)]).toEqual([EXIT.pass, EXIT.policyFailed, EXIT.incomplete]);
  });
});
