import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { enumerateTls } from '../../src/probes/tls/enumerate.js';

// A tarpit accepts every connection and never says a word: connecting proves nothing.
let tarpit: net.Server;
let port: number;
let accepted = 0;
const held: net.Socket[] = [];
beforeAll(async () => {
  tarpit = net.createServer((s) => {
    accepted++;
    held.push(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => tarpit.listen(0, '127.0.0.1', () => r()));
  port = (tarpit.address() as net.AddressInfo).port;
});
afterAll(() => {
  for (const s of held) s.destroy();
  tarpit.close();
});

describe('enumeration against a tarpit', () => {
  it('opens the circuit after three silent hellos instead of waiting out every one', async () => {
    const connector = new Connector({ maxConnections: 3, timeoutMs: 150 });
    const started = performance.now();
    const found = await enumerateTls({ connector, address: '127.0.0.1', port, sni: 'tarpit.example.test' });
    // Three slots time out; hellos already queued for a slot go on, every later one fails fast.
    expect(accepted).toBeLessThanOrEqual(9);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(found.protocols.every((p) => !p.supported)).toBe(true);
    expect(found.protocols.every((p) => p.error === 'ENCSCAN_TIMEOUT' || p.error === 'ENCSCAN_CIRCUIT_OPEN')).toBe(true);
    // Connecting did not reset the breaker: the endpoint is given up.
    await expect(connector.probe('127.0.0.1', port)).rejects.toMatchObject({ code: 'ENCSCAN_CIRCUIT_OPEN' });
  });

  it('an answer, not a connect, resets the breaker', async () => {
    const connector = new Connector({ maxConnections: 1, timeoutMs: 100 });
    for (let i = 0; i < 2; i++) connector.noteTimeout('127.0.0.1', port);
    (await connector.probe('127.0.0.1', port)).destroy();
    connector.noteTimeout('127.0.0.1', port);
    await expect(connector.probe('127.0.0.1', port)).rejects.toMatchObject({ code: 'ENCSCAN_CIRCUIT_OPEN' });
    connector.answered('127.0.0.1', port);
    (await connector.probe('127.0.0.1', port)).destroy();
  });
});
