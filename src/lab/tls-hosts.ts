// Lab endpoints served by the scripted TLS responder: configurations no local TLS library will run
// (SSLv2, SSLv3, export, RC4, NULL, anonymous suites) and the behaviours enumeration must cope with
// (client order, long-hello intolerance, post-quantum groups). They answer hellos only: a full
// handshake (node:tls) fails on them by design, so each expects tls.handshake.failed and
// http.https.failed besides what enumeration finds.
import type { TlsPolicy } from './tls-responder-answer.js';
import { startTlsResponder } from './tls-responder.js';
import { LAB_VULN_TLS_HOSTS } from './tls-vuln-hosts.js';

export interface LabTlsHost {
  name: string;
  description: string;
  /** Logical IPv4 address; the port map sends its :443 to the responder. */
  address: string;
  policy: TlsPolicy;
  /** The warn/fail finding ids a scan must produce: exactly these (see hosts.ts). */
  expect: string[];
}

const X25519 = 29;
const P256 = 23;
const P384 = 24;
const X25519MLKEM768 = 0x11ec;
const MODERN_13 = [0x1301, 0x1302, 0x1303];
const MODERN_12 = [0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8];

export const LAB_TLS_HOSTS: readonly LabTlsHost[] = [
  {
    name: 'ancient.example.test',
    description: 'SSLv2, SSLv3 and TLS 1.0 with export, RC4, DES, 3DES, NULL and anonymous suites',
    address: '127.0.2.1',
    policy: {
      versions: ['SSLv2', 'SSLv3', 'TLSv1.0'],
      ssl2Kinds: [0x010080, 0x020080, 0x0700c0, 0x060040],
      suites: {
        SSLv3: [0x0005, 0x0004, 0x000a, 0x0009, 0x0003, 0x0008],
        'TLSv1.0': [0x0005, 0x000a, 0x0033, 0x002f, 0x0003, 0x0014, 0x0018, 0x0034, 0x0001, 0x0002],
      },
      serverOrder: true,
      groups: [],
    },
    expect: ['http.https.failed', 'tls.cipher-suites.anonymous', 'tls.cipher-suites.cbc-only', 'tls.cipher-suites.des', 'tls.cipher-suites.export', 'tls.cipher-suites.null-cipher', 'tls.cipher-suites.rc4', 'tls.cipher-suites.sweet32', 'tls.handshake.failed', 'tls.protocol-version.legacy', 'tls.protocols.sslv2', 'tls.protocols.sslv3', 'tls.protocols.tls10'],
  },
  {
    name: 'cbc-rsa.example.test',
    description: 'TLS 1.0 to 1.2, static RSA and CBC only, client order',
    address: '127.0.2.2',
    policy: {
      versions: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'],
      suites: { 'TLSv1.0': [0x002f, 0x0035, 0x000a], 'TLSv1.1': [0x002f, 0x0035, 0x000a], 'TLSv1.2': [0x003c, 0x003d, 0x002f, 0x0035, 0x000a] },
      serverOrder: false,
      groups: [],
    },
    expect: ['http.https.failed', 'tls.cipher-suites.cbc-only', 'tls.cipher-suites.no-forward-secrecy', 'tls.cipher-suites.sweet32', 'tls.handshake.failed', 'tls.protocols.tls10', 'tls.protocols.tls11'],
  },
  {
    name: 'pq.example.test',
    description: 'TLS 1.2 and 1.3, X25519MLKEM768 preferred',
    address: '127.0.2.3',
    policy: { versions: ['TLSv1.2', 'TLSv1.3'], suites: { 'TLSv1.3': MODERN_13, 'TLSv1.2': MODERN_12 }, serverOrder: true, groups: [X25519MLKEM768, X25519, P256, P384] },
    expect: ['http.https.failed', 'tls.handshake.failed'],
  },
  {
    name: 'short-hello.example.test',
    description: 'drops hellos offering more than 64 suites',
    address: '127.0.2.4',
    policy: { versions: ['TLSv1.2'], suites: { 'TLSv1.2': [0xc02f, 0xc030, 0x009c] }, serverOrder: true, groups: [P256], maxHelloSuites: 64 },
    expect: ['http.https.failed', 'tls.handshake.failed'],
  },
  ...LAB_VULN_TLS_HOSTS,
];

/** Starts one responder per host; `portMap` maps "address:443" to where it listens. */
export async function startLabTlsHosts(hosts: readonly LabTlsHost[] = LAB_TLS_HOSTS): Promise<{ portMap: Record<string, string>; stop(): Promise<void> }> {
  const running = await Promise.all(hosts.map((h) => startTlsResponder(h.policy)));
  const portMap = Object.fromEntries(hosts.map((h, i) => [`${h.address}:443`, `127.0.0.1:${running[i]!.port}`]));
  return { portMap, stop: async () => void (await Promise.all(running.map((r) => r.close()))) };
}
