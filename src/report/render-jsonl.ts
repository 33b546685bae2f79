import type { Report } from '../evidence/report.js';
import { stringifyJson } from './escape.js';

/**
 * One target per line for bulk scans: every line carries the run stamp (schemaVersion, tool, times,
 * levelsVersion, policy, resolver) and `target`, a TargetResult of the JSON contract.
 */
export function renderJsonl(report: Report): string {
  const { targets, ...stamp } = report;
  return targets.map((target) => `${stringifyJson({ ...stamp, target })}\n`).join('');
}
