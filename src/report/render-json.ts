import type { Report } from '../evidence/report.js';
import { stringifyJson } from './escape.js';

/** The JSON contract v1 (schema/report.schema.json), with C1 controls and bidi overrides escaped. */
export function renderJson(report: Report): string {
  return `${stringifyJson(report, 2)}\n`;
}
