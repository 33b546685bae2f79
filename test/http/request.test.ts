import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet } from '../../src/probes/http/request.js';
import { connectorFor, selfSignedCert, startHttp, startHttps, startRaw, type Running } from './loopback.js';

const ADDR = '127.0.9.1';
let https: Running;
let plain: Running;
const raw: Record<string, Running> = {};

/** Raw servers for responses node:http refuses to produce. */
const RAW_RESPONSES: Record<string, (socket: import('node:net').Socket) => void> = {
  tarpit: () => undefined,
  hugeHeader: (s) => void s.once('data', () => s.write(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`)),
  badBytes: (s) =>
    void s.once('data', () =>
      s.end(
        Buffer.concat([
          Buffer.from('HTTP/1.1 200 OK\r\nServer: caf'),
          Buffer.from([0xe9, 0x20, 0xff, 0xfe, 0xc3]),
          Buffer.from('\r\nStrict-Transport-Security: max-age=1\r\nContent-Length: 0\r\n\r\n'),
        ]),
      ),
    ),
  slowBody: (s) =>
    void s.once('data', () => {
      s.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      const t = setInterval(() => s.write('1\r\nx\r\n'), 20);
      s.on('close', () => clearInterval(t));
    }),
  fastBody: (s) =>
    void s.once('data', () => {
      s.write('HTTP/1.1 200 OK\r\n\r\n');
      const chunk = Buffer.alloc(256 * 1024, 0x61);
      const pump = (): void => {
        while (!s.destroyed && s.write(chunk));
        if (!s.destroyed) s.once('drain', pump);
      };
      pump();
    }),
  notHttp: (s) => void s.once('data', () => s.end('SSH-2.0-OpenSSH_9.2\r\n')),
  // Slowloris in reverse: a header block that never ends, one byte at a time.
  trickleHeaders: (s) =>
    void s.once('data', () => {
      s.write('HTTP/1.1 200 OK\r\nX-Slow: ');
      const t = setInterval(() => s.write('a'), 20);
      s.on('close', () => clearInterval(t));
    }),
  badLocation: (s) =>
    void s.once('data', () =>
      s.end(Buffer.concat([Buffer.from('HTTP/1.1 301 Moved\r\nLocation: https://site.example.test/'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('\r\nContent-Length: 0\r\n\r\n')])),
    ),
};

beforeAll(async () => {
  const creds = await selfSignedCert(['site.example.test']);
  https = await startHttps((req, res) => {
    if (req.url === '/dup') res.setHeader('Strict-Transport-Security', ['max-age=1', 'max-age=2; preload', 'max-age=3']);
    res.setHeader('Server', 'loopback-test');
    res.end('hello');
  }, creds);
  plain = await startHttp((_req, res) => {
    res.statusCode = 301;
    res.setHeader('Location', 'https://site.example.test/');
    res.end();
  });
  for (const [name, onSocket] of Object.entries(RAW_RESPONSES)) raw[name] = await startRaw(onSocket);
});

afterAll(async () => {
  await Promise.all([https, plain, ...Object.values(raw)].map((s) => s.close()));
});

function connector() {
  const map: Record<string, number> = { [`${ADDR}:443`]: https.port, [`${ADDR}:8443`]: https.port, [`${ADDR}:80`]: plain.port };
  Object.values(raw).forEach((s, i) => (map[`127.0.9.${10 + i}:80`] = s.port));
  return connectorFor(map, 1_000);
}

/** The logical address of a raw server, in the order of RAW_RESPONSES. */
function rawAddr(name: string): string {
  return `127.0.9.${10 + Object.keys(RAW_RESPONSES).indexOf(name)}`;
}

describe('httpGet', () => {
  it('GETs over TLS with SNI and Host from the URL, on the logical port', async () => {
    const hop = await httpGet({ url: new URL('https://site.example.test/x?y=1'), address: ADDR, connector: connector(), timeoutMs: 2_000 });
    expect(hop).toEqual({ url: 'https://site.example.test/x?y=1', address: ADDR, status: 200, location: null, sts: [], server: 'loopback-test' });
    expect(https.seen.at(-1)).toEqual({ host: 'site.example.test', sni: 'site.example.test', path: '/x?y=1' });
  });

  it('puts a non-default port in the Host header', async () => {
    const hop = await httpGet({ url: new URL('https://site.example.test:8443/'), address: ADDR, connector: connector(), timeoutMs: 2_000 });
    expect(hop.status).toBe(200);
    expect(https.seen.at(-1)).toMatchObject({ host: 'site.example.test:8443', sni: 'site.example.test' });
  });

  it('keeps duplicate Strict-Transport-Security headers unmerged and in order', async () => {
    const hop = await httpGet({ url: new URL('https://site.example.test/dup'), address: ADDR, connector: connector(), timeoutMs: 2_000 });
    expect(hop.sts).toEqual(['max-age=1', 'max-age=2; preload', 'max-age=3']);
  });

  it('records the Location of a plain-HTTP redirect without following it', async () => {
    const hop = await httpGet({ url: new URL('http://site.example.test/'), address: ADDR, connector: connector(), timeoutMs: 2_000 });
    expect(hop).toMatchObject({ status: 301, location: 'https://site.example.test/' });
    expect(plain.seen.at(-1)).toMatchObject({ host: 'site.example.test', sni: null });
  });

  it('returns a connect error as a hop', async () => {
    const hop = await httpGet({ url: new URL('http://site.example.test/'), address: '127.0.9.99', connector: connectorFor({ '127.0.9.99:80': 1 }), timeoutMs: 2_000 });
    expect(hop).toMatchObject({ status: null, error: 'ENCSCAN_CONNECT_REFUSED' });
  });

  it('times out on a server that never answers, within the budget', async () => {
    const started = Date.now();
    const hop = await httpGet({ url: new URL('http://tarpit.example.test/'), address: rawAddr('tarpit'), connector: connector(), timeoutMs: 300 });
    expect(hop).toMatchObject({ status: null, error: 'ENCSCAN_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('times out on a TLS handshake that never happens', async () => {
    const c = connectorFor({ [`${ADDR}:443`]: raw.tarpit!.port }, 300);
    const started = Date.now();
    const hop = await httpGet({ url: new URL('https://site.example.test/'), address: ADDR, connector: c, timeoutMs: 5_000 });
    expect(hop).toMatchObject({ status: null, error: 'ENCSCAN_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('honours the caller abort signal', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    const hop = await httpGet({ url: new URL('http://tarpit.example.test/'), address: rawAddr('tarpit'), connector: connector(), signal: ctl.signal, timeoutMs: 5_000 });
    expect(hop).toMatchObject({ status: null, error: 'ENCSCAN_ABORTED' });
  });

  it('reports an oversized header block as an error', async () => {
    const hop = await httpGet({ url: new URL('http://big.example.test/'), address: rawAddr('hugeHeader'), connector: connector(), timeoutMs: 2_000 });
    expect(hop).toMatchObject({ status: null, error: 'ENCSCAN_HTTP_HEADERS_TOO_LARGE' });
  });

  it('reports a response that is not HTTP as a bad response', async () => {
    const hop = await httpGet({ url: new URL('http://ssh.example.test/'), address: rawAddr('notHttp'), connector: connector(), timeoutMs: 2_000 });
    expect(hop).toMatchObject({ status: null, error: 'ENCSCAN_HTTP_BAD_RESPONSE' });
  });

  it('survives invalid UTF-8 in header values (read as Latin-1 bytes)', async () => {
    const hop = await httpGet({ url: new URL('http://bytes.example.test/'), address: rawAddr('badBytes'), connector: connector(), timeoutMs: 2_000 });
    expect(hop).toMatchObject({ status: 200, server: 'caf\u00e9 \u00ff\u00fe\u00c3', sts: ['max-age=1'] });
  });

  it('stops reading a slow endless body at the deadline and keeps the headers', async () => {
    const started = Date.now();
    const hop = await httpGet({ url: new URL('http://slow.example.test/'), address: rawAddr('slowBody'), connector: connector(), timeoutMs: 400 });
    expect(hop).toEqual({ url: 'http://slow.example.test/', address: rawAddr('slowBody'), status: 200, location: null, sts: [], server: null });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('gives up on a header block that trickles in forever, at the deadline', async () => {
    const started = Date.now();
    const hop = await httpGet({ url: new URL('http://trickle.example.test/'), address: rawAddr('trickleHeaders'), connector: connector(), timeoutMs: 400 });
    expect(hop).toMatchObject({ status: null, error: 'ENCSCAN_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('keeps a Location with invalid UTF-8 as Latin-1 text, which redirects then percent-encode', async () => {
    const hop = await httpGet({ url: new URL('http://loc.example.test/'), address: rawAddr('badLocation'), connector: connector(), timeoutMs: 2_000 });
    expect(hop).toMatchObject({ status: 301, location: 'https://site.example.test/\u00ff\u00c3(' });
    expect(new URL(hop.location!).pathname).toBe('/%C3%BF%C3%83(');
  });

  it('stops reading a fast endless body at maxBodyBytes', async () => {
    const started = Date.now();
    const hop = await httpGet({ url: new URL('http://fast.example.test/'), address: rawAddr('fastBody'), connector: connector(), timeoutMs: 10_000, maxBodyBytes: 1024 });
    expect(hop.status).toBe(200);
    expect(hop.error).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
