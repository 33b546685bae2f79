import { describe, expect, it } from 'vitest';
import type { Finding, TargetResult } from '../../src/evidence/report.js';
import { renderTarget } from '../../src/report/render-text.js';
import { loadReport } from '../report/render-fixtures.js';
import { https, mailEndpoint, mx, record } from './dane-evidence.js';

const cell = (depth: number, matched: boolean) => ({ depth, source: 'chain' as const, matched, reason: `3 1 1 against depth ${depth}` });
const stale = record({ status: 'no-match', matched: false, depth: undefined, data: 'f5'.repeat(32), cells: [cell(0, false), cell(1, false)] });

function failing(check: 'dane.https' | 'dane.mail', endpoint?: string): TargetResult {
  const t = structuredClone(loadReport('lab-scan').targets[0]!);
  t.evidence.dane = {
    https: https({ verdict: 'invalid', failure: 'no-match', depth: null, records: [stale] }),
    mail: [mx({ verdict: 'invalid', records: [stale], endpoints: [mailEndpoint({ verdict: 'invalid', records: [stale] })] })],
  };
  const finding: Finding = {
    id: `${check}.invalid`, check, outcome: 'invalid', area: 'dane', severity: 'fail', title: 'DANE', detail: 'no TLSA record matches', remediation: 'Publish a 3 1 1 record',
    ...(endpoint ? { endpoint } : {}),
  } as Finding;
  t.findings = [finding];
  return t;
}

describe('text report: match table for a failing TLSA verdict', () => {
  it.each([['dane.https' as const, undefined], ['dane.mail' as const, 'mx.site.example']])('%s', (check, endpoint) => {
    const lines = renderTarget(failing(check, endpoint)).split('\n');
    const at = lines.findIndex((l) => l.includes('TLSA record × certificate depth'));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toMatch(/^ +3 1 1 f5f5f5f5f5f5f5f5… +no-match$/);
    expect(lines.slice(at + 2, at + 4).map((l) => /depth (\d) \(chain\): (no match|match)/.exec(l)?.slice(1))).toEqual([['0', 'no match'], ['1', 'no match']]);
    // The one line saying what to change comes right after the table.
    expect(lines[at + 4]).toMatch(/^ +fix: /);
  });
});
