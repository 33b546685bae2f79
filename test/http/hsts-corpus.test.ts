import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseHstsHeader } from '../../src/http/hsts-header.js';
import { DIALECTS, type HstsMode } from '../../src/http/hsts-modes.js';
import { preloadHeaderIssues, preloadParseIssues, type PreloadPolicy } from '../../src/http/preload-header.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

interface Case {
  id: string;
  source: HstsMode;
  group: string;
  header: string;
  expected_valid?: boolean;
  expected_max_age?: number | null;
  expected_include_subdomains?: boolean;
  expected_preload?: boolean;
  parsed_max_age_before_clamp?: number | string;
  firefox_reports_ignored_tokens?: boolean;
  expected_errors?: string[];
  expected_warnings?: string[];
  policy?: 'Bulk1Year' | 'Bulk18Weeks';
}

const { cases } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'corpora', 'hsts-headers', 'cases.json'), 'utf8')) as { cases: Case[] };
const POLICY: Record<string, PreloadPolicy> = { Bulk1Year: 'bulk-1-year', Bulk18Weeks: 'bulk-18-weeks' };

/** What encscan says for the case, in the shape of the case's expectations (only the fields it sets). */
function verdict(c: Case): Partial<Case> {
  if (c.source === 'hstspreload' && c.group !== 'ParseHeaderString' && c.group !== 'ParseHeaderStringWithErrors') {
    const { errors, warnings } = preloadHeaderIssues(c.header, POLICY[c.policy ?? 'Bulk1Year']);
    return { expected_errors: errors, expected_warnings: warnings };
  }
  const p = parseHstsHeader(c.header, c.source);
  if (c.source === 'hstspreload') {
    const { errors, warnings } = preloadParseIssues(p);
    if (c.group === 'ParseHeaderStringWithErrors') return { expected_errors: errors, expected_warnings: warnings };
    return {
      expected_errors: errors,
      expected_warnings: warnings,
      expected_valid: p.valid,
      expected_preload: p.preload,
      expected_include_subdomains: p.includeSubDomains,
      expected_max_age: p.maxAge,
    };
  }
  if (!p.valid) return { expected_valid: false };
  const out: Partial<Case> = { expected_valid: true, expected_max_age: p.effectiveMaxAge, expected_include_subdomains: p.includeSubDomains };
  if (typeof c.parsed_max_age_before_clamp === 'number') out.parsed_max_age_before_clamp = p.maxAge ?? undefined;
  // The 45-digit case: reported unclamped, far above the cap.
  if (typeof c.parsed_max_age_before_clamp === 'string') out.parsed_max_age_before_clamp = p.maxAge! > DIALECTS.chromium.maxAgeCap! ? c.parsed_max_age_before_clamp : String(p.maxAge);
  if (c.source === 'firefox') out.firefox_reports_ignored_tokens = p.issues.some((i) => i.code === 'unknown-directive' || i.code === 'empty-directive');
  return out;
}

function expectation(c: Case): Partial<Case> {
  const keys = ['expected_valid', 'expected_max_age', 'expected_include_subdomains', 'expected_preload', 'parsed_max_age_before_clamp', 'firefox_reports_ignored_tokens', 'expected_errors', 'expected_warnings'] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (c[k] !== undefined) out[k] = c[k];
  // Invalid browser cases carry only expected_valid.
  return out as Partial<Case>;
}

it('judges every corpus case as its source implementation does', () => {
  const failures = cases
    .map((c) => ({ id: c.id, header: c.header, want: expectation(c), got: verdict(c) }))
    .filter((r) => JSON.stringify(sortKeys(r.want)) !== JSON.stringify(sortKeys(r.got)));
  console.log(`hsts corpus: ${cases.length - failures.length}/${cases.length}`);
  expect(cases).toHaveLength(241);
  expect(failures).toEqual([]);
});

function sortKeys(o: Partial<Case>): [string, unknown][] {
  return Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
}
