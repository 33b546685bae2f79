import check from './mail.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import { mailEndpoint, mx, record, withDane } from '../../test/dane/dane-evidence.js';

const noMatch = record({ status: 'no-match', matched: false, reason: '3 1 1: SHA-256 of the SPKI of the leaf is 1234abcd…, record says abababab… — no match' });

checkCases(check, [
  ['valid', withDane({ mail: [mx()] }), ['valid']],
  ['invalid', withDane({ mail: [mx({ verdict: 'invalid', records: [noMatch], endpoints: [mailEndpoint({ verdict: 'invalid', records: [noMatch] })] })] }), ['invalid']],
  ['no records', withDane({ mail: [mx({ verdict: 'none', records: [] })] }), ['none']],
  ['PKIX usage only', withDane({ mail: [mx({ verdict: 'none', records: [record({ usage: 1, usable: false, unusable: 'pkix-usage-over-smtp', status: 'unusable', matched: false })] })] }), ['unusable']],
  ['insecure MX', withDane({ mail: [mx({ verdict: 'insecure', dnssec: 'insecure' })] }), ['insecure']],
  ['bogus TLSA', withDane({ mail: [mx({ verdict: 'bogus', dnssec: 'bogus' })] }), ['bogus']],
  ['two MX', withDane({ mail: [mx(), mx({ mx: 'mx2.site.example', verdict: 'none', records: [] })] }), ['valid', 'none']],
  ['null MX', withDane({ mail: [], nullMx: true }), []],
  ['no DANE evidence', evidence(), []],
]);
