import type { Check } from '../evidence/check.js';
import type { Finding, TargetResult } from '../evidence/report.js';
import { evaluateGate, type Policy } from '../report/policy.js';
import type { TargetEvidence } from '../evidence/target.js';
import type { Levels } from '../report/levels.js';
import { withFixSnippets, type FixProfile } from '../report/fix-snippets.js';
import { scoreTarget, type ProfileName } from '../report/score.js';
import type { GradingMode } from '../report/tls-grade.js';
import { runCheck, toFinding } from './run-checks.js';

/**
 * Evidence → findings → score. Pure: the same evidence, checks, levels and clock give the same
 * result, which is what lets `encscan report` re-score a saved scan offline.
 */
export interface JudgeEnv {
  checks: readonly Check[];
  levels: Levels;
  policy: Policy;
  now: Date;
  /** Scoring profile for overall and categories (default deploy360). */
  profile?: ProfileName;
  /** TLS grade caps on what is offered (default) or on what reference clients negotiate. */
  gradingMode?: GradingMode;
  /** Mozilla configuration the fix snippets follow (default intermediate). */
  fixProfile?: FixProfile;
}

export function judge(
  ev: TargetEvidence,
  target: Omit<TargetResult, 'checks' | 'findings' | 'score' | 'gate' | 'evidence'>,
  env: JudgeEnv,
): TargetResult {
  const emitted: Finding[] = [];
  const checks = env.checks.map((check) => {
    const { run, emissions } = runCheck(check, ev, { now: env.now, vars: env.levels.vars, target });
    emitted.push(...emissions.map((e) => toFinding(check, e, env.levels)));
    return run;
  });
  const findings = withFixSnippets(emitted, ev, env.fixProfile ?? 'intermediate');
  const score = scoreTarget(findings, ev, target.host, env.profile, env.gradingMode ?? 'offered');
  const result: TargetResult = { ...target, evidence: ev, checks, findings, score, gate: { passed: null, reasons: [], waived: [] } };
  result.gate = evaluateGate(result, env.policy, env.now);
  return result;
}
