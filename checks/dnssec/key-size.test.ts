import check from './key-size.js';
import { dnssec, withDnssec, zone } from '../../test/dnssec/check-fixtures.js';
import { checkCases } from '../../test/support/check-kit.js';

const withKeys = (...keys: Array<[algorithm: number, bits: number]>) =>
  withDnssec(dnssec({ chain: [{ ...zone('site.test.', 'secure', []), dnskeys: keys.map(([algorithm, bits], i) => ({ keyTag: 100 + i, algorithm, flags: 257, bits })) }] }));

checkCases(check, [
  ['RSA 2048 and ECDSA P-256', withKeys([8, 2048], [13, 512]), ['ok']],
  ['Ed25519 and Ed448', withKeys([15, 256], [16, 456]), ['ok']],
  ['RSA 1024 ZSK beside a 2048 KSK', withKeys([8, 2048], [8, 1024]), ['rsa-below-recommended']],
  ['RSA 512', withKeys([5, 512]), ['rsa-too-small']],
  ['RSA 8192', withKeys([10, 8192]), ['rsa-too-large']],
  ['a P-256 key of the wrong length', withKeys([13, 504]), ['bad-length']],
  ['an algorithm without a size rule', withKeys([253, 100]), ['ok']],
  ['no keys on the chain: not applicable', withDnssec(dnssec({ chain: [zone('.', 'insecure', [])] })), []],
]);
