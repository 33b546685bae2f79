import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Report } from '../../src/evidence/report.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

/** Saved reports for the renderer tests, validated against the shipped JSON Schema on load. */
export function loadReport(name: 'lab-scan' | 'lab-scan-graded' | 'hostile'): Report {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'report.schema.json'), 'utf8')) as object);
  const report = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'evidence', 'report', `${name}.json`), 'utf8')) as unknown;
  if (!validate(report)) throw new Error(`${name}.json: ${JSON.stringify(validate.errors)}`);
  return report as Report;
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF records), strict enough to reject malformed output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), i++;
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) (rows.push(row), (row = []), (i += 2));
    else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}
