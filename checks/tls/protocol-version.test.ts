import check from './protocol-version.js';
import { checkCases, endpoint, evidence } from '../../test/support/check-kit.js';
import type { TlsVersionName } from '../../src/evidence/tls.js';

const at = (version: TlsVersionName) =>
  endpoint({ tls: { negotiated: { version, cipherSuite: { code: null, name: 'X' }, alpn: null }, handshakeMs: 1 } });

const proto = (version: TlsVersionName, supported: boolean) =>
  ({ version, supported, cipherSuites: [], serverOrder: null, groups: [], refusal: null, error: null, longHelloIntolerant: false, handshakes: 1 });

checkCases(check, [
  ['1.3', evidence({ endpoints: [at('TLSv1.3')] }), ['tls13']],
  ['1.2', evidence({ endpoints: [at('TLSv1.2')] }), ['tls12']],
  ['1.0', evidence({ endpoints: [at('TLSv1.0')] }), ['legacy']],
  ['1.1', evidence({ endpoints: [at('TLSv1.1')] }), ['legacy']],
  ['no handshake', evidence({ endpoints: [endpoint()] }), []],
  ['enumeration only', evidence({ endpoints: [endpoint({ tls: { protocols: [proto('SSLv3', true), proto('TLSv1.0', true), proto('TLSv1.2', false)] } })] }), ['legacy']],
]);
