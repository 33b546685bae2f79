import type { Report } from '../evidence/report.js';

/** The JSON contract v1 (schema/report.schema.json). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
