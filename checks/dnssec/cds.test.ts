import check from './cds.js';
import type { DnssecDs } from '../../src/evidence/dnssec.js';
import { zone } from '../../test/dnssec/check-fixtures.js';
import { server, withServers } from '../../test/dns/server-fixtures.js';
import { checkCases } from '../../test/support/check-kit.js';

const ds = (keyTag: number, digest = 'ab'.repeat(32)): DnssecDs => ({ keyTag, algorithm: 13, digestType: 2, digest });
const key = (keyTag: number, algorithm = 13): { keyTag: number; algorithm: number; flags: number; bits: number } => ({ keyTag, algorithm, flags: 257, bits: 512 });
/** The chain's test. link carries the DS the parent serves: key 1000. */
const chain = [zone('.', 'secure', [8]), { ...zone('test.', 'secure', [13]), ds: [ds(1000)] }];
const scenario = (...servers: ReturnType<typeof server>[]): ReturnType<typeof withServers> => withServers(servers, { chain });

checkCases(check, [
  ['CDS equals the DS', scenario(server('test.', '192.0.2.1', { cds: [ds(1000)], cdnskey: [key(1000)] })), ['matches']],
  ['CDNSKEY only, same key', scenario(server('test.', '192.0.2.1', { cdnskey: [key(1000)] })), ['matches']],
  ['CDS for the new KSK, DS still the old one', scenario(server('test.', '192.0.2.1', { dnskeys: [1000, 2000], cds: [ds(2000)] })), ['mismatch']],
  ['CDS with a different digest of the same key', scenario(server('test.', '192.0.2.1', { cds: [ds(1000, 'cd'.repeat(32))] })), ['mismatch']],
  ['CDS for a key the zone lacks', scenario(server('test.', '192.0.2.1', { cds: [ds(4242)] })), ['no-key']],
  ['servers publish different CDS', scenario(server('test.', '192.0.2.1', { cds: [ds(1000)] }), server('test.', '192.0.2.2')), ['inconsistent']],
  ['CDS and CDNSKEY name different keys', scenario(server('test.', '192.0.2.1', { dnskeys: [1000, 2000], cds: [ds(1000)], cdnskey: [key(2000)] })), ['inconsistent']],
  ['delete request', scenario(server('test.', '192.0.2.1', { cds: [{ keyTag: 0, algorithm: 0, digestType: 0, digest: '00' }] })), ['delete']],
  ['no CDS anywhere: not applicable', scenario(server('test.', '192.0.2.1')), []],
]);
