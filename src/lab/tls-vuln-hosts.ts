// Lab endpoints for the weakness probes, served by the scripted responder (127.0.2.40–59): one with
// every tested weakness, one with none, on the same suites, so that the demo shows both verdicts.
// Like the other responder hosts they complete no handshake, hence tls.handshake.failed and
// http.https.failed.
import type { LabTlsHost } from './tls-hosts.js';
import type { TlsPolicy } from './tls-responder-answer.js';
import type { VulnPolicy } from './tls-responder-vulns.js';

const ECDHE_RSA_AES128_GCM = 0xc02f;
const RSA_AES128_CBC = 0x002f;
const DHE_RSA_AES128_CBC = 0x0033;
const P256 = 23;
const COMMON = ['http.https.failed', 'tls.handshake.failed', 'tls.protocols.tls10', 'tls.protocols.tls11'];

function legacyPolicy(vulns: VulnPolicy): TlsPolicy {
  return {
    versions: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'],
    suites: {
      'TLSv1.2': [ECDHE_RSA_AES128_GCM, RSA_AES128_CBC, DHE_RSA_AES128_CBC],
      'TLSv1.1': [RSA_AES128_CBC, DHE_RSA_AES128_CBC],
      'TLSv1.0': [RSA_AES128_CBC, DHE_RSA_AES128_CBC],
    },
    serverOrder: true,
    groups: [P256],
    vulns,
  };
}

export const LAB_VULN_TLS_HOSTS: readonly LabTlsHost[] = [
  {
    name: 'weak-spots.example.test',
    description: 'TLS 1.0 to 1.2 with Heartbleed, CCS injection, Ticketbleed, ROBOT, compression, no secure renegotiation or fallback protection, and the 1024-bit Oakley group',
    address: '127.0.2.40',
    policy: legacyPolicy({
      ignoresFallbackScsv: true,
      noSecureRenegotiation: true,
      compression: true,
      heartbleed: true,
      earlyCcs: true,
      ticketbleed: true,
      rsa: 'oracle',
      dhGroup: 'RFC 2409 group 2',
    }),
    expect: [
      ...COMMON,
      'tls.ccs-injection.vulnerable',
      'tls.compression.vulnerable',
      'tls.dh-group.common-prime',
      'tls.fallback-scsv.vulnerable',
      'tls.heartbleed.vulnerable',
      'tls.robot.vulnerable',
      'tls.secure-renegotiation.vulnerable',
      'tls.ticketbleed.vulnerable',
    ],
  },
  {
    name: 'patched.example.test',
    description: 'the same suites with every weakness fixed and the RFC 7919 ffdhe2048 group',
    address: '127.0.2.41',
    policy: legacyPolicy({ rsa: 'uniform', resumesTickets: true, dhGroup: 'RFC 7919 ffdhe2048' }),
    expect: COMMON,
  },
];
