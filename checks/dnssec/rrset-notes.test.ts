import check from './rrset-notes.js';
import type { DnssecRrset } from '../../src/evidence/dnssec.js';
import { dnssec, withDnssec } from '../../test/dnssec/check-fixtures.js';
import { checkCases } from '../../test/support/check-kit.js';

const rrset = (type: string, ...codes: string[]): DnssecRrset => ({
  name: 'site.test.',
  type,
  status: 'secure',
  reason: 'SECURE',
  ...(codes.length > 0 ? { notes: codes.map((code) => ({ code, message: `site.test./${type}: ${code}` })) } : {}),
});
const withRrsets = (...rrsets: DnssecRrset[]) => withDnssec(dnssec({ rrsets }));

checkCases(check, [
  ['no notes', withRrsets(rrset('A'), rrset('AAAA')), []],
  ['a DS algorithm without RRSIG', withRrsets(rrset('A', 'MISSING_RRSIG_FOR_ALG_DS'), rrset('AAAA')), ['missing-algorithm']],
  ['TTL above the original TTL', withRrsets(rrset('A', 'TTL_ABOVE_ORIGINAL')), ['ttl-above-original']],
  ['TTL beyond the expiration', withRrsets(rrset('CAA', 'TTL_BEYOND_EXPIRATION')), ['ttl-beyond-expiration']],
  ['one finding per note, in RRset order', withRrsets(rrset('A', 'MISSING_RRSIG_FOR_ALG_DS', 'TTL_ABOVE_ORIGINAL'), rrset('AAAA', 'MISSING_RRSIG_FOR_ALG_DS')), ['missing-algorithm', 'ttl-above-original', 'missing-algorithm']],
  ['a note this check does not speak for', withRrsets(rrset('A', 'SOME_FUTURE_NOTE')), []],
  ['no DNSSEC evidence: not applicable', withDnssec(), []],
]);
