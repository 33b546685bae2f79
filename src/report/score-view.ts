import type { TargetResult } from '../evidence/report.js';
import { findingLocation, gradedEndpoint, handshakeCells } from './render-summary.js';

/**
 * A target's score as plain strings for the document renderers (markdown, html): the selected
 * profile's categories with their arithmetic and notes, and the TLS grade with its arithmetic, caps,
 * warnings and handshake simulation. Strings are unescaped; each renderer escapes them.
 */
export interface ScoreView {
  profile: string;
  categories: Array<{ id: string; score: string; verdict: string; arithmetic: string }>;
  notes: string[];
  grade: { title: string; arithmetic: string; notes: string[]; handshakes: string[][] } | null;
}

export function scoreView(t: TargetResult): ScoreView {
  const s = t.score;
  const notes: string[] = [];
  if (s.arithmetic !== undefined) notes.push(`overall: ${s.arithmetic}`);
  for (const k of s.categories) {
    for (const i of k.items ?? []) if (i.link !== undefined) notes.push(`${k.id}: ${i.outcome} ${i.finding ?? i.id}, fix: ${i.link}`);
    for (const d of k.differences ?? []) notes.push(`${k.id} differs: ${d}`);
  }
  if (s.mozilla !== undefined) {
    const m = s.mozilla;
    notes.push(`Mozilla guidelines ${m.guidelines}: ${m.meets === null ? 'no configuration met' : `meets ${m.meets}`}` + (m.next === null ? '' : `, ${m.differences.length} difference(s) from ${m.next}`) + (m.reason === undefined ? '' : ` (${m.reason})`));
  }
  if (s.honorRoll !== undefined) notes.push(`OTA Honor Roll: ${s.honorRoll === null ? 'undecided' : s.honorRoll ? 'yes' : 'no'}`);
  if (s.notObservable !== undefined && s.notObservable.length > 0) notes.push(`not observable from outside, not scored: ${s.notObservable.join('; ')}`);
  return {
    profile: `${s.profile} ${s.rulesVersion}`,
    categories: s.categories.map((k) => ({ id: k.id, score: k.score === null ? 'n/a' : String(k.score), verdict: k.verdict, arithmetic: k.arithmetic ?? '' })),
    notes,
    grade: gradeView(t),
  };
}

function gradeView(t: TargetResult): ScoreView['grade'] {
  const d = t.score.tlsGradeDetails;
  const e = gradedEndpoint(t);
  if (d === undefined || e === undefined || t.score.tlsGrade === null) return null;
  const hidden = t.score.tlsGradeTrustIgnored !== t.score.tlsGrade ? ` (${t.score.tlsGradeTrustIgnored} if trust were ignored)` : '';
  return {
    title: `TLS grade ${t.score.tlsGrade}${hidden}, ${d.mode} mode, ${findingLocation(e)!}`,
    arithmetic: `${e.numeric} = 0.3 × protocol ${e.protocol} + 0.3 × key exchange ${e.keyExchange} + 0.4 × cipher ${e.cipher}`,
    notes: [
      ...e.caps.map((c) => `capped at ${c.grade}: ${c.reason}`),
      ...e.warnings.map((w) => `warning: ${w}`),
      ...e.trust.map((r) => `not trusted: ${r}`),
      `not evaluated: ${d.notEvaluated.join('; ')}`,
    ],
    handshakes: (e.handshakes ?? []).map(handshakeCells),
  };
}
