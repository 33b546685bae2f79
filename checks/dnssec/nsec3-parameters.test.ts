import check from './nsec3-parameters.js';
import { dnssec, withDnssec, zone } from '../../test/dnssec/check-fixtures.js';
import { checkCases } from '../../test/support/check-kit.js';

const withNsec3 = (iterations: number, salt: string) => withDnssec(dnssec({ chain: [zone('.', 'secure', [8]), { ...zone('site.test.', 'secure', [13]), nsec3: { iterations, salt, optOut: false } }] }));

checkCases(check, [
  ['no iterations, no salt', withNsec3(0, ''), ['ok']],
  ['ten iterations and a salt', withNsec3(10, 'aabbccdd'), ['not-recommended']],
  ['a salt alone', withNsec3(0, 'ab'), ['not-recommended']],
  ['500 iterations', withNsec3(500, ''), ['too-many-iterations']],
  ['no NSEC3 seen: not applicable', withDnssec(dnssec()), []],
]);
