import type { Finding, Score } from '../evidence/report.js';
import { fixLink, num, profileRules, verdictOf, worstFinding, type Category, type Item, type ProfileScore } from './profile-rules.js';

interface OtaRules {
  profile: 'ota';
  rulesVersion: string;
  credit: Record<'pass' | 'warn' | 'fail', number>;
  honorRoll: { compositeMin: number; pillarMin: number };
  bonusCapPercent: number;
  autoFail: { tlsGradeAtOrBelow: string; reason: string };
  pillars: Array<{
    id: string;
    title: string;
    fixPage: string;
    criteria: Array<{ id: string; title: string; points: number; checks: string[] }>;
    bonus: Array<{ id: string; title: string; points: number; findings: string[] }>;
  }>;
  notObservable: string[];
}

export const otaRules = (): OtaRules => profileRules<OtaRules>('ota');

/** Gate order of TLS grades; T and M count as F. */
const GRADE_ORDER = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F'];
const rank = (g: string): number => GRADE_ORDER.indexOf(g === 'T' || g === 'M' ? 'F' : g);

/** OTA structure: pillars out of 100, capped bonus, auto-fail on a weak TLS grade, the Honor Roll rule. */
export function scoreOta(findings: readonly Finding[], tlsGrade: Score['tlsGrade']): ProfileScore {
  const rules = otaRules();
  const categories: Category[] = rules.pillars.map((pillar) => {
    const items: Item[] = pillar.criteria.map((c) => {
      const f = worstFinding(findings, c.checks);
      if (f === undefined) return { id: c.id, outcome: 'n/a', points: 0, max: 0 };
      const outcome = f.severity as 'pass' | 'warn' | 'fail';
      return { id: c.id, outcome, points: c.points * rules.credit[outcome], max: c.points, finding: f.id, ...(outcome === 'pass' ? {} : { link: fixLink(f, pillar.fixPage) }) };
    });
    const bonus: Item[] = pillar.bonus.flatMap((b) => {
      const f = findings.find((x) => b.findings.includes(x.id));
      return f === undefined ? [] : [{ id: b.id, outcome: 'pass' as const, points: b.points, max: b.points, bonus: true, finding: f.id }];
    });
    const applicable = items.filter((i) => i.outcome !== 'n/a');
    const notApplicable = items.filter((i) => i.outcome === 'n/a').map((i) => i.id);
    const base = { id: pillar.id, title: pillar.title, items: [...items, ...bonus] };
    if (applicable.length === 0) {
      return { ...base, score: null, verdict: 'n/a', arithmetic: pillar.criteria.length === 0 ? 'not observable from outside: not scored' : `no criterion observed (n/a: ${notApplicable.join(', ')})` };
    }
    const earned = applicable.reduce((s, i) => s + i.points, 0);
    const max = applicable.reduce((s, i) => s + i.max, 0);
    const baseScore = (100 * earned) / max;
    const rawBonus = bonus.reduce((s, i) => s + i.points, 0);
    const cappedBonus = Math.min(rawBonus, (baseScore * rules.bonusCapPercent) / 100);
    const score = Math.min(100, Math.round(baseScore + cappedBonus));
    const bonusText = rawBonus > 0 ? ` + bonus ${num(cappedBonus)}${cappedBonus < rawBonus ? ` (of ${num(rawBonus)}, capped at ${rules.bonusCapPercent} % of base)` : ''}` : '';
    const arithmetic =
      `100 × ${num(earned)}/${num(max)} points = ${num(baseScore)}${bonusText}` +
      (score === 100 && baseScore + cappedBonus > 100 ? ', capped at 100' : '') +
      ` → ${score}` +
      (notApplicable.length > 0 ? `; n/a: ${notApplicable.join(', ')}` : '');
    return { ...base, score, verdict: verdictOf(items), arithmetic };
  });

  const scored = categories.filter((c) => c.score !== null);
  const overall = scored.length === 0 ? null : Math.round(scored.reduce((s, c) => s + c.score!, 0) / scored.length);
  const { honorRoll, why } = honorRollOf(rules, overall, scored, tlsGrade);
  const composite = overall === null ? 'no pillar scored' : `composite = mean of ${scored.length} observed pillars (${scored.map((c) => c.score).join(' + ')}) / ${scored.length} = ${overall}`;
  return {
    profile: rules.profile,
    rulesVersion: rules.rulesVersion,
    overall,
    arithmetic: `${composite}; Honor Roll ${honorRoll === null ? 'undecided' : honorRoll ? 'yes' : 'no'}: ${why}`,
    categories,
    honorRoll,
    notObservable: rules.notObservable,
  };
}

function honorRollOf(rules: OtaRules, overall: number | null, scored: Category[], grade: Score['tlsGrade']): { honorRoll: boolean | null; why: string } {
  const { compositeMin, pillarMin } = rules.honorRoll;
  const fails: string[] = [];
  if (grade !== null && rank(grade) >= rank(rules.autoFail.tlsGradeAtOrBelow)) fails.push(`auto-fail: TLS grade ${grade} is ${rules.autoFail.tlsGradeAtOrBelow} or lower`);
  for (const c of scored) if (c.score! < pillarMin) fails.push(`${c.id} ${c.score} < ${pillarMin}`);
  if (overall !== null && overall < compositeMin) fails.push(`composite ${overall} < ${compositeMin}`);
  if (fails.length > 0) return { honorRoll: false, why: fails.join('; ') };
  if (overall === null) return { honorRoll: null, why: 'no pillar could be scored' };
  if (grade === null) return { honorRoll: null, why: 'no TLS grade, so the auto-fail rule cannot be decided' };
  return { honorRoll: true, why: `composite ${overall} ≥ ${compositeMin}, every observed pillar ≥ ${pillarMin}, TLS grade ${grade} above ${rules.autoFail.tlsGradeAtOrBelow}` };
}
