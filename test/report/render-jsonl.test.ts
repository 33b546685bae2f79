import { describe, expect, it } from 'vitest';
import { renderJsonl } from '../../src/report/render-jsonl.js';
import type { Report, TargetResult } from '../../src/evidence/report.js';
import { loadReport } from './render-fixtures.js';

type Line = Omit<Report, 'targets'> & { target: TargetResult };

describe('JSON Lines', () => {
  it.each([['lab scan', loadReport('lab-scan')], ['hostile report', loadReport('hostile')]])('has one stamped line per target: %s', (_, report) => {
    const out = renderJsonl(report);
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(report.targets.length);
    lines.forEach((l, i) => {
      const line = JSON.parse(l) as Line;
      const { targets, ...stamp } = report;
      expect(line).toEqual({ ...stamp, target: targets[i] });
      expect(Object.keys(line)).toEqual(['schemaVersion', 'tool', 'startedAt', 'finishedAt', 'levelsVersion', 'policy', 'resolver', 'target']);
    });
  });
});
