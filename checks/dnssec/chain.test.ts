import { expect, it } from 'vitest';
import check from './chain.js';
import { dnssec, withDnssec, zone } from '../../test/dnssec/check-fixtures.js';
import { checkCases } from '../../test/support/check-kit.js';
import { runCheck } from '../../src/engine/run-checks.js';
import { defaultLevels } from '../../src/report/levels.js';

const bogusZone = dnssec({
  status: 'bogus',
  reason: 'NO_SEP',
  message: 'DS in test. matches no DNSKEY in site.test.',
  chain: [zone('.', 'secure', [8]), zone('test.', 'secure', [13]), zone('site.test.', 'bogus', [13], [{ code: 'NO_SEP', message: 'DS in test. matches no DNSKEY in site.test.' }])],
  rrsets: [{ name: 'site.test.', type: 'A', status: 'bogus', reason: 'NO_SEP', message: 'DS in test. matches no DNSKEY in site.test.' }],
});
const twoBrokenRrsets = dnssec({
  status: 'bogus',
  reason: 'MISSING_RRSIG',
  rrsets: [
    { name: 'site.test.', type: 'A', status: 'bogus', reason: 'MISSING_RRSIG', message: 'no RRSIG covers site.test./A' },
    { name: 'site.test.', type: 'AAAA', status: 'bogus', reason: 'EXPIRATION_IN_PAST', message: 'RRSIG over site.test./AAAA expired' },
  ],
});

checkCases(check, [
  ['secure', withDnssec(dnssec()), ['secure']],
  ['unsigned delegation', withDnssec(dnssec({ status: 'insecure', reason: 'NO_DS_PROVEN', message: 'no DS' })), ['insecure']],
  ['DS matches no key', withDnssec(bogusZone), ['bogus']],
  ['one finding per broken link', withDnssec(twoBrokenRrsets), ['bogus', 'bogus']],
  ['indeterminate is no verdict', withDnssec(dnssec({ status: 'indeterminate', reason: 'UNABLE_TO_RETRIEVE_DNSSEC_RECORDS' })), []],
  ['not gathered: not applicable', withDnssec(), []],
]);

it('names the broken link in the finding', () => {
  const { emissions } = runCheck(check, withDnssec(bogusZone), { now: new Date(), vars: defaultLevels().vars, target: { host: 'site.test', port: 443 } });
  expect(emissions.map((e) => e.params['reason'])).toEqual(['NO_SEP']);
});
