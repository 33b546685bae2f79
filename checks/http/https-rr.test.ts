import check from './https-rr.js';
import type { DnssecEvidence, DnssecStatus } from '../../src/evidence/dnssec.js';
import type { HttpEvidence, HttpsAliasChain, HttpsRecord } from '../../src/evidence/http.js';
import type { EndpointEvidence } from '../../src/evidence/target.js';
import { checkCases, endpoint, evidence, hop } from '../../test/support/check-kit.js';

function rr(parts: Partial<HttpsRecord>): HttpsRecord {
  return { name: 'site.example.', dnssec: 'insecure', rdata: '', priority: 1, target: '.', params: { alpn: ['h2'] }, problems: [], ...parts };
}

const tlsWith = (alpn: string | null): EndpointEvidence =>
  endpoint({ tls: { negotiated: { version: 'TLSv1.3', cipherSuite: { code: '0x1301', name: 'TLS_AES_128_GCM_SHA256' }, alpn }, handshakeMs: 1 } });

function ev(records: HttpsRecord[] | undefined, endpoints: EndpointEvidence[] = [tlsWith('h2')], addresses = ['192.0.2.1'], more: Partial<HttpEvidence> = {}) {
  return evidence({
    attempts: { dns: { status: 'ok' }, tls: { status: 'ok' }, http: { status: 'ok' }, 'http.https-rr': { status: 'ok' } },
    dns: { mode: 'iterative', name: 'site.example', rcode: { A: 'NOERROR' }, cnames: [], addresses: addresses.map((address) => ({ address, family: 4 as const })), queries: [] },
    endpoints,
    http: { redirects: { http: [hop('http://site.example/', 200)], https: [] }, hsts: null, ...(records ? { httpsRR: records } : {}), ...more },
  });
}

const bogusAddresses: DnssecEvidence = { status: 'bogus', reason: 'SIGNATURE_EXPIRED', anchor: 'configured', strictAlgorithms: false, chain: [], rrsets: [], queries: 0 };

// site.example. HTTPS 0 cdn.example. and what the chain found from there.
const ALIAS = rr({ priority: 0, target: 'cdn.example.', params: {} });
const atCdn = (parts: Partial<HttpsRecord>): HttpsRecord => rr({ name: 'cdn.example.', ...parts });
function aliased(chain: HttpsAliasChain, endpoints?: EndpointEvidence[], dnssec: DnssecStatus = 'insecure') {
  return ev([ALIAS], endpoints, undefined, { httpsRRDnssec: dnssec, httpsRRAlias: chain });
}
const served = (records: HttpsRecord[], addresses = ['192.0.2.1'], dnssec: DnssecStatus = 'secure'): HttpsAliasChain => ({
  hops: [{ name: 'cdn.example.', dnssec, records }],
  end: 'service',
  addresses,
});

checkCases(check, [
  ['no record', ev([]), ['absent']],
  ['h2 record, server speaks h2', ev([rr({})]), ['present']],
  ['alias not followed (older evidence)', ev([ALIAS]), ['alias']],
  ['alias wins over service records', ev([rr({}), ALIAS]), ['alias']],
  ['malformed', ev([rr({ priority: null, target: null, params: null, malformed: 'keys out of order' })]), ['invalid']],
  ['alias with params', ev([rr({ priority: 0, target: 'cdn.example.', params: { port: 8443 }, problems: ['alias-with-params'] })]), ['invalid', 'alias']],
  ['h2 record, server chose http/1.1', ev([rr({})], [tlsWith('http/1.1')]), ['present', 'alpn-mismatch']],
  ['h2 record for another host is not ours to judge', ev([rr({ target: 'cdn.example.' })], [tlsWith(null)]), ['present']],
  ['h2 on another port is not judged by this port', ev([rr({ params: { alpn: ['h2'], port: 8443 }, portAnswers: true })], [tlsWith(null)]), ['present']],
  ['port where nothing answers', ev([rr({ params: { alpn: ['h3'], port: 8443 }, portAnswers: false })]), ['present', 'port-unreachable']],
  ['stale ipv4hint', ev([rr({ params: { alpn: ['h3'], ipv4hint: ['192.0.2.1', '198.51.100.7'] } })]), ['present', 'hint-mismatch']],
  ['hints that match', ev([rr({ params: { alpn: ['h3'], ipv4hint: ['192.0.2.1'] } })]), ['present']],
  ['lookup failed: not applicable', { ...ev(undefined), attempts: { 'http.https-rr': { status: 'error', code: 'ENCSCAN_DNS_TIMEOUT' } } }, []],
  // Bogus answers and denials: validating clients see SERVFAIL, not "no record".
  ['bogus denial', ev([], undefined, undefined, { httpsRRDnssec: 'bogus' }), ['bogus']],
  ['bogus answer', ev([rr({ dnssec: 'bogus' })], undefined, undefined, { httpsRRDnssec: 'bogus' }), ['bogus']],
  ['bogus along with the zone', { ...ev([], undefined, undefined, { httpsRRDnssec: 'bogus' }), dnssec: bogusAddresses }, ['bogus-zone']],
  ['bogus alias target', aliased({ hops: [{ name: 'cdn.example.', dnssec: 'bogus', records: [] }], end: 'bogus' }), ['bogus']],
  // AliasMode chains (RFC 9460 §3): the ServiceMode records at the end are judged as the host's own.
  ['alias to a good service on the same servers', aliased(served([atCdn({ params: { alpn: ['h2'], ipv4hint: ['192.0.2.1'] } })])), ['present']],
  ['alias to a service whose h2 the server does not speak', aliased(served([atCdn({})]), [tlsWith('http/1.1')]), ['present', 'alpn-mismatch']],
  ['alias to a service with a dead port', aliased(served([atCdn({ params: { alpn: ['h3'], port: 8443 }, portAnswers: false })])), ['present', 'port-unreachable']],
  ['alias target hints off its own addresses', aliased(served([atCdn({ params: { ipv4hint: ['192.0.2.9'] } })], ['192.0.2.1'])), ['present', 'hint-mismatch']],
  ['alias to other servers: only hints are judged', aliased(served([atCdn({ params: { alpn: ['h2'], ipv4hint: ['198.51.100.7'] } })], ['198.51.100.7']), [tlsWith(null)]), ['present']],
  ['malformed record at the alias target', aliased(served([atCdn({}), atCdn({ priority: null, target: null, params: null, malformed: 'bad' })])), ['invalid', 'present']],
  ['alias to a name without ServiceMode records', aliased({ hops: [{ name: 'cdn.example.', dnssec: 'secure', records: [] }], end: 'no-records' }), ['alias']],
  ['alias to "."', ev([rr({ priority: 0, target: '.', params: {} })], undefined, undefined, { httpsRRAlias: { hops: [], end: 'unavailable' } }), ['alias-unavailable']],
  ['alias loop', aliased({ hops: [{ name: 'cdn.example.', dnssec: 'secure', records: [atCdn({ priority: 0, target: 'site.example.', params: {} })] }], end: 'loop' }), ['alias-loop']],
  [
    'alias chain past the limit',
    aliased({ hops: Array.from({ length: 8 }, (_, i) => ({ name: `a${i}.example.`, dnssec: 'secure' as const, records: [rr({ name: `a${i}.example.`, priority: 0, target: `a${i + 1}.example.`, params: {} })] })), end: 'too-long' }),
    ['alias-too-long'],
  ],
]);
