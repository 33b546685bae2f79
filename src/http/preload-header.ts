import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { parseHstsHeader, type HstsHeaderParse } from './hsts-header.js';

/** hstspreload.org's preload-list policies: domains added since Chrome 63 need a year, older ones 18 weeks. */
export type PreloadPolicy = 'bulk-1-year' | 'bulk-18-weeks';

/** Issue codes exactly as hstspreload reports them; any error blocks preloading. */
export interface PreloadIssues {
  errors: string[];
  warnings: string[];
}

interface ParseCode {
  level: 'error' | 'warning';
  code: string;
  unique: boolean;
}

interface CodeTable {
  parse: Record<string, ParseCode | null>;
  preloadable: {
    includeSubDomainsMissing: string;
    preloadMissing: string;
    maxAgeMissing: string;
    maxAgeZero: string;
    maxAgeOver10Years: string;
    tenYears: number;
  };
  policies: Record<PreloadPolicy, { minMaxAge: number; belowMinimum: string }>;
  response: { noHeader: string; multipleHeaders: string };
}

const TABLE = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'http', 'hstspreload-codes.json'), 'utf8')) as CodeTable;

/** hstspreload's ParseHeaderString issues for a header already read in `hstspreload` mode. */
export function preloadParseIssues(parsed: HstsHeaderParse): PreloadIssues {
  const out: PreloadIssues = { errors: [], warnings: [] };
  for (const issue of parsed.issues) {
    const key = issue.directive === undefined ? issue.code : `${issue.code}/${issue.directive}`;
    const entry = Object.hasOwn(TABLE.parse, key) ? TABLE.parse[key] : TABLE.parse[issue.code];
    if (entry === undefined) throw new Error(`hstspreload-codes.json has no entry for ${key}`);
    if (entry === null) continue;
    const list = entry.level === 'error' ? out.errors : out.warnings;
    if (!entry.unique || !list.includes(entry.code)) list.push(entry.code);
  }
  return out;
}

/** hstspreload's EligibleHeaderString: parse issues, then includeSubDomains, preload and max-age for `policy`. */
export function preloadHeaderIssues(header: string, policy: PreloadPolicy = 'bulk-1-year'): PreloadIssues {
  const parsed = parseHstsHeader(header, 'hstspreload');
  const out = preloadParseIssues(parsed);
  const p = TABLE.preloadable;
  if (!parsed.includeSubDomains) out.errors.push(p.includeSubDomainsMissing);
  if (!parsed.preload) out.errors.push(p.preloadMissing);
  const maxAge = parsed.maxAge;
  if (maxAge === null) out.errors.push(p.maxAgeMissing);
  else if (maxAge === 0) out.errors.push(p.maxAgeZero);
  else if (maxAge < TABLE.policies[policy].minMaxAge) out.errors.push(TABLE.policies[policy].belowMinimum);
  else if (maxAge > p.tenYears) out.warnings.push(p.maxAgeOver10Years);
  return out;
}

/** hstspreload's EligibleResponse: exactly one Strict-Transport-Security header, which must be preloadable. */
export function preloadResponseIssues(sts: readonly string[], policy: PreloadPolicy = 'bulk-1-year'): PreloadIssues {
  if (sts.length === 0) return { errors: [TABLE.response.noHeader], warnings: [] };
  if (sts.length > 1) return { errors: [TABLE.response.multipleHeaders], warnings: [] };
  return preloadHeaderIssues(sts[0]!, policy);
}
