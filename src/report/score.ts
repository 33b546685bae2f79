import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Score } from '../evidence/report.js';
import type { TargetEvidence } from '../evidence/target.js';
import { gradeTarget } from './tls-grade.js';
import { PACKAGE_ROOT } from '../package-root.js';

interface Profile {
  profile: string;
  rulesVersion: string;
  categories: Array<{ id: string; areas: string[]; weight: number }>;
  credit: Record<'pass' | 'warn' | 'fail', number>;
}

let profile: Profile | undefined;

function deploy360(): Profile {
  profile ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'report', 'profiles', 'deploy360.json'), 'utf8')) as Profile;
  return profile;
}

/** Category scores from findings, the TLS grade from evidence; the reporter never re-probes. */
export function scoreTarget(findings: readonly Finding[], ev: TargetEvidence): Score {
  const p = deploy360();
  let weighted = 0;
  let weights = 0;
  const categories = p.categories.map((cat) => {
    const judged = findings.filter((f) => cat.areas.includes(f.area) && f.severity !== 'info');
    if (judged.length === 0) return { id: cat.id, score: null, verdict: 'n/a' as const };
    const counts = { pass: 0, warn: 0, fail: 0 };
    for (const f of judged) counts[f.severity as keyof typeof counts]++;
    const credit = counts.pass * p.credit.pass + counts.warn * p.credit.warn + counts.fail * p.credit.fail;
    const score = Math.round((100 * credit) / judged.length);
    weighted += score * cat.weight;
    weights += cat.weight;
    const verdict = judged.some((f) => f.severity === 'fail') ? 'fail' : judged.some((f) => f.severity === 'warn') ? 'warn' : 'pass';
    const arithmetic = `100 × (${counts.pass} pass + ${counts.warn} warn × ${p.credit.warn}) / ${judged.length} judged`;
    return { id: cat.id, score, verdict, arithmetic } as const;
  });
  const { grade, gradeTrustIgnored, rulesVersion, ...details } = gradeTarget(ev);
  return {
    profile: p.profile,
    rulesVersion: p.rulesVersion,
    tlsGrade: grade,
    tlsGradeRulesVersion: rulesVersion,
    tlsGradeTrustIgnored: gradeTrustIgnored,
    tlsGradeDetails: details,
    overall: weights === 0 ? null : Math.round(weighted / weights),
    categories,
  };
}
