import check from './algorithm.js';
import { dnssec, withDnssec, zone } from '../../test/dnssec/check-fixtures.js';
import { checkCases } from '../../test/support/check-kit.js';

checkCases(check, [
  ['modern algorithms', withDnssec(dnssec()), ['ok']],
  ['RSASHA1 zone', withDnssec(dnssec({ chain: [zone('.', 'secure', [8]), zone('old.test.', 'secure', [5])] })), ['deprecated']],
  ['RSASHA1-NSEC3-SHA1 and RSASHA1 in two zones', withDnssec(dnssec({ chain: [zone('a.', 'secure', [7]), zone('b.a.', 'secure', [5, 13])] })), ['deprecated', 'deprecated']],
  ['no keys seen: not applicable', withDnssec(dnssec({ chain: [zone('.', 'indeterminate', [])] })), []],
]);
