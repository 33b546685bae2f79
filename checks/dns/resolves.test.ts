import check from './resolves.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import type { DnsEvidence } from '../../src/evidence/dns.js';

const dns = (rcode: Record<string, string>, addresses: string[] = []): DnsEvidence => ({
  mode: 'iterative',
  name: 'site.example',
  rcode,
  cnames: [],
  addresses: addresses.map((address) => ({ address, family: 4 as const })),
  queries: [],
});

checkCases(check, [
  ['addresses', evidence({ dns: dns({ A: 'NOERROR', AAAA: 'NOERROR' }, ['192.0.2.1']) }), ['ok']],
  ['nxdomain', evidence({ dns: dns({ A: 'NXDOMAIN', AAAA: 'NXDOMAIN' }) }), ['nxdomain']],
  ['servfail', evidence({ dns: dns({ A: 'SERVFAIL', AAAA: 'SERVFAIL' }) }), ['servfail']],
  ['nodata', evidence({ dns: dns({ A: 'NOERROR', AAAA: 'NOERROR' }) }), ['no-address']],
  ['timeout says nothing', evidence({ dns: dns({ A: 'ENCSCAN_DNS_TIMEOUT', AAAA: 'NOERROR' }) }), []],
  ['IP literal: not applicable', evidence({ dns: { ...dns({}, ['192.0.2.1']), mode: 'literal' } }), []],
]);
