import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { MAX_PKI_BODY_BYTES, askOcspResponder, fetchCaIssuers } from '../../src/probes/pki/pki-fetch.js';

// The logical address URLs resolve to; the connector's port map sends it to the local server.
const LOGICAL = '192.0.2.80';
let server: http.Server;
let connector: Connector;
const seen: Array<{ method?: string; url?: string; type?: string; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body: Buffer.concat(chunks).toString('hex') });
      if (req.url === '/big') res.end(Buffer.alloc(MAX_PKI_BODY_BYTES + 1));
      else if (req.url === '/missing') res.writeHead(404).end();
      else if (req.url === '/slow') setTimeout(() => res.end('late'), 2000);
      else res.end(Buffer.from([1, 2, 3]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  connector = new Connector({ portMap: new Map([[`${LOGICAL}:80`, { address: '127.0.0.1', port }]]), maxConnections: 2, timeoutMs: 500 });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const at = (path: string, timeoutMs = 1000) => ({ url: new URL(`http://ca.example${path}`), address: LOGICAL, connector, timeoutMs });

describe('PKI downloads through the connector', () => {
  it('GETs a caIssuers URL', async () => {
    expect(await fetchCaIssuers(at('/ca.cer'))).toEqual(new Uint8Array([1, 2, 3]));
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/ca.cer' });
  });

  it('POSTs an OCSP request (RFC 6960 A.1)', async () => {
    await askOcspResponder(at('/'), new Uint8Array([0x30, 0x00]));
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/', type: 'application/ocsp-request', body: '3000' });
  });

  it.each([
    ['a body over the limit', '/big', 'ENCSCAN_HTTP'],
    ['an HTTP error status', '/missing', 'ENCSCAN_HTTP'],
    ['a server slower than the timeout', '/slow', 'ENCSCAN_TIMEOUT'],
  ])('fails with a code on %s', async (_, path, code) => {
    await expect(fetchCaIssuers(at(path, 300))).rejects.toMatchObject({ code });
  });

  it('refuses https (RFC 5280 §4.2.2.1 names http only)', async () => {
    const before = connector.connectionsTo(LOGICAL, 443);
    await expect(fetchCaIssuers({ ...at('/'), url: new URL('https://ca.example/ca.cer') })).rejects.toMatchObject({ code: 'ENCSCAN_HTTP' });
    expect(connector.connectionsTo(LOGICAL, 443)).toBe(before);
  });
});
