import check from './cipher-suites.js';
import { checkCases, endpoint, evidence } from '../../test/support/check-kit.js';
import type { ProtocolSupport, TlsVersionName } from '../../src/evidence/tls.js';

function offering(byVersion: Record<string, string[]>) {
  const protocols: ProtocolSupport[] = Object.entries(byVersion).map(([version, names]) => ({
    version: version as TlsVersionName,
    supported: names.length > 0,
    cipherSuites: names.map((name) => ({ code: null, name })),
    serverOrder: true,
    groups: [],
    refusal: null,
    error: null,
    longHelloIntolerant: false,
    handshakes: names.length + 1,
  }));
  const negotiated = { version: 'TLSv1.2' as const, cipherSuite: { code: null, name: 'X' }, alpn: null };
  return evidence({ endpoints: [endpoint({ tls: { negotiated, handshakeMs: 1, protocols } })] });
}

const MODERN = ['TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256'];
const GOOD_12 = ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA'];

checkCases(check, [
  ['modern', offering({ 'TLSv1.3': MODERN, 'TLSv1.2': GOOD_12 }), ['ok']],
  ['NULL', offering({ 'TLSv1.2': [...GOOD_12, 'TLS_RSA_WITH_NULL_SHA256'] }), ['null-cipher', 'partial-forward-secrecy']],
  ['TLS 1.3 integrity-only', offering({ 'TLSv1.3': ['TLS_SHA256_SHA256', ...MODERN] }), ['null-cipher']],
  ['anonymous DH', offering({ 'TLSv1.2': [...GOOD_12, 'TLS_DH_anon_WITH_AES_128_GCM_SHA256'] }), ['anonymous', 'partial-forward-secrecy']],
  ['export RSA', offering({ 'TLSv1.0': ['TLS_RSA_EXPORT_WITH_RC4_40_MD5'], 'TLSv1.2': GOOD_12 }), ['export', 'rc4', 'partial-forward-secrecy']],
  ['RC4', offering({ 'TLSv1.2': [...GOOD_12, 'TLS_ECDHE_RSA_WITH_RC4_128_SHA'] }), ['rc4']],
  ['DES', offering({ 'TLSv1.2': [...GOOD_12, 'TLS_DHE_RSA_WITH_DES_CBC_SHA'] }), ['des']],
  ['3DES', offering({ 'TLSv1.2': [...GOOD_12, 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA'] }), ['sweet32']],
  ['SSLv2 kinds', offering({ SSLv2: ['SSL_CK_DES_192_EDE3_CBC_WITH_MD5', 'SSL_CK_RC4_128_EXPORT40_WITH_MD5'], 'TLSv1.2': GOOD_12 }), ['export', 'rc4', 'sweet32', 'partial-forward-secrecy']],
  ['CBC only', offering({ 'TLSv1.2': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384'] }), ['cbc-only']],
  ['static RSA only', offering({ 'TLSv1.2': ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA'] }), ['no-forward-secrecy']],
  ['nothing supported', offering({ 'TLSv1.2': [] }), []],
  ['not enumerated', evidence({ endpoints: [endpoint()] }), []],
]);
