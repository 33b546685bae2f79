import check from './expiry.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import { NOW, https, mx, withDane } from '../../test/dane/dane-evidence.js';

const inDays = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();

checkCases(check, [
  ['https: 80 days left', withDane({ https: https({ expiry: inDays(80) }) }), ['ok']],
  ['https: 10 days left, single record', withDane({ https: https({ expiry: inDays(10) }) }), ['expires-soon']],
  ['https: 10 days left, rollover ready', withDane({ https: https({ expiry: inDays(10), rolloverReady: true }) }), ['renewal-covered']],
  ['mail: one MX soon, one fine', withDane({ mail: [mx({ expiry: inDays(3), rolloverReady: false }), mx({ mx: 'mx2.site.example', expiry: inDays(300) })] }), ['expires-soon', 'ok']],
  ['no match, no expiry', withDane({ https: https({ verdict: 'invalid', failure: 'no-match' }) }), []],
  ['no DANE evidence', evidence(), []],
]);
