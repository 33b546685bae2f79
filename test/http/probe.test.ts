import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeHttp } from '../../src/probes/http/probe.js';
import { connectorFor, resolverFor, selfSignedCert, startHttp, startHttps, type Running } from './loopback.js';

let web: Running;
let secure: Running;

beforeAll(async () => {
  const creds = await selfSignedCert(['site.example.test']);
  web = await startHttp((req, res) => {
    res.statusCode = 301;
    res.setHeader('Location', `https://site.example.test${req.url ?? '/'}`);
    res.end();
  });
  secure = await startHttps((_req, res) => {
    res.setHeader('Strict-Transport-Security', ['max-age=63072000; includeSubDomains; preload', 'max-age=0']);
    res.end('ok');
  }, creds);
});

afterAll(async () => {
  await Promise.all([web.close(), secure.close()]);
});

describe('probeHttp', () => {
  it('asks every address over HTTPS, follows both chains and parses HSTS from the first answer', async () => {
    // 127.0.9.2 has nothing listening behind it: its hop fails, the first address still answers.
    const connector = connectorFor({ '127.0.9.1:80': web.port, '127.0.9.1:443': secure.port, '127.0.9.2:443': 1 });
    const dns = resolverFor({});
    const got = await probeHttp({ host: 'site.example.test', port: 443, addresses: ['127.0.9.2', '127.0.9.1'], resolve: dns.resolve, connector, timeoutMs: 2_000 });

    expect(got.endpoints.map((e) => [e.address, e.http.https.status, e.http.https.error])).toEqual([
      ['127.0.9.2', null, 'ENCSCAN_CONNECT_REFUSED'],
      ['127.0.9.1', 200, undefined],
    ]);
    expect(got.http.hsts).toEqual({
      raw: ['max-age=63072000; includeSubDomains; preload', 'max-age=0'],
      valid: true,
      maxAge: 63072000,
      includeSubDomains: true,
      preload: true,
      errors: ['multiple-headers'],
    });
    // Chains start on the first address (127.0.9.2), which refuses HTTPS but has no port-80 mapping either.
    expect(got.http.redirects.https).toEqual([expect.objectContaining({ url: 'https://site.example.test/', address: '127.0.9.2', status: null })]);
    expect(dns.asked).toEqual([]);
  });

  it('follows http://host/ to HTTPS on the logical port 80, and a custom HTTPS port', async () => {
    const connector = connectorFor({ '127.0.9.1:80': web.port, '127.0.9.1:8443': secure.port, '127.0.9.1:443': secure.port });
    const got = await probeHttp({ host: 'site.example.test', port: 8443, addresses: ['127.0.9.1'], resolve: resolverFor({}).resolve, connector, timeoutMs: 2_000 });

    expect(got.http.redirects.http.map((h) => [h.url, h.status])).toEqual([
      ['http://site.example.test/', 301],
      ['https://site.example.test/', 200],
    ]);
    expect(got.http.redirects.https.map((h) => [h.url, h.status])).toEqual([['https://site.example.test:8443/', 200]]);
    expect(got.endpoints[0]!.http.https).toMatchObject({ url: 'https://site.example.test:8443/', status: 200 });
    expect(secure.seen.some((s) => s.host === 'site.example.test:8443' && s.sni === 'site.example.test')).toBe(true);
  });

  it('gives hsts null when no HTTPS response came', async () => {
    const connector = connectorFor({ '127.0.9.1:80': web.port, '127.0.9.1:443': 1 });
    const got = await probeHttp({ host: 'site.example.test', port: 443, addresses: ['127.0.9.1'], resolve: resolverFor({}).resolve, connector, timeoutMs: 2_000 });

    expect(got.http.hsts).toBeNull();
    expect(got.http.redirects.http.map((h) => [h.status, h.error])).toEqual([
      [301, undefined],
      [null, 'ENCSCAN_CONNECT_REFUSED'],
    ]);
  });

  it('records an empty address list as unresolvable chains', async () => {
    const got = await probeHttp({ host: 'site.example.test', port: 443, addresses: [], resolve: resolverFor({}).resolve, connector: connectorFor({}), timeoutMs: 2_000 });
    expect(got.endpoints).toEqual([]);
    expect(got.http.hsts).toBeNull();
    expect(got.http.redirects.http[0]).toMatchObject({ address: null, error: 'ENCSCAN_DNS_NO_ADDRESS' });
  });
});
