import type { Finding } from '../evidence/report.js';
import { fixLink, num, profileRules, verdictOf, worstFinding, type Category, type Item, type ProfileScore } from './profile-rules.js';

interface Deploy360Rules {
  profile: 'deploy360';
  rulesVersion: string;
  points: Record<'pass' | 'warn' | 'fail', number>;
  maxPoints: number;
  warnPoints: Record<string, number>;
  categories: Array<{ id: string; fixPage: string; required: string[]; recommended: string[] }>;
}

export const deploy360Rules = (): Deploy360Rules => profileRules<Deploy360Rules>('deploy360');

/**
 * internet.nl mechanics in Deploy360's six categories: one item per required check, scored by its
 * worst finding; categories weigh the same; n/a categories are left out.
 */
export function scoreDeploy360(findings: readonly Finding[]): ProfileScore {
  const rules = deploy360Rules();
  const categories: Category[] = rules.categories.map((cat) => {
    const items: Item[] = [];
    for (const check of cat.required) {
      const f = worstFinding(findings, [check]);
      if (f === undefined) continue;
      const outcome = f.severity as 'pass' | 'warn' | 'fail';
      const points = outcome === 'warn' ? (rules.warnPoints[f.id] ?? rules.points.warn) : rules.points[outcome];
      items.push({ id: check, outcome, points, max: rules.maxPoints, finding: f.id, ...(outcome === 'pass' ? {} : { link: fixLink(f, cat.fixPage) }) });
    }
    if (items.length === 0) return { id: cat.id, score: null, verdict: 'n/a', arithmetic: 'no required check judged' };
    const earned = items.reduce((s, i) => s + i.points, 0);
    const max = items.reduce((s, i) => s + i.max, 0);
    const score = Math.round((100 * earned) / max);
    const arithmetic = `100 × ${num(earned)}/${num(max)} points (${items.map((i) => `${i.id} ${num(i.points)}`).join(', ')}) = ${score}`;
    return { id: cat.id, score, verdict: verdictOf(items), arithmetic, items };
  });
  const scored = categories.filter((c) => c.score !== null).map((c) => c.score!);
  const overall = scored.length === 0 ? null : Math.round(scored.reduce((a, b) => a + b, 0) / scored.length);
  return {
    profile: rules.profile,
    rulesVersion: rules.rulesVersion,
    overall,
    arithmetic: overall === null ? 'no category scored' : `mean of ${scored.length} categories (${scored.join(' + ')}) / ${scored.length} = ${overall}`,
    categories,
  };
}
