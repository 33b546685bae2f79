// The lab's authoritative server: RFC 1034 §4.3.2 answers, EDNS echo, UDP size limits, TCP framing.
import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dnsPacket from 'dns-packet';
import { Connector } from '../../src/engine/connector.js';
import { startDnsServer, type DnsServer } from '../../src/lab/dns-server.js';
import { delegation, soaRecord } from '../../src/lab/zone.js';
import { exchange, type Exchange, type ExchangeRequest } from '../../src/probes/dns/transport.js';
import { exampleRequest } from './example-request.js';

let server: DnsServer;
let connector: Connector;

beforeAll(async () => {
  server = await startDnsServer({
    zones: [
      {
        origin: 'example.test',
        records: [
          soaRecord('example.test'),
          ...delegation('example.test', [{ name: 'ns1.example.test', address: '127.0.53.3' }]),
          { name: 'www.example.test', type: 'CNAME', data: 'good.example.test' },
          { name: 'good.example.test', type: 'A', data: '127.0.1.2' },
          { name: 'out.example.test', type: 'CNAME', data: 'elsewhere.test' },
          { name: 'dangling.example.test', type: 'CNAME', data: 'missing.example.test' },
          { name: 'leaf.ent.example.test', type: 'A', data: '127.0.1.3' },
          { name: 'mail.example.test', type: 'MX', data: { preference: 10, exchange: 'good.example.test' } },
          ...delegation('sub.example.test', [
            { name: 'ns1.sub.example.test', address: '127.0.53.10' },
            { name: 'ns2.sub.example.test', address: 'fd00::53' },
            { name: 'ns.elsewhere.test' },
          ]),
          { name: 'sub.example.test', type: 'DS', data: { keyTag: 1, algorithm: 13, digestType: 2, digest: Buffer.alloc(32, 1) } },
          ...Array.from({ length: 30 }, (_, i) => ({ name: 'wide.example.test', type: 'A', data: `127.0.4.${i}` })),
          ...Array.from({ length: 8 }, (_, i) => ({ name: 'huge.example.test', type: 'TXT', data: [`${i}${'y'.repeat(200)}`] })),
        ],
      },
      { origin: 'refused.test', records: [], behaviour: 'refused' },
    ],
  });
  connector = new Connector({ maxConnections: 3, timeoutMs: 2000, portMap: new Map([['127.0.53.3:53', { address: server.address, port: server.port }]]) });
});

afterAll(async () => {
  await server.close();
});

function ask(name: string, type: string, over: Partial<ExchangeRequest> = {}): Promise<Exchange> {
  return exchange(connector, exampleRequest({ name, type, ...over }));
}

const owners = (answers: dnsPacket.Answer[] | undefined): string[] => (answers ?? []).map((a) => `${a.name} ${a.type}`);

describe('lab DNS server', () => {
  it('answers authoritatively and echoes EDNS with DO', async () => {
    const { message, rcode } = await ask('good.example.test', 'A');
    expect(rcode).toBe('NOERROR');
    expect(message.flag_aa).toBe(true);
    expect(message.flag_cd).toBe(true);
    expect(owners(message.answers)).toEqual(['good.example.test A']);
    const opt = message.additionals?.find((a) => a.type === 'OPT') as dnsPacket.OptAnswer | undefined;
    expect(opt?.flag_do).toBe(true);
  });

  it('chases a CNAME inside the zone and stops at the zone edge', async () => {
    expect(owners((await ask('www.example.test', 'A')).message.answers)).toEqual(['www.example.test CNAME', 'good.example.test A']);
    const out = await ask('out.example.test', 'A');
    expect([out.rcode, owners(out.message.answers)]).toEqual(['NOERROR', ['out.example.test CNAME']]);
    const dangling = await ask('dangling.example.test', 'A');
    expect([dangling.rcode, owners(dangling.message.answers), owners(dangling.message.authorities)]).toEqual([
      'NXDOMAIN',
      ['dangling.example.test CNAME'],
      ['example.test SOA'],
    ]);
  });

  it('refers below a zone cut with NS and in-zone glue, without AA', async () => {
    const { message, rcode } = await ask('www.sub.example.test', 'A');
    expect(rcode).toBe('NOERROR');
    expect(message.flag_aa).toBe(false);
    expect(message.answers).toEqual([]);
    expect(owners(message.authorities)).toEqual(['sub.example.test NS', 'sub.example.test NS', 'sub.example.test NS']);
    expect(owners(message.additionals?.filter((a) => a.type !== 'OPT'))).toEqual(['ns1.sub.example.test A', 'ns2.sub.example.test AAAA']);
  });

  it('answers DS at a cut from the parent side', async () => {
    const { message } = await ask('sub.example.test', 'DS');
    expect([message.flag_aa, owners(message.answers)]).toEqual([true, ['sub.example.test DS']]);
  });

  it('gives NXDOMAIN, NODATA (also for empty non-terminals) and REFUSED', async () => {
    const nx = await ask('nope.example.test', 'A');
    expect([nx.rcode, nx.message.flag_aa, owners(nx.message.authorities)]).toEqual(['NXDOMAIN', true, ['example.test SOA']]);
    const nodata = await ask('good.example.test', 'MX');
    expect([nodata.rcode, owners(nodata.message.answers), owners(nodata.message.authorities)]).toEqual(['NOERROR', [], ['example.test SOA']]);
    expect((await ask('ent.example.test', 'A')).rcode).toBe('NOERROR');
    expect((await ask('www.other.test', 'A')).rcode).toBe('REFUSED');
    expect((await ask('www.refused.test', 'A')).rcode).toBe('REFUSED');
  });

  it('truncates over UDP beyond the EDNS size and answers in full over TCP', async () => {
    const log: ExchangeRequest['log'] = [];
    const { message, transport } = await ask('huge.example.test', 'TXT', { log });
    expect([transport, message.answers?.length]).toEqual(['tcp', 8]);
    expect(log.map((q) => [q.transport, q.truncated])).toEqual([['udp', true], ['tcp', false]]);
    expect(Buffer.from(log[0]?.response ?? '', 'base64').length).toBeLessThanOrEqual(512);
  });

  it('keeps to 512 bytes for a query without EDNS', async () => {
    const reply = await udpRaw(dnsPacket.encode({ type: 'query', id: 7, questions: [{ name: 'wide.example.test', type: 'A' }] }));
    const msg = dnsPacket.decode(reply);
    expect([msg.flag_tc, msg.answers?.length, msg.additionals?.length]).toEqual([true, 0, 0]);
    const small = dnsPacket.decode(await udpRaw(dnsPacket.encode({ type: 'query', id: 8, questions: [{ name: 'good.example.test', type: 'A' }] })));
    expect([small.flag_tc, small.answers?.length]).toEqual([false, 1]);
  });

  it('serves several framed queries on one TCP connection, split across writes', async () => {
    const frames = [1, 2, 3].map((id) => dnsPacket.streamEncode({ type: 'query', id, questions: [{ name: 'good.example.test', type: 'A' }] }));
    const all = Buffer.concat(frames);
    const replies = await tcpRaw([all.subarray(0, 5), all.subarray(5, 40), all.subarray(40)], 3);
    expect(replies.map((r) => [r.id, r.answers?.length])).toEqual([[1, 1], [2, 1], [3, 1]]);
  });

  it('ignores garbage and responses, and answers the next query', async () => {
    const before = server.stats.queries;
    await expect(udpRaw(Buffer.from('not dns at all'), 200)).rejects.toThrow('no reply');
    const response = dnsPacket.encode({ type: 'response', id: 9, questions: [{ name: 'good.example.test', type: 'A' }] });
    await expect(udpRaw(response, 200)).rejects.toThrow('no reply');
    expect((await ask('good.example.test', 'A')).rcode).toBe('NOERROR');
    expect(server.stats.queries - before).toBe(1);
  });
});

function udpRaw(query: Buffer, waitMs = 1000): Promise<Buffer> {
  const socket = dgram.createSocket('udp4');
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reply')), waitMs);
    socket.on('message', (msg) => {
      clearTimeout(timer);
      resolve(msg);
    });
    socket.send(query, server.port, server.address);
  }).finally(() => socket.close());
}

function tcpRaw(chunks: Buffer[], expected: number): Promise<dnsPacket.Packet[]> {
  const socket = net.connect(server.port, server.address);
  return new Promise<dnsPacket.Packet[]>((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const out: dnsPacket.Packet[] = [];
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        out.push(dnsPacket.decode(buf.subarray(2, 2 + buf.readUInt16BE(0))));
        buf = buf.subarray(2 + buf.readUInt16BE(0));
      }
      if (out.length === expected) resolve(out);
    });
    socket.on('connect', async () => {
      for (const c of chunks) {
        socket.write(c);
        await new Promise((r) => setTimeout(r, 10));
      }
    });
  }).finally(() => socket.destroy());
}
