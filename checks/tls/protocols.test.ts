import check from './protocols.js';
import { checkCases, endpoint, evidence } from '../../test/support/check-kit.js';
import type { ProtocolSupport, TlsVersionName } from '../../src/evidence/tls.js';

const ALL: TlsVersionName[] = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const suite = { code: '0xC02F', name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' };

function offering(versions: TlsVersionName[], errors: Partial<Record<TlsVersionName, string>> = {}) {
  const protocols: ProtocolSupport[] = ALL.map((version) => ({
    version,
    supported: versions.includes(version),
    cipherSuites: versions.includes(version) ? [suite] : [],
    serverOrder: null,
    groups: [],
    refusal: versions.includes(version) ? null : 'alert:handshake_failure',
    error: errors[version] ?? null,
    longHelloIntolerant: false,
    handshakes: 2,
  }));
  return evidence({
    endpoints: [endpoint({ tls: { negotiated: { version: 'TLSv1.2', cipherSuite: suite, alpn: null }, handshakeMs: 1, protocols } })],
  });
}

checkCases(check, [
  ['modern', offering(['TLSv1.2', 'TLSv1.3']), ['ok']],
  ['everything', offering(ALL), ['sslv2', 'sslv3', 'tls10', 'tls11']],
  ['legacy without 1.3', offering(['TLSv1.0', 'TLSv1.1', 'TLSv1.2']), ['tls10', 'tls11', 'no-tls13']],
  ['1.2 only', offering(['TLSv1.2']), ['no-tls13']],
  ['1.3 timed out', offering(['TLSv1.2'], { 'TLSv1.3': 'ENCSCAN_TIMEOUT' }), ['unknown']],
  ['SSLv3 and 1.2', offering(['SSLv3', 'TLSv1.2', 'TLSv1.3']), ['sslv3']],
  ['not enumerated', evidence({ endpoints: [endpoint()] }), []],
]);
