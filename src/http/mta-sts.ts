/**
 * MTA-STS (RFC 8461): the `_mta-sts` TXT record and the policy file. Pure parsing; whether the policy
 * is fit for the domain's MX hosts is the check's business.
 */

export interface MtaStsTxt {
  valid: boolean;
  id: string | null;
  errors: string[];
}

export interface MtaStsPolicyFile {
  version: string | null;
  mode: 'enforce' | 'testing' | 'none' | null;
  mx: string[];
  maxAge: number | null;
  errors: string[];
}

const MAX_AGE_LIMIT = 31_557_600; // RFC 8461 §3.2: at most one year

/** RFC 8461 §3.1: exactly one record starting "v=STSv1"; `id` of 1-32 alphanumerics. */
export function parseMtaStsTxt(records: readonly string[]): MtaStsTxt {
  const sts = records.filter((r) => /^v=STSv1\s*(;|$)/.test(r));
  if (sts.length === 0) return { valid: false, id: null, errors: ['no-record'] };
  if (sts.length > 1) return { valid: false, id: null, errors: ['multiple-records'] };
  const fields = tagValues(sts[0]!);
  const id = fields.get('id') ?? null;
  const errors = id === null ? ['missing-id'] : /^[A-Za-z0-9]{1,32}$/.test(id) ? [] : ['bad-id'];
  return { valid: errors.length === 0, id, errors };
}

/** RFC 8461 §3.2: "key: value" lines; version STSv1, mode, one or more mx, max_age in seconds. */
export function parseMtaStsPolicy(text: string): MtaStsPolicyFile {
  const policy: MtaStsPolicyFile = { version: null, mode: null, mx: [], maxAge: null, errors: [] };
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/).slice(0, 1000)) {
    if (line.trim() === '') continue;
    const m = /^([A-Za-z0-9_]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) {
      policy.errors.push('bad-line');
      continue;
    }
    const [, key, value] = m as unknown as [string, string, string];
    if (key !== 'mx' && seen.has(key)) policy.errors.push(`duplicate-${key}`);
    seen.add(key);
    if (key === 'version') policy.version = value;
    else if (key === 'mode') policy.mode = value === 'enforce' || value === 'testing' || value === 'none' ? value : null;
    else if (key === 'mx') policy.mx.push(value.toLowerCase().replace(/\.$/, ''));
    else if (key === 'max_age') policy.maxAge = /^\d{1,10}$/.test(value) ? Number(value) : null;
  }
  if (policy.version !== 'STSv1') policy.errors.push('bad-version');
  if (policy.mode === null) policy.errors.push('bad-mode');
  if (policy.maxAge === null) policy.errors.push('bad-max-age');
  else if (policy.maxAge > MAX_AGE_LIMIT) policy.errors.push('max-age-too-long');
  if (policy.mx.length === 0 && policy.mode !== 'none') policy.errors.push('no-mx');
  return { ...policy, errors: [...new Set(policy.errors)] };
}

/** RFC 8461 §4.1: an mx pattern is a name, or "*." plus a name matching exactly one more label. */
export function mxPatternMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!pattern.startsWith('*.')) return pattern === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === pattern.slice(2);
}

/** "k=v; k=v" tag lists as used by MTA-STS and TLS-RPT TXT records. */
export function tagValues(record: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of record.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}
