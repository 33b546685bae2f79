// From a TLSA answer's DNSSEC status and the match result to the verdict of the JSON contract
// (RFC 6698 §4.1, RFC 7672 §2.2): bogus fails whatever the records say, no records means no DANE,
// records that are not secure are ignored by clients, and only secure records are matched.
import type { DaneVerdict } from '../evidence/dane.js';
import type { DnssecStatus } from '../evidence/dnssec.js';

export function daneVerdict(dnssec: DnssecStatus, records: number, matched: 'valid' | 'invalid' | 'none'): DaneVerdict {
  if (dnssec === 'bogus') return 'bogus';
  if (records === 0) return 'none';
  if (dnssec !== 'secure') return 'insecure';
  return matched;
}

const VERDICT_RANK: Record<DaneVerdict, number> = { valid: 0, none: 1, insecure: 2, invalid: 3, bogus: 4 };
const DNSSEC_RANK: Record<DnssecStatus, number> = { secure: 0, insecure: 1, indeterminate: 2, bogus: 3 };

/** Index of the worst verdict (the first on ties), or -1 for an empty list. */
export function worstIndex(verdicts: readonly DaneVerdict[]): number {
  let worst = -1;
  verdicts.forEach((v, i) => {
    if (worst === -1 || VERDICT_RANK[v] > VERDICT_RANK[verdicts[worst]!]) worst = i;
  });
  return worst;
}

export function worstDnssec(a: DnssecStatus, b: DnssecStatus): DnssecStatus {
  return DNSSEC_RANK[b] > DNSSEC_RANK[a] ? b : a;
}
