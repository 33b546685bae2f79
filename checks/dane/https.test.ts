import check from './https.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import { https, record, withDane } from '../../test/dane/dane-evidence.js';

const failing = (failure: 'no-match' | 'name-mismatch' | 'pkix-failed' | 'expired' | 'no-certificate', depth: number | null = null) =>
  withDane({ https: https({ verdict: 'invalid', failure, depth, records: [record({ status: failure === 'no-match' ? 'no-match' : 'authenticated', matched: false })] }) });

checkCases(check, [
  ['valid', withDane({ https: https() }), ['valid']],
  ['no match', failing('no-match'), ['invalid']],
  ['no certificate', failing('no-certificate'), ['invalid']],
  ['name mismatch', failing('name-mismatch', 1), ['name-mismatch']],
  ['pkix failed', failing('pkix-failed', 0), ['pkix-failed']],
  ['expired', failing('expired', 1), ['expired']],
  ['no usable records', withDane({ https: https({ verdict: 'none', records: [] }) }), ['none']],
  ['insecure zone', withDane({ https: https({ verdict: 'insecure', dnssec: 'insecure' }) }), ['insecure']],
  ['bogus zone', withDane({ https: https({ verdict: 'bogus', dnssec: 'bogus' }) }), ['bogus']],
  ['no DANE evidence', evidence(), []],
]);
