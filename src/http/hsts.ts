import type { HstsEvidence } from '../evidence/http.js';
import { parseHstsHeader, type HstsHeaderParse } from './hsts-header.js';
import type { HstsEvent } from './hsts-modes.js';

/**
 * Codes in `HstsEvidence.errors`. The events that make Chromium ignore the header (see hsts-modes.ts), plus
 * notes that leave it valid: `multiple-headers` (only the first counts), `unknown-directive` (ignored; often
 * a typo such as includeSubDomain), `preload-invalid` (preload with a value, ignored), `max-age-overflow`
 * (past 2^64-1: Chromium saturates, Firefox ignores the header) and `firefox-differs` (Firefox reads the
 * first header differently: validity, max-age or includeSubDomains).
 */
export type HstsError = HstsEvent | 'multiple-headers' | 'firefox-differs';

const NOTES: readonly HstsEvent[] = ['unknown-directive', 'preload-invalid', 'max-age-overflow'];

/** How the two browser engines read the first Strict-Transport-Security header; null when none came. */
export interface HstsEngines {
  chromium: HstsHeaderParse;
  firefox: HstsHeaderParse;
}

export function hstsEngines(headers: readonly string[]): HstsEngines | null {
  const first = headers[0];
  return first === undefined ? null : { chromium: parseHstsHeader(first, 'chromium'), firefox: parseHstsHeader(first, 'firefox') };
}

/**
 * The scanner's HSTS verdict on the Strict-Transport-Security values of one response, as received. Like
 * browsers, only the first header counts; later ones are noted, never merged. The verdict is Chromium's;
 * where Firefox disagrees, `firefox-differs` says so. An invalid first header yields maxAge null and both
 * flags false, since browsers ignore it. `maxAge` is the value sent, unclamped (Chromium keeps at most one
 * year, CHROMIUM_MAX_AGE_CAP).
 */
export function parseHsts(headers: string[]): HstsEvidence {
  const out: HstsEvidence = { raw: [...headers], valid: false, maxAge: null, includeSubDomains: false, preload: false, errors: [] };
  const engines = hstsEngines(headers);
  if (engines === null) return out;
  const { chromium, firefox } = engines;
  const errors: HstsError[] = headers.length > 1 ? ['multiple-headers'] : [];
  errors.push(...chromium.fatal);
  for (const note of NOTES) if (chromium.issues.some((i) => i.code === note)) errors.push(note);
  if (verdictOf(chromium) !== verdictOf(firefox)) errors.push('firefox-differs');
  out.errors = errors;
  if (!chromium.valid) return out;
  return { ...out, valid: true, maxAge: chromium.maxAge, includeSubDomains: chromium.includeSubDomains, preload: chromium.preload };
}

function verdictOf(p: HstsHeaderParse): string {
  return p.valid ? `${p.maxAge}/${p.includeSubDomains}` : 'ignored';
}
