// Enumeration against real node:tls (OpenSSL) servers started by the test: the suites found must be
// exactly the configured ones, named as node itself names them (getCipher().standardName).
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { createLabPki, type IssuedCert } from '../../src/lab/pki.js';
import { enumeratePort } from './support.js';

const DAY = 86_400_000;
let cert: IssuedCert;
const servers: tls.Server[] = [];

beforeAll(async () => {
  const now = new Date();
  const pki = await createLabPki(now);
  cert = await pki.issueLeaf({ names: ['lab.example.test'], notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + DAY), key: { algorithm: 'RSA', modulusLength: 2048 } });
});
afterAll(() => servers.forEach((s) => s.close()));

async function serve(opts: tls.TlsOptions): Promise<number> {
  const server = tls.createServer({ key: cert.keyPem, cert: cert.chainPem, honorCipherOrder: true, ...opts }, (s) => s.end());
  server.on('tlsClientError', () => undefined);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

/** The IANA name node gives each OpenSSL suite when it negotiates it with the server (TLS ≤ 1.2). */
async function standardNames(port: number, version: tls.SecureVersion, openssl: string[]): Promise<string[]> {
  const connector = new Connector({ maxConnections: 1, timeoutMs: 3000 });
  const names: string[] = [];
  for (const cipher of openssl) {
    const s = await connector.tls({
      address: '127.0.0.1', port, servername: null,
      options: { rejectUnauthorized: false, minVersion: version, maxVersion: version, ciphers: `${cipher}:@SECLEVEL=0` },
    });
    names.push(s.getCipher().standardName);
    s.destroy();
  }
  return names;
}

const protocolOf = (found: Awaited<ReturnType<typeof enumeratePort>>, version: string) => found.protocols.find((p) => p.version === version)!;
const supportedVersions = (found: Awaited<ReturnType<typeof enumeratePort>>) => found.protocols.filter((p) => p.supported).map((p) => p.version);

describe('enumeration against node:tls servers', () => {
  it('TLS 1.3 only: the configured suites in server order and the configured groups', async () => {
    const port = await serve({
      minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3',
      ciphers: 'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256',
      ecdhCurve: 'X25519:P-384',
    });
    const found = await enumeratePort(port);
    expect(supportedVersions(found)).toEqual(['TLSv1.3']);
    const p = protocolOf(found, 'TLSv1.3');
    expect(p.cipherSuites.map((s) => s.name)).toEqual(['TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256']);
    expect(p.serverOrder).toBe(true);
    expect(found.groups.map((g) => g.name)).toEqual(['x25519', 'secp384r1']);
    expect(found.protocols.every((x) => x.error === null)).toBe(true);
  });

  it('TLS 1.2 ECDHE only: exactly the configured suites and curves', async () => {
    const openssl = ['ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-CHACHA20-POLY1305', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-SHA'];
    const port = await serve({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: openssl.join(':'), ecdhCurve: 'P-256:X25519' });
    const found = await enumeratePort(port);
    expect(supportedVersions(found)).toEqual(['TLSv1.2']);
    const p = protocolOf(found, 'TLSv1.2');
    expect(p.cipherSuites.map((s) => s.name)).toEqual(await standardNames(port, 'TLSv1.2', openssl));
    expect(p.serverOrder).toBe(true);
    expect(p.groups.map((g) => g.name)).toEqual(['secp256r1', 'x25519']);
  });

  it('client order is seen as client order', async () => {
    const openssl = ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384'];
    const port = await serve({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: openssl.join(':'), honorCipherOrder: false });
    const p = protocolOf(await enumeratePort(port), 'TLSv1.2');
    expect(new Set(p.cipherSuites.map((s) => s.name))).toEqual(new Set(await standardNames(port, 'TLSv1.2', openssl)));
    expect(p.serverOrder).toBe(false);
  });

  it('TLS 1.0 legacy at @SECLEVEL=0: RSA key exchange, DHE and CBC suites, nothing above TLS 1.0', async () => {
    // Only the suites this node's OpenSSL offers at all (3DES is not among them in OpenSSL 3 builds without legacy ciphers).
    const wanted = ['ECDHE-RSA-AES256-SHA', 'DHE-RSA-AES128-SHA', 'AES128-SHA', 'DES-CBC3-SHA'];
    const available = new Set(tls.getCiphers());
    const openssl = wanted.filter((c) => available.has(c.toLowerCase()));
    const port = await serve({ minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: `${openssl.join(':')}:@SECLEVEL=0`, dhparam: 'auto' });
    const found = await enumeratePort(port);
    expect(supportedVersions(found)).toEqual(['TLSv1.0']);
    const p = protocolOf(found, 'TLSv1.0');
    expect(p.cipherSuites.map((s) => s.name)).toEqual(await standardNames(port, 'TLSv1', openssl));
    expect(found.protocols.map((x) => x.refusal)).toEqual([
      'alert:protocol_version', 'alert:handshake_failure', 'alert:handshake_failure', 'version:TLSv1.0', 'version:TLSv1.0', 'alert:protocol_version',
    ]);
    expect(p.serverOrder).toBe(true);
  });
});
