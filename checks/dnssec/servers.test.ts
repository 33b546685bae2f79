import check from './servers.js';
import { dnssec, withDnssec } from '../../test/dnssec/check-fixtures.js';
import { daysFromNow, server, withServers as diagnosed } from '../../test/dns/server-fixtures.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';

const withServers = (...servers: ReturnType<typeof server>[]): ReturnType<typeof diagnosed> => diagnosed(servers);

checkCases(check, [
  ['two servers alike', withServers(server('test.', '192.0.2.1'), server('test.', '192.0.2.2')), ['ok']],
  ['secondary times out over both transports', withServers(server('test.', '192.0.2.1'), server('test.', '192.0.2.2', { udp: 'ENCSCAN_DNS_TIMEOUT', tcp: 'ENCSCAN_DNS_TIMEOUT' })), ['unreachable']],
  ['no TCP', withServers(server('test.', '192.0.2.1', { tcp: 'ENCSCAN_CONNECT_REFUSED' })), ['unreachable']],
  ['REFUSED: lame', withServers(server('test.', '192.0.2.1'), server('test.', '192.0.2.2', { udp: 'REFUSED', tcp: 'REFUSED', authoritative: false, serial: null })), ['lame']],
  ['NOERROR without AA: lame', withServers(server('test.', '192.0.2.1', { authoritative: false })), ['lame']],
  ['no RRSIG with DO', withServers(server('test.', '192.0.2.1'), server('test.', '192.0.2.2', { rrsigs: false })), ['no-dnssec']],
  ['no EDNS', withServers(server('test.', '192.0.2.1', { edns: false, rrsigs: false })), ['no-dnssec']],
  [
    'older serial and stale signatures on the secondary',
    withServers(server('test.', '192.0.2.1'), server('test.', '192.0.2.2', { serial: 2026110101, soaSigned: daysFromNow(-20) })),
    ['inconsistent', 'inconsistent'],
  ],
  [
    'parent servers disagree on the DS of the child',
    withServers(
      server('.', '192.0.2.1', { childDs: { zone: 'test.', rcode: 'NOERROR', ds: [{ keyTag: 1, algorithm: 13, digestType: 2, digest: 'aa' }] } }),
      server('.', '192.0.2.2', { childDs: { zone: 'test.', rcode: 'NOERROR', ds: [] } }),
    ),
    ['inconsistent'],
  ],
  ['unsigned zone without RRSIGs is fine', diagnosed([server('test.', '192.0.2.1', { rrsigs: false, dnskeys: [], soaSigned: null })], { chain: [] }), ['ok']],
  [
    'IPv6 servers all unreachable: the scanner has no IPv6',
    withServers(server('test.', '192.0.2.1'), server('test.', '[2001:db8::1]', { address: '[2001:db8::1]:53', udp: 'ENCSCAN_CONNECT_FAILED', tcp: 'ENCSCAN_CONNECT_FAILED' })),
    ['ok'],
  ],
  [
    'one IPv6 server answers, another does not',
    withServers(server('test.', '[2001:db8::1]', { address: '[2001:db8::1]:53' }), server('test.', '[2001:db8::2]', { address: '[2001:db8::2]:53', udp: 'ENCSCAN_DNS_TIMEOUT', tcp: 'ENCSCAN_DNS_TIMEOUT' })),
    ['unreachable'],
  ],
  ['stub mode: diagnosis skipped, not tested', withDnssec(dnssec()), []],
  ['diagnosis ran but found no servers: not applicable', diagnosed([]), []],
  ['no dnssec evidence', evidence(), []],
]);
