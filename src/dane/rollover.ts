// Rollover readiness that counting records cannot fool (RFC 7671 §8.1, RFC 7672 §3.1.4): besides
// a record that authenticates the live chain today, another usable record must either name a
// different key for the next leaf (an end-entity record that does not match today's leaf), or
// match a CA that actually issues the live chain under a different key than today's match. Two
// digests of the same key, or a trust-anchor record for a CA that is not in the chain, do not count.
import type { RecordResult } from './match-tlsa.js';

export type RolloverCode = 'next-key' | 'issuer-ca' | 'no-valid-match' | 'single-record' | 'duplicate' | 'unrelated-ta';

export interface Rollover {
  ready: boolean;
  code: RolloverCode;
  /** Indexes into the records: the one that authenticates today and, when ready, the one that would take over. */
  current?: number;
  next?: number;
}

type RecordView = Pick<RecordResult, 'usage' | 'usable' | 'status' | 'matched' | 'key' | 'cells'>;

const isEndEntity = (r: RecordView): boolean => r.usage === 1 || r.usage === 3;

export function rolloverReadiness(records: readonly RecordView[]): Rollover {
  const current = records.findIndex((r) => r.status === 'authenticated');
  if (current === -1) return { ready: false, code: 'no-valid-match' };
  const today = records[current]!;
  const others = records.map((r, i) => ({ r, i })).filter(({ r, i }) => i !== current && r.usable);
  // A different key: a matched record whose key differs from today's (an issuing CA, or the leaf
  // when today's match is a CA), or an end-entity record that matches nothing live (the next leaf key).
  const issuer = others.find(({ r }) => r.matched && r.status === 'authenticated' && r.key !== today.key);
  if (issuer) return { ready: true, code: isEndEntity(issuer.r) ? 'next-key' : 'issuer-ca', current, next: issuer.i };
  const next = others.find(({ r }) => isEndEntity(r) && !r.cells.some((c) => c.matched));
  if (next) return { ready: true, code: 'next-key', current, next: next.i };
  if (others.length === 0) return { ready: false, code: 'single-record', current };
  return { ready: false, code: others.some(({ r }) => !isEndEntity(r) && r.status !== 'authenticated') ? 'unrelated-ta' : 'duplicate', current };
}
