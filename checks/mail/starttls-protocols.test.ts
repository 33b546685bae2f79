import check from './starttls-protocols.js';
import type { ProtocolSupport, TlsVersionName } from '../../src/evidence/tls.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import { mailEndpoint, mx, withDane } from '../../test/dane/dane-evidence.js';

const ALL: TlsVersionName[] = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

function accepting(...versions: TlsVersionName[]) {
  const protocols: ProtocolSupport[] = ALL.map((version) => ({
    version, supported: versions.includes(version), cipherSuites: [], serverOrder: null, groups: [], refusal: null, error: null, longHelloIntolerant: false, handshakes: 1,
  }));
  return mailEndpoint({ enumeration: { protocols, groups: [], connections: protocols.length } });
}

checkCases(check, [
  ['TLS 1.2 and 1.3', withDane({ mail: [mx({ endpoints: [accepting('TLSv1.2', 'TLSv1.3')] })] }), ['modern']],
  ['TLS 1.0 too', withDane({ mail: [mx({ endpoints: [accepting('TLSv1.0', 'TLSv1.2')] })] }), ['legacy']],
  ['SSLv3 and TLS 1.0', withDane({ mail: [mx({ endpoints: [accepting('SSLv3', 'TLSv1.0', 'TLSv1.2')] })] }), ['ssl']],
  ['two addresses', withDane({ mail: [mx({ endpoints: [accepting('TLSv1.3'), { ...accepting('TLSv1.1'), address: '192.0.2.26' }] })] }), ['modern', 'legacy']],
  ['no STARTTLS, not enumerated', withDane({ mail: [mx({ endpoints: [mailEndpoint({ starttls: false })] })] }), []],
  ['no DANE evidence', evidence(), []],
]);
