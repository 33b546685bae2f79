import dns from 'node:dns';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { drainViolations } from '../support/network-guard.mjs';

// The guard that every test runs under: it must really stop traffic that leaves loopback.
describe('network guard', () => {
  it('refuses a TCP connect to a non-loopback address before any packet is sent', () => {
    expect(() => net.connect({ host: '192.0.2.1', port: 443 })).toThrow(/network guard/);
    expect(drainViolations()).toHaveLength(1);
  });

  it('refuses any question to the machine resolver', () => {
    expect(() => dns.lookup('example.org', () => undefined)).toThrow(/network guard/);
    expect(() => net.connect({ host: 'localhost', port: 1 })).toThrow(/network guard/);
    expect(drainViolations()).toHaveLength(2);
  });

  it('lets loopback through', async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const c = new Connector({ maxConnections: 1, timeoutMs: 2000 });
    const socket = await c.tcp('127.0.0.1', port);
    socket.destroy();
    server.close();
    expect(drainViolations()).toEqual([]);
  });
});
