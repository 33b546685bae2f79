import { Report } from './report.js';

/** The JSON Schema of report v1, as shipped in schema/report.schema.json (TypeBox is the one source). */
export function reportJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...Report })) as Record<string, unknown>;
}

export function renderReportSchema(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
