import type tls from 'node:tls';
import type { Connector } from '../../engine/connector.js';
import type { TlsEvidence, TlsVersionName } from '../../evidence/tls.js';
import { suiteByName } from '../../tls/cipher-suites.js';

export interface HandshakeResult {
  tls: TlsEvidence;
  /** DER certificates the server sent, leaf first (node:tls orders them by issuer). */
  chain: Uint8Array[];
}

const VERSION: Record<string, TlsVersionName> = {
  TLSv1: 'TLSv1.0',
  'TLSv1.1': 'TLSv1.1',
  'TLSv1.2': 'TLSv1.2',
  'TLSv1.3': 'TLSv1.3',
  SSLv3: 'SSLv3',
};

/**
 * node:tls options that still reach weak servers: every version node offers and SECLEVEL 0. Trust
 * is decided later by our own code, so any certificate is accepted, and `ca: []` keeps node from
 * appending roots from its own store to the chain the server sent.
 */
export const SCAN_TLS_OPTIONS = { minVersion: 'TLSv1', ciphers: 'ALL:@SECLEVEL=0', rejectUnauthorized: false, ca: [] } as const;

/** What a finished node:tls handshake tells: version, suite, ALPN and the chain as sent. */
export function sessionOf(socket: tls.TLSSocket): TlsEvidence['negotiated'] & { chain: Uint8Array[] } {
  const cipher = socket.getCipher();
  return {
    version: VERSION[socket.getProtocol() ?? ''] ?? 'TLSv1.2',
    cipherSuite: suiteByName(cipher.standardName ?? cipher.name),
    alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
    chain: peerChain(socket.getPeerCertificate(true)),
  };
}

/** One full handshake with node:tls (the endpoint's default handshake). */
export async function handshake(opts: {
  connector: Connector;
  address: string;
  port: number;
  sni: string | null;
  signal?: AbortSignal;
}): Promise<HandshakeResult> {
  const started = performance.now();
  const seen: { staple?: Buffer } = {};
  const socket = await opts.connector.tls({
    address: opts.address,
    port: opts.port,
    servername: opts.sni,
    signal: opts.signal,
    // requestOCSP (a TLSSocket option tls.connect passes on) sends status_request (RFC 6066 §8);
    // a stapled response arrives during the handshake.
    options: { ...SCAN_TLS_OPTIONS, ca: [], ALPNProtocols: ['h2', 'http/1.1'], ...({ requestOCSP: true } as tls.ConnectionOptions) },
    observe: (s) =>
      s.once('OCSPResponse', (response?: Buffer) => {
        if (response && response.length > 0) seen.staple = response;
      }),
  });
  try {
    const { chain, ...negotiated } = sessionOf(socket);
    const ocspStaple = seen.staple === undefined ? {} : { ocspStaple: seen.staple.toString('base64') };
    return { tls: { negotiated, handshakeMs: Math.round(performance.now() - started), ...ocspStaple }, chain };
  } finally {
    socket.destroy();
  }
}

function peerChain(leaf: tls.DetailedPeerCertificate): Uint8Array[] {
  const out: Uint8Array[] = [];
  const seen = new Set<object>();
  for (let c = leaf; c && c.raw && !seen.has(c) && out.length < 20; c = c.issuerCertificate) {
    seen.add(c);
    out.push(new Uint8Array(c.raw));
  }
  return out;
}
