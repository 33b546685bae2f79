import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followRedirects } from '../../src/probes/http/redirects.js';
import { connectorFor, resolverFor, selfSignedCert, startHttp, startHttps, type Running } from './loopback.js';

// site.example.test is 127.0.9.1 (ports 80 and 443); www.example.test is 127.0.9.2 (port 443).
let web: Running;
let site: Running;
let www: Running;

/** Redirects by path; anything else is a 200. Plain HTTP always redirects to HTTPS. */
const ROUTES: Record<string, [number, string]> = {
  '/relative/a/b': [302, '../c?q=1#frag'],
  '/relative/c?q=1': [307, '/done'],
  '/loop/a': [302, '/loop/b'],
  '/loop/b': [302, '/loop/a#again'],
  '/www': [308, 'https://www.example.test/landing'],
  '/ftp': [301, 'ftp://site.example.test/file'],
  '/nowhere': [302, 'https://nowhere.example.test/'],
  '/literal': [302, 'https://127.0.9.2/by-ip'],
  '/not-a-redirect': [300, '/elsewhere'],
};

/** The 25-hop chain: /hop/1 → /hop/2 → … → /hop/25 (a 200). */
function hopRoute(path: string): [number, string] | undefined {
  const n = Number(/^\/hop\/(\d+)$/.exec(path)?.[1] ?? 25);
  return n < 25 ? [302, `/hop/${n + 1}`] : undefined;
}

function handler(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
  const path = req.url ?? '/';
  const route = 'encrypted' in req.socket ? (hopRoute(path) ?? ROUTES[path]) : ([301, `https://${req.headers.host ?? ''}${path}`] as const);
  if (route) {
    res.statusCode = route[0];
    res.setHeader('Location', route[1]);
  } else {
    res.setHeader('Strict-Transport-Security', 'max-age=63072000');
  }
  res.end();
}

beforeAll(async () => {
  const creds = await selfSignedCert(['site.example.test', 'www.example.test']);
  web = await startHttp(handler);
  site = await startHttps(handler, creds);
  www = await startHttps(handler, creds);
});

afterAll(async () => {
  await Promise.all([web.close(), site.close(), www.close()]);
});

function setup() {
  const connector = connectorFor({ '127.0.9.1:80': web.port, '127.0.9.1:443': site.port, '127.0.9.2:443': www.port });
  const dns = resolverFor({ 'site.example.test': '127.0.9.1', 'www.example.test': '127.0.9.2' });
  return { connector, dns, follow: (start: string, maxHops?: number) => followRedirects({ start: new URL(start), resolve: dns.resolve, connector, timeoutMs: 2_000, maxHops }) };
}

describe('followRedirects', () => {
  it('follows HTTP to HTTPS, recording every hop', async () => {
    const { follow } = setup();
    const hops = await follow('http://site.example.test/');
    expect(hops).toEqual([
      { url: 'http://site.example.test/', address: '127.0.9.1', status: 301, location: 'https://site.example.test/', sts: [], server: null },
      { url: 'https://site.example.test/', address: '127.0.9.1', status: 200, location: null, sts: ['max-age=63072000'], server: null },
    ]);
    expect(web.seen.at(-1)).toMatchObject({ host: 'site.example.test', path: '/' });
    expect(site.seen.at(-1)).toMatchObject({ host: 'site.example.test', sni: 'site.example.test', path: '/' });
  });

  it('resolves relative Locations against the current URL and drops fragments', async () => {
    const hops = await setup().follow('https://site.example.test/relative/a/b');
    expect(hops.map((h) => [h.url, h.status])).toEqual([
      ['https://site.example.test/relative/a/b', 302],
      ['https://site.example.test/relative/c?q=1', 307],
      ['https://site.example.test/done', 200],
    ]);
    expect(hops[0]!.location).toBe('../c?q=1#frag');
  });

  it('follows to another host with its own address, SNI and Host', async () => {
    const { follow, dns } = setup();
    const hops = await follow('https://site.example.test/www');
    expect(hops.map((h) => [h.url, h.address, h.status])).toEqual([
      ['https://site.example.test/www', '127.0.9.1', 308],
      ['https://www.example.test/landing', '127.0.9.2', 200],
    ]);
    expect(dns.asked).toEqual(['site.example.test', 'www.example.test']);
    expect(www.seen.at(-1)).toEqual({ host: 'www.example.test', sni: 'www.example.test', path: '/landing' });
  });

  it('stops a loop on the hop that would revisit a URL', async () => {
    const before = site.seen.length;
    const hops = await setup().follow('https://site.example.test/loop/a');
    expect(hops.map((h) => [h.url, h.error])).toEqual([
      ['https://site.example.test/loop/a', undefined],
      ['https://site.example.test/loop/b', 'ENCSCAN_HTTP_REDIRECT_LOOP'],
    ]);
    expect(site.seen.length - before).toBe(2);
  });

  it('caps a 25-hop chain at 20 requests', async () => {
    const before = site.seen.length;
    const hops = await setup().follow('https://site.example.test/hop/1');
    expect(hops).toHaveLength(20);
    expect(hops.slice(0, 19).every((h) => h.error === undefined && h.status === 302)).toBe(true);
    expect(hops[19]).toMatchObject({ url: 'https://site.example.test/hop/20', status: 302, error: 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS' });
    expect(site.seen.length - before).toBe(20);
  });

  it('honours a smaller maxHops', async () => {
    const hops = await setup().follow('https://site.example.test/hop/1', 3);
    expect(hops.map((h) => h.error)).toEqual([undefined, undefined, 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS']);
  });

  it('ends the chain at a non-http(s) Location and at non-redirect 3xx', async () => {
    const { follow } = setup();
    expect(await follow('https://site.example.test/ftp')).toEqual([
      expect.objectContaining({ status: 301, location: 'ftp://site.example.test/file' }),
    ]);
    expect(await follow('https://site.example.test/not-a-redirect')).toEqual([expect.objectContaining({ status: 300, location: '/elsewhere' })]);
  });

  it('records a host that does not resolve as a hop without an address', async () => {
    const hops = await setup().follow('https://site.example.test/nowhere');
    expect(hops[1]).toEqual({ url: 'https://nowhere.example.test/', address: null, status: null, location: null, sts: [], server: null, error: 'ENCSCAN_DNS_NO_ADDRESS' });
  });

  it('uses IP-literal hosts as they are, without asking the resolver', async () => {
    const { follow, dns } = setup();
    const hops = await follow('https://site.example.test/literal');
    expect(hops[1]).toMatchObject({ url: 'https://127.0.9.2/by-ip', address: '127.0.9.2', status: 200 });
    expect(dns.asked).toEqual(['site.example.test']);
    expect(www.seen.at(-1)).toEqual({ host: '127.0.9.2', sni: null, path: '/by-ip' });
  });
});
