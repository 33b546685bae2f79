import check from './https.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import { https, record, withDane } from '../../test/dane/dane-evidence.js';
import type { DnssecEvidence } from '../../src/evidence/dnssec.js';

const bogusAddresses: DnssecEvidence = { status: 'bogus', reason: 'SIGNATURE_EXPIRED', anchor: 'configured', strictAlgorithms: false, chain: [], rrsets: [], queries: 0 };

const failing = (failure: 'no-match' | 'name-mismatch' | 'pkix-failed' | 'expired' | 'no-certificate', depth: number | null = null) =>
  withDane({ https: https({ verdict: 'invalid', failure, depth, records: [record({ status: failure === 'no-match' ? 'no-match' : 'authenticated', matched: false })] }) });

checkCases(check, [
  ['valid', withDane({ https: https() }), ['valid']],
  ['no match', failing('no-match'), ['invalid']],
  ['no certificate', failing('no-certificate'), ['invalid']],
  ['name mismatch', failing('name-mismatch', 1), ['name-mismatch']],
  ['pkix failed', failing('pkix-failed', 0), ['pkix-failed']],
  ['expired', failing('expired', 1), ['expired']],
  ['no records', withDane({ https: https({ verdict: 'none', records: [] }) }), ['none']],
  ['only unusable records', withDane({ https: https({ verdict: 'none', records: [record({ usable: false, unusable: 'unknown-usage', status: 'unusable', matched: false })] }) }), ['unusable']],
  ['insecure zone', withDane({ https: https({ verdict: 'insecure', dnssec: 'insecure' }) }), ['insecure']],
  ['bogus TLSA answer', withDane({ https: https({ verdict: 'bogus', dnssec: 'bogus' }) }), ['bogus']],
  ['bogus like the addresses', { ...withDane({ https: https({ verdict: 'bogus', dnssec: 'bogus' }) }), dnssec: bogusAddresses }, ['bogus-zone']],
  ['no DANE evidence', evidence(), []],
]);
