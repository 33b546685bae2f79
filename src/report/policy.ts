import type { Finding, TargetResult } from '../evidence/report.js';
import type { Policy } from './policy-schema.js';

export type { Policy };

export const DEFAULT_POLICY: Policy = { failOn: 'fail' };

/** Gate order: A+ > A > A- > B > C > D > E > F; T and M count as F. */
const GRADE_RANK = ['F', 'E', 'D', 'C', 'B', 'A-', 'A', 'A+'];
const gradeRank = (g: string): number => GRADE_RANK.indexOf(g === 'T' || g === 'M' ? 'F' : g);
const SEVERITY_RANK: Record<string, number> = { pass: 0, info: 1, warn: 2, fail: 3 };

export interface GateResult {
  /** null: the policy could not be decided (incomplete scan, or a grade that was not evaluated). */
  passed: boolean | null;
  reasons: string[];
  waived: string[];
}

function matches(pattern: string, id: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
}

export function evaluateGate(t: TargetResult, policy: Policy, now: Date): GateResult {
  const reasons: string[] = [];
  const waived: string[] = [];
  const live = (f: Finding): boolean => {
    const w = policy.waivers?.find(
      (w) => matches(w.finding, f.id) && (w.target === undefined || w.target === t.host) && Date.parse(`${w.expires}T23:59:59Z`) >= now.getTime(),
    );
    if (w) waived.push(f.id);
    return w === undefined;
  };
  const findings = t.findings.filter(live);
  const failOn = SEVERITY_RANK[policy.failOn ?? 'fail']!;
  for (const f of findings) {
    if (SEVERITY_RANK[f.severity]! >= failOn) reasons.push(`${f.id} is at level ${f.severity}`);
    else if (policy.forbid?.some((p) => matches(p, f.id))) reasons.push(`${f.id} is forbidden by the policy`);
  }
  for (const [id, min] of Object.entries(policy.categories ?? {})) {
    const cat = t.score.categories.find((c) => c.id === id);
    if (cat?.score !== null && cat?.score !== undefined && cat.score < min) reasons.push(`category ${id} scored ${cat.score} < ${min}`);
  }
  let undecided = t.status !== 'complete';
  if (undecided) reasons.push(`scan ${t.status}: the policy cannot be decided`);
  if (policy.minGrade !== undefined) {
    if (t.score.tlsGrade === null) {
      undecided = true;
      reasons.push('no TLS grade was evaluated, so the minimum grade cannot be decided');
    } else if (gradeRank(t.score.tlsGrade) < gradeRank(policy.minGrade)) {
      reasons.push(`TLS grade ${t.score.tlsGrade} is below ${policy.minGrade}`);
    }
  }
  return { passed: undecided ? null : reasons.length === 0, reasons, waived: [...new Set(waived)] };
}
