import type { Finding, Score } from '../evidence/report.js';
import type { TargetEvidence } from '../evidence/target.js';
import { gradeTarget, type GradingMode } from './tls-grade.js';
import { DEFAULT_PROFILE, type ProfileName, type ProfileScore } from './profile-rules.js';
import { scoreDeploy360 } from './profile-deploy360.js';
import { scoreOta } from './profile-ota.js';
import { scoreMozilla } from './profile-mozilla.js';

export { PROFILES, DEFAULT_PROFILE, type ProfileName } from './profile-rules.js';

/**
 * `overall` and `categories` from the selected profile (a versioned rule file and its evaluator),
 * the TLS grade always from tls-grade. Scores only: a finding's severity is never changed here.
 * The reporter never re-probes. `host` (the target's) decides which endpoints are labelled with their SNI name.
 */
export function scoreTarget(
  findings: readonly Finding[],
  ev: TargetEvidence,
  host: string,
  profile: ProfileName = DEFAULT_PROFILE,
  gradingMode: GradingMode = 'offered',
): Score {
  const { grade, gradeTrustIgnored, rulesVersion, ...details } = gradeTarget(ev, host, gradingMode);
  const scored: ProfileScore =
    profile === 'ota' ? scoreOta(findings, grade) : profile === 'mozilla' ? scoreMozilla(ev, host) : scoreDeploy360(findings);
  const { profile: name, rulesVersion: profileRulesVersion, overall, categories, ...extra } = scored;
  return {
    profile: name,
    rulesVersion: profileRulesVersion,
    tlsGrade: grade,
    tlsGradeRulesVersion: rulesVersion,
    tlsGradeTrustIgnored: gradeTrustIgnored,
    tlsGradeDetails: details,
    overall,
    categories,
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
  };
}
