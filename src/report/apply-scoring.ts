import type { TargetResult } from '../evidence/report.js';
import { withFixSnippets, type FixProfile } from './fix-snippets.js';
import { evaluateGate, type Policy } from './policy.js';
import { scoreTarget, type ProfileName } from './score.js';
import type { GradingMode } from './tls-grade.js';

/** The scoring flags of `scan` and `report` (--profile, --grading-mode, --fix-profile). */
export interface ScoringOptions {
  profile?: ProfileName;
  gradingMode: GradingMode;
  fixProfile: FixProfile;
}

/**
 * judge() scores with the default grading mode and adds no snippets; the CLI applies its scoring
 * flags here: fix snippets on the findings, the score in the chosen grading mode, and the gate
 * evaluated again on that score. Pure, like judge().
 */
export function applyScoring(t: TargetResult, opts: ScoringOptions, policy: Policy, now: Date): TargetResult {
  const findings = withFixSnippets(t.findings, t.evidence, opts.fixProfile);
  const result: TargetResult = { ...t, findings, score: scoreTarget(findings, t.evidence, opts.profile, opts.gradingMode) };
  result.gate = evaluateGate(result, policy, now);
  return result;
}
