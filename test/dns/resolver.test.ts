// DnsClient and resolveHost against a loopback DNS tree: . -> test -> example.test and friends.
import dgram from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import dnsPacket from 'dns-packet';
import { Connector, type SocketAddress } from '../../src/engine/connector.js';
import { DnsEvidence, DnsQuery } from '../../src/evidence/dns.js';
import { startDnsServer, type DnsServer } from '../../src/lab/dns-server.js';
import { delegation, soaRecord, type LabZone } from '../../src/lab/zone.js';
import { DnsClient, type DnsClientOptions, type LookupResult } from '../../src/probes/dns/client.js';
import { resolveHost } from '../../src/probes/dns/resolve-host.js';

const IP = {
  root: '127.0.53.1',
  test: '127.0.53.2',
  example: '127.0.53.3',
  broken: '127.0.53.4',
  glueless: '127.0.53.5',
  big: '127.0.53.6',
  slow: '127.0.53.7',
  upward: '127.0.53.8',
  lame: '127.0.53.99',
};

const rootZone: LabZone = {
  origin: '.',
  records: [soaRecord('.'), ...delegation('.', [{ name: 'a.root-servers.lab', address: IP.root }]), ...delegation('test', [{ name: 'ns1.test', address: IP.test }])],
};

const zones: Record<Exclude<keyof typeof IP, 'lame'>, LabZone> = {
  root: rootZone,
  test: {
    origin: 'test',
    records: [
      soaRecord('test'),
      ...delegation('test', [{ name: 'ns1.test', address: IP.test }]),
      ...delegation('example.test', [{ name: 'ns1.example.test', address: IP.example }]),
      { name: 'example.test', type: 'DS', data: { keyTag: 4242, algorithm: 13, digestType: 2, digest: Buffer.alloc(32, 7) } },
      ...delegation('broken.test', [{ name: 'ns1.broken.test', address: IP.broken }]),
      ...delegation('glueless.test', [{ name: 'ns.glueless-dns.example.test' }]),
      ...delegation('big.test', [{ name: 'ns1.big.test', address: IP.big }]),
      ...delegation('slow.test', [{ name: 'ns1.slow.test', address: IP.slow }]),
      ...delegation('upward.test', [{ name: 'ns1.upward.test', address: IP.upward }]),
      ...delegation('lame.test', [{ name: 'ns1.lame.test', address: IP.lame }]),
    ],
  },
  example: {
    origin: 'example.test',
    records: [
      soaRecord('example.test'),
      ...delegation('example.test', [{ name: 'ns1.example.test', address: IP.example }]),
      { name: 'example.test', type: 'A', data: '127.0.1.1' },
      { name: 'good.example.test', type: 'A', ttl: 120, data: '127.0.1.2' },
      { name: 'good.example.test', type: 'AAAA', data: 'fd00::2' },
      { name: 'www.example.test', type: 'CNAME', data: 'alias.example.test' },
      { name: 'alias.example.test', type: 'CNAME', data: 'good.example.test' },
      { name: 'loop1.example.test', type: 'CNAME', data: 'loop2.example.test' },
      { name: 'loop2.example.test', type: 'CNAME', data: 'loop1.example.test' },
      { name: 'ext.example.test', type: 'CNAME', data: 'www.glueless.test' },
      { name: 'ns.glueless-dns.example.test', type: 'A', data: IP.glueless },
      ...Array.from({ length: 8 }, (_, i) => ({ name: 'txt-big.example.test', type: 'TXT', data: [`${i}${'x'.repeat(200)}`] })),
    ],
  },
  broken: { origin: 'broken.test', records: [soaRecord('broken.test')], behaviour: 'servfail' },
  glueless: {
    origin: 'glueless.test',
    records: [soaRecord('glueless.test'), ...delegation('glueless.test', [{ name: 'ns.glueless-dns.example.test' }]), { name: 'www.glueless.test', type: 'A', data: '127.0.2.1' }],
  },
  big: {
    origin: 'big.test',
    behaviour: 'truncate-udp',
    records: [soaRecord('big.test'), ...Array.from({ length: 40 }, (_, i) => ({ name: 'many.big.test', type: 'A', data: `127.0.3.${i + 1}` }))],
  },
  slow: { origin: 'slow.test', records: [soaRecord('slow.test')], behaviour: 'drop' },
  // Answers for upward.test with a referral back to 'test': a referral that does not move closer.
  upward: rootZone,
};

const servers: DnsServer[] = [];
const portMap = new Map<string, SocketAddress>();
const ROOT_HINTS = [{ address: IP.root, port: 53 }];

beforeAll(async () => {
  for (const [key, zone] of Object.entries(zones)) {
    const server = await startDnsServer({ zones: [zone] });
    servers.push(server);
    portMap.set(`${IP[key as keyof typeof IP]}:53`, { address: server.address, port: server.port });
  }
  const probe = dgram.createSocket('udp4');
  await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
  const closedPort = probe.address().port;
  await new Promise<void>((r) => probe.close(() => r()));
  portMap.set(`${IP.lame}:53`, { address: '127.0.0.1', port: closedPort });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function client(opts: Partial<DnsClientOptions> = {}): DnsClient {
  const connector = new Connector({ maxConnections: 3, timeoutMs: 2000, portMap });
  return new DnsClient({ connector, mode: { kind: 'iterative', rootHints: ROOT_HINTS }, timeoutMs: 300, ...opts });
}

const data = (r: LookupResult, type: string): unknown[] => r.answers.filter((a) => a.type === type).map((a) => (a as { data: unknown }).data);

describe('DnsClient, iterative', () => {
  it('follows referrals from the root to an A record', async () => {
    const c = client();
    const r = await c.lookup('Good.Example.Test.', 'A');
    expect(r).toMatchObject({ rcode: 'NOERROR', server: `${IP.example}:53` });
    expect(data(r, 'A')).toEqual(['127.0.1.2']);
    expect(c.queries.map((q) => q.server)).toEqual([`${IP.root}:53`, `${IP.test}:53`, `${IP.example}:53`]);
    expect(c.queries.every((q) => q.name === 'good.example.test' && q.type === 'A' && q.transport === 'udp')).toBe(true);
  });

  it('caches zone cuts, so a second name in the zone costs one query', async () => {
    const c = client();
    await c.lookup('good.example.test', 'A');
    const before = c.queries.length;
    const r = await c.lookup('example.test', 'A');
    expect(data(r, 'A')).toEqual(['127.0.1.1']);
    expect(c.queries.length - before).toBe(1);
  });

  it('asks the parent for DS even when the child zone cut is cached', async () => {
    const c = client();
    await c.lookup('good.example.test', 'A');
    const r = await c.lookup('example.test', 'DS');
    expect([r.server, r.answers.map((a) => a.type)]).toEqual([`${IP.test}:53`, ['DS']]);
  });

  it('reports NXDOMAIN with the SOA and NODATA as NOERROR without answers', async () => {
    const c = client();
    const nx = await c.lookup('nope.example.test', 'A');
    expect(nx.rcode).toBe('NXDOMAIN');
    expect(nx.authorities.map((a) => a.type)).toEqual(['SOA']);
    const nodata = await c.lookup('example.test', 'MX');
    expect(nodata).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(nodata.error).toBeUndefined();
  });

  it('gives SERVFAIL with ENCSCAN_DNS_SERVFAIL when the zone only answers SERVFAIL', async () => {
    const r = await client().lookup('www.broken.test', 'A');
    expect(r).toMatchObject({ rcode: 'SERVFAIL', error: 'ENCSCAN_DNS_SERVFAIL', wire: null, server: null });
  });

  it('gives ENCSCAN_DNS_LAME quickly for a delegation to a dead address', async () => {
    const c = client({ timeoutMs: 1000 });
    const t0 = performance.now();
    const r = await c.lookup('www.lame.test', 'A');
    expect(r).toMatchObject({ rcode: 'SERVFAIL', error: 'ENCSCAN_DNS_LAME' });
    expect(performance.now() - t0).toBeLessThan(900);
    expect(c.queries.at(-1)).toMatchObject({ server: `${IP.lame}:53`, error: 'ENCSCAN_CONNECT_REFUSED' });
  });

  it('gives ENCSCAN_DNS_TIMEOUT after one retry when the server never answers', async () => {
    const c = client({ timeoutMs: 200 });
    const t0 = performance.now();
    const r = await c.lookup('www.slow.test', 'A');
    expect(r).toMatchObject({ rcode: 'SERVFAIL', error: 'ENCSCAN_DNS_TIMEOUT' });
    expect(performance.now() - t0).toBeLessThan(1500);
    const slow = c.queries.filter((q) => q.server === `${IP.slow}:53`);
    expect(slow.map((q) => q.error)).toEqual(['ENCSCAN_DNS_TIMEOUT', 'ENCSCAN_DNS_TIMEOUT']);
  });

  it('resolves a glueless name server itself', async () => {
    const c = client();
    const r = await c.lookup('www.glueless.test', 'A');
    expect(data(r, 'A')).toEqual(['127.0.2.1']);
    expect(c.queries.some((q) => q.name === 'ns.glueless-dns.example.test' && q.type === 'A')).toBe(true);
    expect(c.queries.at(-1)?.server).toBe(`${IP.glueless}:53`);
  });

  it('retries over TCP when the UDP answer is truncated', async () => {
    const c = client();
    const r = await c.lookup('many.big.test', 'A');
    expect(data(r, 'A')).toHaveLength(40);
    expect(c.queries.slice(-2)).toMatchObject([
      { server: `${IP.big}:53`, transport: 'udp', truncated: true },
      { server: `${IP.big}:53`, transport: 'tcp', truncated: false, rcode: 'NOERROR' },
    ]);
    const txt = await c.lookup('txt-big.example.test', 'TXT');
    expect(txt.answers).toHaveLength(8);
    expect(c.queries.at(-1)?.transport).toBe('tcp');
  });

  it('calls a referral that does not move closer a loop', async () => {
    const r = await client().lookup('www.upward.test', 'A');
    expect(r).toMatchObject({ rcode: 'SERVFAIL', error: 'ENCSCAN_DNS_LOOP' });
  });

  it('stops promptly when the signal aborts', async () => {
    const ctl = new AbortController();
    const c = client({ timeoutMs: 5000, signal: ctl.signal });
    const t0 = performance.now();
    setTimeout(() => ctl.abort(), 100);
    await expect(c.lookup('www.slow.test', 'A')).rejects.toMatchObject({ code: 'ENCSCAN_ABORTED' });
    expect(performance.now() - t0).toBeLessThan(1000);
    await expect(c.lookup('good.example.test', 'A')).rejects.toMatchObject({ code: 'ENCSCAN_ABORTED' });
  });

  it('rejects names that are not domain names', async () => {
    await expect(client().lookup('a..b', 'A')).rejects.toMatchObject({ code: 'ENCSCAN_BAD_TARGET' });
  });

  it('logs every exchange with its raw response', async () => {
    const c = client();
    await c.lookup('www.example.test', 'A');
    await c.lookup('www.lame.test', 'A');
    for (const q of c.queries) {
      expect(Value.Check(DnsQuery, q)).toBe(true);
      if (q.error !== undefined) continue;
      const decoded = dnsPacket.decode(Buffer.from(q.response ?? '', 'base64'));
      expect(decoded.questions?.[0]?.name).toBe(q.name);
    }
    expect(c.queries.filter((q) => q.error === undefined).every((q) => q.response !== undefined)).toBe(true);
  });
});

describe('DnsClient, stub', () => {
  const stub = (servers: string[], opts: Partial<DnsClientOptions> = {}): DnsClient =>
    client({ mode: { kind: 'stub', servers: servers.map((address) => ({ address, port: 53 })) }, ...opts });

  it('asks the configured server directly with RD set', async () => {
    const c = stub([IP.example]);
    const r = await c.lookup('good.example.test', 'AAAA');
    expect(data(r, 'AAAA')).toEqual(['fd00::2']);
    expect(c.queries).toHaveLength(1);
    const header = Buffer.from(c.queries[0]?.response ?? '', 'base64').readUInt16BE(2);
    expect(header & dnsPacket.RECURSION_DESIRED).not.toBe(0);
  });

  it('moves on to the next server when one is dead or refuses', async () => {
    const c = stub([IP.lame, IP.broken, IP.example]);
    const r = await c.lookup('good.example.test', 'A');
    expect(r.server).toBe(`${IP.example}:53`);
    expect(c.queries.map((q) => q.error ?? q.rcode)).toEqual(['ENCSCAN_CONNECT_REFUSED', 'REFUSED', 'NOERROR']);
    const refused = await stub([IP.example]).lookup('www.other', 'A');
    expect(refused).toMatchObject({ rcode: 'SERVFAIL', error: 'ENCSCAN_DNS_LAME' });
  });

  it('uses TCP only when asked', async () => {
    const c = stub([IP.example], { tcpOnly: true });
    await c.lookup('good.example.test', 'A');
    expect(c.queries.map((q) => q.transport)).toEqual(['tcp']);
  });

  it('stops after 200 queries per client', async () => {
    const c = stub([IP.example]);
    for (let i = 0; i < 200; i++) await c.lookup('example.test', 'A');
    expect(await c.lookup('example.test', 'A')).toMatchObject({ rcode: 'SERVFAIL', error: 'ENCSCAN_BUDGET_EXHAUSTED' });
    expect(c.queries).toHaveLength(200);
  });
});

describe('resolveHost', () => {
  it('follows a CNAME chain to A and AAAA records', async () => {
    const ev = await resolveHost(client(), 'www.example.test');
    expect(Value.Check(DnsEvidence, ev)).toBe(true);
    expect(ev).toMatchObject({ mode: 'iterative', name: 'www.example.test', rcode: { A: 'NOERROR', AAAA: 'NOERROR' } });
    expect(ev.cnames).toEqual([
      { name: 'www.example.test', target: 'alias.example.test' },
      { name: 'alias.example.test', target: 'good.example.test' },
    ]);
    expect(ev.addresses).toEqual([
      { address: '127.0.1.2', family: 4, ttl: 120 },
      { address: 'fd00::2', family: 6, ttl: 300 },
    ]);
    expect(ev.queries.length).toBeGreaterThan(0);
  });

  it('asks again for a CNAME target in another zone', async () => {
    const ev = await resolveHost(client(), 'ext.example.test');
    expect(ev.cnames).toEqual([{ name: 'ext.example.test', target: 'www.glueless.test' }]);
    expect(ev.addresses).toEqual([{ address: '127.0.2.1', family: 4, ttl: 300 }]);
    expect(ev.rcode).toEqual({ A: 'NOERROR', AAAA: 'NOERROR' });
  });

  it.each([
    ['loop1.example.test', 'ENCSCAN_DNS_LOOP'],
    ['nope.example.test', 'NXDOMAIN'],
    ['www.broken.test', 'SERVFAIL'],
    ['www.lame.test', 'ENCSCAN_DNS_LAME'],
  ])('%s gives %s for both types', async (name, outcome) => {
    const ev = await resolveHost(client(), name);
    expect(ev.rcode).toEqual({ A: outcome, AAAA: outcome });
    expect(ev.addresses).toEqual([]);
    expect(Value.Check(DnsEvidence, ev)).toBe(true);
  });

  it('reports stub mode', async () => {
    const ev = await resolveHost(client({ mode: { kind: 'stub', servers: [{ address: IP.example, port: 53 }] } }), 'good.example.test');
    expect(ev.mode).toBe('stub');
    expect(ev.addresses.map((a) => a.address)).toEqual(['127.0.1.2', 'fd00::2']);
  });
});
