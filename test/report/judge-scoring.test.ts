import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../checks/index.gen.js';
import type { Report, TargetResult } from '../../src/evidence/report.js';
import { judge, type JudgeEnv } from '../../src/engine/judge.js';
import { defaultLevels } from '../../src/report/levels.js';
import type { Policy } from '../../src/report/policy.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

const saved = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'evidence', 'report', 'lab-scan-tls.json'), 'utf8')) as Report;
const now = new Date(saved.startedAt);
const minA: Policy = { failOn: 'fail', minGrade: 'A' };

function judged(host: string, scoring: Pick<JudgeEnv, 'profile' | 'gradingMode' | 'fixProfile'>, evidence?: (ev: TargetResult['evidence']) => TargetResult['evidence']): TargetResult {
  const t = saved.targets.find((x) => x.host === host)!;
  const { input, displayHost, port, status, errors } = t;
  return judge(evidence ? evidence(t.evidence) : t.evidence, { input, host, displayHost, port, status, errors }, { checks, levels: defaultLevels(), policy: minA, now, ...scoring });
}

describe('judge() with the scoring flags (--profile, --grading-mode, --fix-profile)', () => {
  it('the gate follows the grade of the chosen mode: rsa2048 fails minGrade A offered (B), passes simulated (A+)', () => {
    const offered = judged('rsa2048.example.test', { gradingMode: 'offered' });
    const simulated = judged('rsa2048.example.test', { gradingMode: 'simulated' });
    expect([offered.score.tlsGrade, offered.gate.passed]).toEqual(['B', false]);
    expect([simulated.score.tlsGrade, simulated.gate.passed]).toEqual(['A+', true]);
  });

  it('keeps the profile and attaches snippets for the fix profile', () => {
    const nginx = (ev: TargetResult['evidence']) => ({ ...ev, endpoints: ev.endpoints.map((e) => ({ ...e, http: { https: { ...e.http!.https, server: 'nginx' } } })) });
    const t = judged('legacy.example.test', { profile: 'ota', fixProfile: 'modern' }, nginx);
    expect(t.score.profile).toBe('ota');
    const legacy = t.findings.find((f) => f.id === 'tls.protocol-version.legacy')!;
    expect(legacy.fix!.snippet).toMatchObject({ software: 'nginx', profile: 'modern' });
    expect(legacy.fix!.snippet.config).toContain('ssl_protocols TLSv1.3;');
    expect(t.findings.filter((f) => f.severity === 'pass').every((f) => f.fix === undefined)).toBe(true);
  });
});
