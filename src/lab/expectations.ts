import type { Report } from '../evidence/report.js';
import type { WorldDescriptor } from '../engine/world.js';

export interface VerdictCheck {
  host: string;
  expected: string[];
  got: string[];
  status: string;
  ok: boolean;
}

/** A lab host got its verdict when the scan completed and its warn/fail findings are exactly `expect`. */
export function compareVerdicts(report: Report, hosts: NonNullable<WorldDescriptor['hosts']>): VerdictCheck[] {
  return hosts.map((h) => {
    const t = report.targets.find((x) => x.host === h.name);
    const got = [...new Set((t?.findings ?? []).filter((f) => f.severity === 'warn' || f.severity === 'fail').map((f) => f.id))].sort();
    const expected = [...h.expect].sort();
    const status = t?.status ?? 'not scanned';
    return { host: h.name, expected, got, status, ok: status === 'complete' && JSON.stringify(got) === JSON.stringify(expected) };
  });
}
