import check from './rollover.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import { https, mx, withDane } from '../../test/dane/dane-evidence.js';

checkCases(check, [
  ['https ready', withDane({ https: https({ rolloverReady: true, rollover: { ready: true, code: 'issuer-ca', current: 0, next: 1 } }) }), ['ready']],
  ['https single record', withDane({ https: https() }), ['not-ready']],
  ['https fooled by a duplicate', withDane({ https: https({ rollover: { ready: false, code: 'duplicate', current: 0 } }) }), ['not-ready']],
  ['https invalid: not judged', withDane({ https: https({ verdict: 'invalid', failure: 'no-match' }) }), []],
  ['mail ready and not', withDane({ mail: [mx(), mx({ mx: 'mx2.site.example', rolloverReady: false })] }), ['ready', 'not-ready']],
  ['no DANE evidence', evidence(), []],
]);
