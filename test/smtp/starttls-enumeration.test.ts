import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { createLabPki } from '../../src/lab/pki.js';
import { startSmtpServer, type RunningSmtpServer } from '../../src/lab/smtp-server.js';
import { starttlsConnector } from '../../src/probes/smtp/starttls-connector.js';
import { enumerateTls } from '../../src/probes/tls/enumerate.js';

// The TLS engine's crafted hellos, each after its own EHLO and STARTTLS, against the lab SMTP server.
const ADDRESS = '127.0.25.20';
let good: RunningSmtpServer;
let plain: RunningSmtpServer;

beforeAll(async () => {
  const now = new Date();
  const pki = await createLabPki(now);
  const leaf = await pki.issueLeaf({ names: ['mx.lab.test'], notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 86_400_000) });
  [good, plain] = await Promise.all([
    startSmtpServer({ variant: 'starttls', key: leaf.keyPem, cert: leaf.chainPem }),
    startSmtpServer({ variant: 'no-starttls', key: leaf.keyPem, cert: leaf.chainPem }),
  ]);
});

afterAll(async () => {
  await Promise.all([good?.close(), plain?.close()]);
});

function enumerate(server: RunningSmtpServer) {
  const connector = new Connector({ portMap: new Map([[`${ADDRESS}:25`, { address: '127.0.0.1', port: server.port }]]), maxConnections: 3, timeoutMs: 3000 });
  return { connector, result: enumerateTls({ connector: starttlsConnector(connector, 'encscan.invalid'), address: ADDRESS, port: 25, sni: 'mx.lab.test' }) };
}

describe('enumeration over STARTTLS', () => {
  it('finds what the server accepts after STARTTLS (Node: TLS 1.2 and 1.3)', async () => {
    const { connector, result } = enumerate(good);
    const { protocols, connections } = await result;
    expect(protocols.filter((p) => p.supported).map((p) => p.version)).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(protocols.every((p) => p.error === null)).toBe(true);
    expect(protocols.find((p) => p.version === 'TLSv1.3')!.cipherSuites.map((s) => s.name)).toContain('TLS_AES_128_GCM_SHA256');
    // Every hello had its own connection, each through the one Connector (its limits and counts).
    expect(connector.connectionsTo(ADDRESS, 25)).toBe(connections);
  });

  it('records the SMTP refusal on every version when STARTTLS is not offered', async () => {
    const { protocols } = await enumerate(plain).result;
    expect(protocols.map((p) => [p.supported, p.error])).toEqual(protocols.map(() => [false, 'ENCSCAN_SMTP_NO_STARTTLS']));
  });
});
