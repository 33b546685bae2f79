import type { Finding, Report, TargetResult } from '../evidence/report.js';
import { findingLocation } from './render-summary.js';

export interface Change {
  target: string;
  kind: 'finding' | 'status' | 'category';
  subject: string;
  from: string | null;
  to: string | null;
}

export interface ReportDiff {
  better: Change[];
  worse: Change[];
}

const RANK: Record<string, number> = { pass: 0, info: 0, warn: 1, fail: 2 };
const STATUS_RANK: Record<string, number> = { complete: 0, incomplete: 1, error: 2 };

const targetKey = (t: TargetResult): string => (t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.host}:${t.port}`);
const findingKey = (f: Finding): string => {
  const where = findingLocation(f);
  return where === undefined ? f.check : `${f.check} @ ${where}`;
};

/**
 * What got better and worse between two scans, per target. Findings are compared per check and
 * endpoint by the worst severity each emitted; a target missing from one side is not compared.
 */
export function diffReports(before: Report, after: Report): ReportDiff {
  const out: ReportDiff = { better: [], worse: [] };
  const old = new Map(before.targets.map((t) => [targetKey(t), t]));
  for (const now of after.targets) {
    const key = targetKey(now);
    const was = old.get(key);
    if (!was) continue;
    const put = (delta: number, change: Change): void => {
      if (delta > 0) out.worse.push(change);
      else if (delta < 0) out.better.push(change);
    };
    put(STATUS_RANK[now.status]! - STATUS_RANK[was.status]!, { target: key, kind: 'status', subject: 'scan status', from: was.status, to: now.status });
    const a = worstByCheck(was.findings);
    const b = worstByCheck(now.findings);
    for (const subject of new Set([...a.keys(), ...b.keys()])) {
      const fa = a.get(subject);
      const fb = b.get(subject);
      if (!fa || !fb) continue; // a check that did not run on one side says nothing about the change
      put(RANK[fb.severity]! - RANK[fa.severity]!, { target: key, kind: 'finding', subject, from: fa.id, to: fb.id });
    }
    for (const cat of now.score.categories) {
      const prev = was.score.categories.find((c) => c.id === cat.id);
      if (prev?.score == null || cat.score === null) continue;
      put(prev.score - cat.score, { target: key, kind: 'category', subject: cat.id, from: String(prev.score), to: String(cat.score) });
    }
  }
  return out;
}

function worstByCheck(findings: readonly Finding[]): Map<string, Finding> {
  const m = new Map<string, Finding>();
  for (const f of findings) {
    const k = findingKey(f);
    const cur = m.get(k);
    if (!cur || RANK[f.severity]! > RANK[cur.severity]!) m.set(k, f);
  }
  return m;
}

export function renderDiffText(d: ReportDiff): string {
  const line = (c: Change): string => `  ${c.target}  ${c.subject}: ${c.from ?? '-'} → ${c.to ?? '-'}`;
  const parts = [`worse: ${d.worse.length}`, ...d.worse.map(line), `better: ${d.better.length}`, ...d.better.map(line)];
  return `${parts.join('\n')}\n`;
}
