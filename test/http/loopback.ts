// Loopback servers for the HTTP probe tests. Every server listens on 127.0.0.1, port 0; tests reach
// them through a Connector whose port map turns logical addresses (127.0.9.x:443) into real ports.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type tls from 'node:tls';
import { webcrypto } from 'node:crypto';
import { Connector } from '../../src/engine/connector.js';
import { x509 } from '../../src/pki/x509.js';

export interface Seen {
  host: string | undefined;
  sni: string | null;
  path: string;
}

export interface Running {
  port: number;
  /** Requests in arrival order, with the Host header and (for TLS) the SNI name. */
  seen: Seen[];
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function selfSignedCert(names: string[]): Promise<{ cert: string; key: string }> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name: `CN=${names[0] ?? 'localhost'}`,
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 86_400_000),
      keys,
      signingAlgorithm: alg,
      extensions: [new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value })))],
    },
  );
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n`;
  return { cert: cert.toString('pem'), key };
}

export function startHttp(handler: Handler): Promise<Running> {
  return listen(http.createServer(), handler);
}

export function startHttps(handler: Handler, creds: { cert: string; key: string }): Promise<Running> {
  return listen(https.createServer(creds), handler);
}

/** A TCP server that speaks whatever bytes the test writes (or nothing at all). */
export async function startRaw(onSocket: (socket: net.Socket) => void): Promise<Running> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  const port = await listenOn(server);
  return {
    port,
    seen: [],
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function listen(server: http.Server, handler: Handler): Promise<Running> {
  const seen: Seen[] = [];
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const sni = (req.socket as tls.TLSSocket).servername;
    seen.push({ host: req.headers.host, sni: typeof sni === 'string' ? sni : null, path: req.url ?? '' });
    handler(req, res);
  });
  const port = await listenOn(server);
  return {
    port,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function listenOn(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** A Connector sending logical "address:port" keys to real loopback ports. */
export function connectorFor(map: Record<string, number>, timeoutMs = 2_000): Connector {
  const portMap = new Map(Object.entries(map).map(([k, port]) => [k, { address: '127.0.0.1', port }]));
  return new Connector({ portMap, maxConnections: 8, timeoutMs });
}

/** encscan-style resolver over a fixed table; records what it was asked. */
export function resolverFor(table: Record<string, string>): { resolve: (host: string) => Promise<string | null>; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    resolve: (host) => {
      asked.push(host);
      return Promise.resolve(table[host] ?? null);
    },
  };
}
