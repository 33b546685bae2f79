// Does renewal look automated? A certificate from an ACME CA (acme-issuers.json) within that CA's
// ACME lifetime almost surely is; any certificate of 90 days or less probably is, since nobody
// renews that often by hand. A hint for the operator, never a verdict.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { validityDays } from './lifetime-rules.js';

interface AcmeRow {
  name: string;
  pattern: string;
  maxDays: number;
}

const ACME_CAS = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'pki', 'acme-issuers.json'), 'utf8')) as { issuers: AcmeRow[] }).issuers.map((row) => ({
  ...row,
  regex: new RegExp(row.pattern, 'i'),
}));

/** Lifetimes at or below this suggest an automated renewal whoever the CA is (Let's Encrypt's 90 days). */
export const SHORT_LIFETIME_DAYS = 90;

export interface RenewalHint {
  kind: 'acme-ca' | 'short-lived' | 'long-lived';
  /** The ACME CA that issued it, when listed. */
  ca: string | null;
  /** Validity counted inclusively, as the CA/B Baseline Requirements count it. */
  days: number;
}

export function renewalHint(issuerDn: string, notBefore: Date, notAfter: Date): RenewalHint {
  const days = validityDays(notBefore, notAfter);
  const row = ACME_CAS.find((r) => r.regex.test(issuerDn));
  if (row && days <= row.maxDays) return { kind: 'acme-ca', ca: row.name, days };
  return { kind: days <= SHORT_LIFETIME_DAYS ? 'short-lived' : 'long-lived', ca: row?.name ?? null, days };
}
