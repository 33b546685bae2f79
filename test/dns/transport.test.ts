// One exchange with one server: what goes on the wire, what is ignored, what is logged.
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import dnsPacket from 'dns-packet';
import { Connector } from '../../src/engine/connector.js';
import type { DnsQuery } from '../../src/evidence/dns.js';
import { EDNS_UDP_PAYLOAD, exchange, matchResponse, rcodeName, type ExchangeRequest } from '../../src/probes/dns/transport.js';

type Reply = (query: dnsPacket.DecodedPacket, send: (wire: Buffer) => void) => void;

const sockets: dgram.Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

/** A UDP "server" under the test's full control, reachable as 127.0.53.50:53. */
async function rawServer(reply: Reply): Promise<{ connector: Connector; seen: Array<{ query: dnsPacket.DecodedPacket; port: number }> }> {
  const socket = dgram.createSocket('udp4');
  sockets.push(socket);
  const seen: Array<{ query: dnsPacket.DecodedPacket; port: number }> = [];
  socket.on('message', (msg, rinfo) => {
    const query = dnsPacket.decode(msg);
    seen.push({ query, port: rinfo.port });
    reply(query, (wire) => socket.send(wire, rinfo.port, rinfo.address));
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  const portMap = new Map([['127.0.53.50:53', { address: '127.0.0.1', port: socket.address().port }]]);
  return { connector: new Connector({ maxConnections: 3, timeoutMs: 2000, portMap }), seen };
}

function request(log: DnsQuery[], over: Partial<ExchangeRequest> = {}): ExchangeRequest {
  return {
    server: { address: '127.0.53.50', port: 53 },
    name: 'good.example.test',
    type: 'A',
    recursionDesired: true,
    dnssecOk: true,
    checkingDisabled: true,
    tcpOnly: false,
    timeoutMs: 300,
    retries: 1,
    log,
    ...over,
  };
}

function answer(query: dnsPacket.DecodedPacket, over: Partial<dnsPacket.Packet> = {}): Buffer {
  return dnsPacket.encode({
    type: 'response',
    id: query.id,
    flags: dnsPacket.AUTHORITATIVE_ANSWER,
    questions: query.questions,
    answers: [{ name: query.questions?.[0]?.name ?? '.', type: 'A', ttl: 60, data: '127.0.9.9' }],
    ...over,
  });
}

describe('DNS transport', () => {
  it('sends RD, CD, DO and EDNS 1232 with a fresh id and source port per query', async () => {
    const { connector, seen } = await rawServer((q, send) => send(answer(q)));
    const log: DnsQuery[] = [];
    await exchange(connector, request(log));
    await exchange(connector, request(log, { name: 'Good.Example.Test.' }));
    expect(log.map((q) => q.name)).toEqual(['good.example.test', 'good.example.test']);
    const [a, b] = seen;
    const opt = a?.query.additionals?.find((x) => x.type === 'OPT') as dnsPacket.OptAnswer | undefined;
    expect([a?.query.flag_rd, a?.query.flag_cd, opt?.flag_do, opt?.udpPayloadSize]).toEqual([true, true, true, EDNS_UDP_PAYLOAD]);
    expect(a?.query.id).not.toBe(b?.query.id);
    expect(a?.port).not.toBe(b?.port);
  });

  it('ignores a wrong id, garbage, a wrong question and a non-response before the real answer', async () => {
    const { connector } = await rawServer((q, send) => {
      send(answer(q, { id: ((q.id ?? 0) + 1) & 0xffff, answers: [{ name: 'good.example.test', type: 'A', data: '6.6.6.6' }] }));
      send(Buffer.from([0, 0, 1, 2, 3]));
      send(Buffer.concat([answer(q).subarray(0, 12), Buffer.alloc(30, 0xff)]));
      send(answer(q, { questions: [{ name: 'evil.example.test', type: 'A' }] }));
      send(answer(q, { type: 'query' }));
      send(answer(q));
    });
    const log: DnsQuery[] = [];
    const ex = await exchange(connector, request(log));
    expect(ex.message.answers).toMatchObject([{ data: '127.0.9.9' }]);
    expect(log).toHaveLength(1);
    expect(Buffer.from(log[0]?.response ?? '', 'base64').equals(ex.wire)).toBe(true);
    expect(log[0]).toMatchObject({ server: '127.0.53.50:53', name: 'good.example.test', type: 'A', transport: 'udp', rcode: 'NOERROR', truncated: false });
  });

  it('retries once on timeout and logs both attempts', async () => {
    const { connector, seen } = await rawServer(() => undefined);
    const log: DnsQuery[] = [];
    await expect(exchange(connector, request(log, { timeoutMs: 100 }))).rejects.toMatchObject({ code: 'ENCSCAN_DNS_TIMEOUT' });
    expect(log.map((q) => q.error)).toEqual(['ENCSCAN_DNS_TIMEOUT', 'ENCSCAN_DNS_TIMEOUT']);
    expect(seen).toHaveLength(2);
  });

  it('answers a timeout at the slow first try with the retry', async () => {
    let n = 0;
    const { connector } = await rawServer((q, send) => {
      if (n++ > 0) send(answer(q));
    });
    const log: DnsQuery[] = [];
    const ex = await exchange(connector, request(log, { timeoutMs: 150 }));
    expect(ex.rcode).toBe('NOERROR');
    expect(log.map((q) => q.error ?? q.rcode)).toEqual(['ENCSCAN_DNS_TIMEOUT', 'NOERROR']);
  });

  it('refuses an unknown record type before sending anything', async () => {
    const { connector, seen } = await rawServer(() => undefined);
    const log: DnsQuery[] = [];
    await expect(exchange(connector, request(log, { type: 'BOGUS' }))).rejects.toMatchObject({ code: 'ENCSCAN_USAGE' });
    expect([log.length, seen.length]).toEqual([0, 0]);
  });

  it('reads extended rcodes and names unknown ones', () => {
    const q = { id: 1, questions: [{ name: 'x.test', type: 'A' as const }] };
    const badvers = dnsPacket.encode({ ...q, type: 'response', additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 1, flags: 0, options: [] } as unknown as dnsPacket.Answer] });
    const expected = { id: 1, name: 'x.test', type: 'A' };
    const msg = matchResponse(badvers, expected);
    expect(msg && rcodeName(badvers, msg)).toBe('BADVERS');
    const weird = dnsPacket.encode({ ...q, type: 'response', flags: 12 });
    const weirdMsg = matchResponse(weird, expected);
    expect(weirdMsg && rcodeName(weird, weirdMsg)).toBe('RCODE12');
  });
});
