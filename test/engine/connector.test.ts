import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { EncscanError } from '../../src/engine/errors.js';

let server: net.Server;
let port: number;
const sockets: net.Socket[] = [];
beforeAll(async () => {
  server = net.createServer((s) => sockets.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  server.close();
});

const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e as EncscanError).code);

describe('Connector', () => {
  it('accepts IP addresses only, so nothing ever calls getaddrinfo', async () => {
    const c = new Connector({ maxConnections: 1, timeoutMs: 1000 });
    expect(await code(c.tcp('localhost', port))).toBe('ENCSCAN_NOT_AN_IP');
    expect(await code(c.tls({ address: 'example.org', port: 443, servername: 'example.org' }))).toBe('ENCSCAN_NOT_AN_IP');
    expect(await code(c.datagram('ns.example', 53))).toBe('ENCSCAN_NOT_AN_IP');
  });

  it('applies the port map: logical address:port to the real one', async () => {
    const c = new Connector({ maxConnections: 2, timeoutMs: 1000, portMap: new Map([['127.0.9.9:443', { address: '127.0.0.1', port }]]) });
    const s = await c.tcp('127.0.9.9', 443);
    expect(s.remotePort).toBe(port);
    expect(c.connectionsTo('127.0.9.9', 443)).toBe(1);
    s.destroy();
  });

  it('holds at most --max-connections sockets per address:port at once', async () => {
    const c = new Connector({ maxConnections: 2, timeoutMs: 1000 });
    const a = await c.tcp('127.0.0.1', port);
    const b = await c.tcp('127.0.0.1', port);
    let third: net.Socket | undefined;
    const pending = c.tcp('127.0.0.1', port).then((s) => (third = s));
    await new Promise((r) => setTimeout(r, 100));
    expect(third).toBeUndefined();
    a.destroy();
    await pending;
    expect(third).toBeDefined();
    b.destroy();
    third!.destroy();
  });

  it('gives up an endpoint after 3 consecutive timeouts (circuit breaker)', async () => {
    const c = new Connector({ maxConnections: 3, timeoutMs: 100 });
    // A TLS handshake with a server that never answers times out.
    for (let i = 0; i < 3; i++) {
      expect(await code(c.tls({ address: '127.0.0.1', port, servername: 'x.test' }))).toBe('ENCSCAN_TIMEOUT');
    }
    expect(await code(c.tcp('127.0.0.1', port))).toBe('ENCSCAN_CIRCUIT_OPEN');
  });

  it('stops waiting when the caller aborts', async () => {
    const c = new Connector({ maxConnections: 1, timeoutMs: 5000 });
    const held = await c.tcp('127.0.0.1', port);
    const ctl = new AbortController();
    const waiting = code(c.tcp('127.0.0.1', port, ctl.signal));
    ctl.abort(new EncscanError('ENCSCAN_BUDGET_EXHAUSTED', 'budget'));
    expect(await waiting).toBe('ENCSCAN_BUDGET_EXHAUSTED');
    held.destroy();
  });
});
