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
    // Each address gets its own chains; a refusal decides nothing, so the roll-up keeps 127.0.9.1's answer.
    expect(got.endpoints[0]!.http.redirects!.https).toEqual([expect.objectContaining({ url: 'https://site.example.test/', address: '127.0.9.2', status: null })]);
    expect(got.http.redirects.https).toEqual([expect.objectContaining({ address: '127.0.9.1', status: 200 })]);
    // Only the www counterpart is looked up: requests for the host itself stay on its addresses.
    expect(dns.asked).toEqual(['www.site.example.test']);
    expect(got.http.counterpart).toEqual({ name: 'www.site.example.test', address: null, redirects: { http: [], https: [] }, hsts: null });
  });

  it('rolls up the worst address: one that serves plain HTTP without HSTS', async () => {
    const bare = await startHttp((_req, res) => res.end('plain'));
    const noHsts = await startHttps((_req, res) => res.end('ok'), await selfSignedCert(['site.example.test']));
    try {
      const connector = connectorFor({ '127.0.9.1:80': web.port, '127.0.9.1:443': secure.port, '127.0.9.2:80': bare.port, '127.0.9.2:443': noHsts.port });
      const got = await probeHttp({ host: 'site.example.test', port: 443, addresses: ['127.0.9.1', '127.0.9.2'], resolve: resolverFor({}).resolve, connector, timeoutMs: 2_000 });

      const [good, bad] = got.endpoints.map((e) => e.http);
      expect(good!.redirects!.http.map((h) => [h.address, h.status])).toEqual([['127.0.9.1', 301], ['127.0.9.1', 200]]);
      expect(good!.hsts).toMatchObject({ valid: true, maxAge: 63072000 });
      expect(bad!.redirects!.http.map((h) => [h.address, h.status])).toEqual([['127.0.9.2', 200]]);
      expect(bad!.hsts).toMatchObject({ raw: [], valid: false });
      expect(got.http.redirects.http).toEqual(bad!.redirects!.http);
      expect(got.http.hsts).toEqual(bad!.hsts);
    } finally {
      await Promise.all([bare.close(), noHsts.close()]);
    }
  });

  it('follows the www counterpart on its own address, and the apex from www', async () => {
    const connector = connectorFor({ '127.0.9.1:80': web.port, '127.0.9.1:443': secure.port, '127.0.9.3:80': web.port, '127.0.9.3:443': secure.port });
    const dns = resolverFor({ 'site.example.test': '127.0.9.3' });
    const got = await probeHttp({ host: 'www.site.example.test', port: 443, addresses: ['127.0.9.1'], resolve: dns.resolve, connector, timeoutMs: 2_000 });

    const c = got.http.counterpart!;
    expect([c.name, c.address]).toEqual(['site.example.test', '127.0.9.3']);
    expect(c.redirects.http.map((h) => [h.url, h.address, h.status])).toEqual([
      ['http://site.example.test/', '127.0.9.3', 301],
      ['https://site.example.test/', '127.0.9.3', 200],
    ]);
    expect(c.hsts).toMatchObject({ valid: true, preload: true });
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
