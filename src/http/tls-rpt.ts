import { tagValues } from './mta-sts.js';

export interface TlsRptTxt {
  valid: boolean;
  rua: string[];
  errors: string[];
}

/** RFC 8460 §3: one "v=TLSRPTv1" record with rua= a comma-separated list of mailto: or https: URIs. */
export function parseTlsRptTxt(records: readonly string[]): TlsRptTxt {
  const rpt = records.filter((r) => /^v=TLSRPTv1\s*(;|$)/.test(r));
  if (rpt.length === 0) return { valid: false, rua: [], errors: ['no-record'] };
  if (rpt.length > 1) return { valid: false, rua: [], errors: ['multiple-records'] };
  const rua = (tagValues(rpt[0]!).get('rua') ?? '').split(',').map((u) => u.trim()).filter((u) => u !== '');
  const errors: string[] = [];
  if (rua.length === 0) errors.push('missing-rua');
  if (rua.some((u) => !/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(u))) errors.push('bad-rua');
  return { valid: errors.length === 0, rua, errors };
}
