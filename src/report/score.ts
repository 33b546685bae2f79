import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Score } from '../evidence/report.js';
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

/** Category scores from findings only (the reporter never re-probes). The TLS grade is not evaluated yet. */
export function scoreTarget(findings: readonly Finding[]): Score {
  const p = deploy360();
  let weighted = 0;
  let weights = 0;
  const categories = p.categories.map((cat) => {
    const judged = findings.filter((f) => cat.areas.includes(f.area) && f.severity !== 'info');
    if (judged.length === 0) return { id: cat.id, score: null, verdict: 'n/a' as const };
    const credit = judged.reduce((sum, f) => sum + p.credit[f.severity as 'pass' | 'warn' | 'fail'], 0);
    const score = Math.round((100 * credit) / judged.length);
    weighted += score * cat.weight;
    weights += cat.weight;
    const verdict = judged.some((f) => f.severity === 'fail') ? 'fail' : judged.some((f) => f.severity === 'warn') ? 'warn' : 'pass';
    return { id: cat.id, score, verdict } as const;
  });
  return {
    profile: p.profile,
    rulesVersion: p.rulesVersion,
    tlsGrade: null,
    tlsGradeRulesVersion: 'not-evaluated',
    overall: weights === 0 ? null : Math.round(weighted / weights),
    categories,
  };
}
