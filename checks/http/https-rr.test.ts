import check from './https-rr.js';
import type { HttpsRecord } from '../../src/evidence/http.js';
import type { EndpointEvidence } from '../../src/evidence/target.js';
import { checkCases, endpoint, evidence, hop } from '../../test/support/check-kit.js';

function rr(parts: Partial<HttpsRecord>): HttpsRecord {
  return { name: 'site.example.', dnssec: 'insecure', rdata: '', priority: 1, target: '.', params: { alpn: ['h2'] }, problems: [], ...parts };
}

const tlsWith = (alpn: string | null): EndpointEvidence =>
  endpoint({ tls: { negotiated: { version: 'TLSv1.3', cipherSuite: { code: '0x1301', name: 'TLS_AES_128_GCM_SHA256' }, alpn }, handshakeMs: 1 } });

function ev(records: HttpsRecord[] | undefined, endpoints: EndpointEvidence[] = [tlsWith('h2')], addresses = ['192.0.2.1']) {
  return evidence({
    attempts: { dns: { status: 'ok' }, tls: { status: 'ok' }, http: { status: 'ok' }, 'http.https-rr': { status: 'ok' } },
    dns: { mode: 'iterative', name: 'site.example', rcode: { A: 'NOERROR' }, cnames: [], addresses: addresses.map((address) => ({ address, family: 4 as const })), queries: [] },
    endpoints,
    http: { redirects: { http: [hop('http://site.example/', 200)], https: [] }, hsts: null, ...(records ? { httpsRR: records } : {}) },
  });
}

checkCases(check, [
  ['no record', ev([]), ['absent']],
  ['h2 record, server speaks h2', ev([rr({})]), ['present']],
  ['alias', ev([rr({ priority: 0, target: 'cdn.example.', params: {} })]), ['alias']],
  ['alias wins over service records', ev([rr({}), rr({ priority: 0, target: 'cdn.example.', params: {} })]), ['alias']],
  ['malformed', ev([rr({ priority: null, target: null, params: null, malformed: 'keys out of order' })]), ['invalid']],
  ['alias with params', ev([rr({ priority: 0, target: 'cdn.example.', params: { port: 8443 }, problems: ['alias-with-params'] })]), ['invalid', 'alias']],
  ['h2 record, server chose http/1.1', ev([rr({})], [tlsWith('http/1.1')]), ['present', 'alpn-mismatch']],
  ['h2 record for another host is not ours to judge', ev([rr({ target: 'cdn.example.' })], [tlsWith(null)]), ['present']],
  ['h2 on another port is not judged by this port', ev([rr({ params: { alpn: ['h2'], port: 8443 }, portAnswers: true })], [tlsWith(null)]), ['present']],
  ['port where nothing answers', ev([rr({ params: { alpn: ['h3'], port: 8443 }, portAnswers: false })]), ['present', 'port-unreachable']],
  ['stale ipv4hint', ev([rr({ params: { alpn: ['h3'], ipv4hint: ['192.0.2.1', '198.51.100.7'] } })]), ['present', 'hint-mismatch']],
  ['hints that match', ev([rr({ params: { alpn: ['h3'], ipv4hint: ['192.0.2.1'] } })]), ['present']],
  ['lookup failed: not applicable', { ...ev(undefined), attempts: { 'http.https-rr': { status: 'error', code: 'ENCSCAN_DNS_TIMEOUT' } } }, []],
]);
