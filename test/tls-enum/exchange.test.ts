import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { exchange } from '../../src/probes/tls/exchange.js';
import { HelloAnswerReader } from '../../src/probes/tls/hello-answer.js';
import { enumeratePort } from './support.js';

const servers: net.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(onConnection: (s: net.Socket) => void): Promise<number> {
  const server = net.createServer((s) => {
    s.on('error', () => undefined);
    onConnection(s);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

const HELLO = Uint8Array.from([22, 3, 1, 0, 1, 1]);
const connector = () => new Connector({ maxConnections: 2, timeoutMs: 300 });
const ask = async (port: number, c = connector()) => exchange({ connector: c, address: '127.0.0.1', port }, HELLO, new HelloAnswerReader('server-hello'));

describe('one hello exchange', () => {
  it('a silent server is a timeout', async () => {
    const port = await serve(() => undefined);
    expect(await ask(port)).toMatchObject({ kind: 'failed', code: 'ENCSCAN_TIMEOUT' });
  });

  it('a close before any answer is a refusal of its own', async () => {
    const port = await serve((s) => s.once('data', () => s.end()));
    expect(await ask(port)).toEqual({ kind: 'closed' });
  });

  it('a reset is a close too', async () => {
    const port = await serve((s) => s.once('data', () => s.resetAndDestroy()));
    expect(await ask(port)).toEqual({ kind: 'closed' });
  });

  it('bytes that are not TLS fail with the codec code', async () => {
    const port = await serve((s) => s.once('data', () => s.write('HTTP/1.1 400 Bad Request\r\n\r\n')));
    expect(await ask(port)).toMatchObject({ kind: 'failed', code: 'ENCSCAN_TLS_NOT_TLS' });
  });

  it('an endless stream is cut off, never buffered without bound', async () => {
    const ccs = Buffer.from(Array.from({ length: 4096 }, () => [20, 3, 3, 0, 1, 1]).flat());
    const port = await serve((s) => s.once('data', () => {
      const pump = (): void => void (s.destroyed || (s.write(ccs) ? setImmediate(pump) : s.once('drain', pump)));
      pump();
    }));
    // A generous timeout: the byte cap, not the clock, must end this exchange even on a busy machine.
    expect(await ask(port, new Connector({ maxConnections: 2, timeoutMs: 10_000 }))).toMatchObject({ kind: 'failed', code: 'ENCSCAN_TLS_RECORD_OVERFLOW' });
  });

  it('a connection refused is a failure, not an exception', async () => {
    const port = await serve(() => undefined);
    servers.pop()!.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(await ask(port)).toMatchObject({ kind: 'failed', code: 'ENCSCAN_CONNECT_REFUSED' });
  });
});

describe('enumeration of a tarpit', () => {
  it('ends quickly with every version unknown, not unsupported', async () => {
    const port = await serve(() => undefined);
    const started = performance.now();
    const found = await enumeratePort(port, { timeoutMs: 200 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(found.protocols.map((p) => [p.supported, p.error === null])).toEqual(Array(6).fill([false, false]));
  });
});
