// Seeded random and mutated packets against the lab server and the transport's response handling:
// nothing may throw out, crash the process or hang.
import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dnsPacket from 'dns-packet';
import { Connector } from '../../src/engine/connector.js';
import type { DnsQuery } from '../../src/evidence/dns.js';
import { startDnsServer, type DnsServer } from '../../src/lab/dns-server.js';
import { delegation, soaRecord } from '../../src/lab/zone.js';
import { exchange, matchResponse, rcodeName } from '../../src/probes/dns/transport.js';
import { exampleRequest } from './example-request.js';

/** mulberry32: reproducible runs. */
function prng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

function mutate(base: Buffer, rand: (n: number) => number): Buffer {
  switch (rand(5)) {
    case 0: // random bytes
      return Buffer.from(Array.from({ length: rand(80) }, () => rand(256)));
    case 1: // truncated
      return base.subarray(0, rand(base.length));
    case 2: // extra tail
      return Buffer.concat([base, Buffer.from(Array.from({ length: 1 + rand(20) }, () => rand(256)))]);
    default: {
      // a few flipped bytes, sparing the header's id half the time so matching code paths get exercised
      const out = Buffer.from(base);
      for (let i = 1 + rand(4); i > 0; i--) out[(rand(2) === 0 ? 2 : 0) + rand(out.length - 2)] = rand(256);
      return out;
    }
  }
}

const zone = {
  origin: 'example.test',
  records: [
    soaRecord('example.test'),
    ...delegation('example.test', [{ name: 'ns1.example.test', address: '127.0.53.3' }]),
    ...delegation('sub.example.test', [{ name: 'ns1.sub.example.test', address: '127.0.53.4' }]),
    { name: 'www.example.test', type: 'CNAME', data: 'good.example.test' },
    { name: 'good.example.test', type: 'A', data: '127.0.1.2' },
    { name: 'good.example.test', type: 'MX', data: { preference: 1, exchange: 'good.example.test' } },
    { name: 'good.example.test', type: 'TXT', data: ['hello', 'world'] },
  ],
};

let server: DnsServer;
let connector: Connector;

beforeAll(async () => {
  server = await startDnsServer({ zones: [zone] });
  connector = new Connector({ maxConnections: 3, timeoutMs: 2000, portMap: new Map([['127.0.53.3:53', { address: server.address, port: server.port }]]) });
});
afterAll(async () => {
  await server.close();
});

const request = exampleRequest;

describe('fuzz', () => {
  it('matchResponse accepts only well-formed answers to the question, and never throws', () => {
    const rand = prng(1);
    const expected = { id: 0x1234, name: 'www.example.test', type: 'A' };
    const base = dnsPacket.encode({
      type: 'response',
      id: expected.id,
      questions: [{ name: expected.name, type: 'A' }],
      answers: [
        { name: 'www.example.test', type: 'CNAME', data: 'good.example.test' },
        { name: 'good.example.test', type: 'A', data: '127.0.1.2' },
      ],
      authorities: [{ name: 'example.test', type: 'NS', data: 'ns1.example.test' }],
      additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: dnsPacket.DNSSEC_OK, options: [] } as unknown as dnsPacket.Answer],
    });
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const wire = mutate(base, rand);
      const msg = matchResponse(wire, expected);
      if (!msg) continue;
      accepted++;
      expect([msg.id, msg.flag_qr, msg.questions?.length]).toEqual([expected.id, true, 1]);
      expect(typeof rcodeName(wire, msg)).toBe('string');
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('the lab server survives thousands of mutated UDP queries and garbage TCP streams', async () => {
    const rand = prng(2);
    const bases = ['A', 'MX', 'TXT', 'ANY', 'NS', 'SOA'].map((type) =>
      dnsPacket.encode({ type: 'query', id: 1, questions: [{ name: rand(2) ? 'good.example.test' : 'x.sub.example.test', type: type as dnsPacket.RecordType }], additionals: [{ type: 'OPT', name: '.', udpPayloadSize: rand(4000), flags: 0, options: [] } as unknown as dnsPacket.Answer] }),
    );
    const sender = dgram.createSocket('udp4');
    sender.on('message', () => undefined);
    await new Promise<void>((r) => sender.bind(0, '127.0.0.1', () => r()));
    for (let batch = 0; batch < 30; batch++) {
      for (let i = 0; i < 100; i++) sender.send(mutate(bases[rand(bases.length)] as Buffer, rand), server.port, server.address);
      await new Promise((r) => setTimeout(r, 5));
    }
    sender.close();
    for (let c = 0; c < 20; c++) {
      const socket = net.connect(server.port, server.address);
      socket.on('error', () => undefined);
      socket.on('data', () => undefined);
      await new Promise<void>((r) => socket.once('connect', () => r()));
      for (let i = 0; i < 10; i++) {
        const body = mutate(bases[rand(bases.length)] as Buffer, rand);
        const frame = Buffer.alloc(2);
        frame.writeUInt16BE(rand(3) === 0 ? rand(0x10000) : body.length);
        socket.write(Buffer.concat([frame, body]));
      }
      socket.destroy();
    }
    expect(server.stats.queries).toBeGreaterThan(100);
    expect((await exchange(connector, request())).rcode).toBe('NOERROR');
    expect((await exchange(connector, request({ tcpOnly: true }))).rcode).toBe('NOERROR');
  });

  it('the transport takes only a matching reply from a stream of mutated ones', async () => {
    const rand = prng(3);
    const hostile = dgram.createSocket('udp4');
    hostile.on('message', (msg, rinfo) => {
      const q = dnsPacket.decode(msg);
      const good = dnsPacket.encode({ type: 'response', id: q.id, questions: q.questions, answers: [{ name: 'good.example.test', type: 'A', data: '127.0.9.9' }] });
      for (let i = 0; i < 50; i++) hostile.send(mutate(good, rand), rinfo.port, rinfo.address);
      hostile.send(good, rinfo.port, rinfo.address);
    });
    await new Promise<void>((r) => hostile.bind(0, '127.0.0.1', () => r()));
    const hostileConnector = new Connector({
      maxConnections: 3,
      timeoutMs: 2000,
      portMap: new Map([['127.0.53.66:53', { address: '127.0.0.1', port: hostile.address().port }]]),
    });
    try {
      const log: DnsQuery[] = [];
      let answered = 0;
      for (let i = 0; i < 60; i++) {
        // An accepted mutant may carry TC=1, and the hostile side has no TCP: that must fail cleanly.
        const ex = await exchange(hostileConnector, request({ server: { address: '127.0.53.66', port: 53 }, log })).catch((err: { code?: string }) => err);
        if (!('message' in ex) || !('wire' in ex)) {
          expect(ex.code).toMatch(/^ENCSCAN_/);
          continue;
        }
        answered++;
        expect([ex.message.flag_qr, ex.message.questions?.[0]?.name, ex.message.questions?.[0]?.type]).toEqual([true, 'good.example.test', 'A']);
        expect(ex.wire.readUInt16BE(0)).toBe(ex.message.id);
      }
      expect(answered).toBeGreaterThan(40);
      expect(log.filter((q) => q.transport === 'udp').every((q) => q.error === undefined && q.response !== undefined)).toBe(true);
    } finally {
      hostile.close();
    }
  });
});
