// The HTTPS record end to end: question encoding through encscan's DNS client against the lab server,
// then probeHttpsRr's decoding, DNSSEC stamping, alias following and port check on canned RRsets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSvcb } from '../../src/dns/svcb.js';
import { Connector, type SocketAddress } from '../../src/engine/connector.js';
import { startDnsServer, type DnsServer } from '../../src/lab/dns-server.js';
import { soaRecord } from '../../src/lab/zone.js';
import { DnsClient } from '../../src/probes/dns/client.js';
import type { ValidatedRrset } from '../../src/probes/dns/dnssec-probe.js';
import { httpsRrName } from '../../src/http/https-rr-service.js';
import { MAX_ALIAS_HOPS, probeHttpsRr } from '../../src/probes/http/https-rr.js';

const NS = '127.0.53.30';
const GOOD = encodeSvcb({ priority: 1, target: '.', params: { alpn: ['h2', 'h3'], port: 8443, ech: 'AEX+DQBB' } });
const OUT_OF_ORDER = Uint8Array.from([0, 1, 0, 0, 3, 0, 2, 0x01, 0xbb, 0, 1, 0, 3, 2, 0x68, 0x32]);
let server: DnsServer;
const portMap = new Map<string, SocketAddress>();

beforeAll(async () => {
  server = await startDnsServer({
    zones: [{ origin: 'svc.test', records: [soaRecord('svc.test'), { name: 'www.svc.test', type: 'A', data: '127.0.1.60' }, { name: 'www.svc.test', type: 'HTTPS', data: null, rdata: GOOD }] }],
  });
  portMap.set(`${NS}:53`, { address: server.address, port: server.port });
});

afterAll(async () => {
  await server.close();
});

describe('HTTPS questions through the DNS client', () => {
  it('asks type 65 and hands back the RDATA raw, logging the type by name', async () => {
    const client = new DnsClient({ connector: new Connector({ maxConnections: 3, timeoutMs: 2000, portMap }), mode: { kind: 'stub', servers: [{ address: NS, port: 53 }] }, timeoutMs: 2000 });
    const got = await client.lookup('www.svc.test', 'HTTPS');
    expect(got.rcode).toBe('NOERROR');
    expect(got.answers.map((a) => [a.type, Buffer.from((a as { data: Buffer }).data).toString('hex')])).toEqual([['UNKNOWN_65', Buffer.from(GOOD).toString('hex')]]);
    expect(client.queries.map((q) => [q.name, q.type])).toEqual([['www.svc.test', 'HTTPS']]);
    const none = await client.lookup('www.svc.test', 'SVCB');
    expect([none.rcode, none.answers.length]).toEqual(['NOERROR', 0]);
  });
});

describe('probeHttpsRr', () => {
  const lookup = (answer: ValidatedRrset) => {
    const asked: Array<[string, number]> = [];
    return { asked, fn: async (name: string, type: number) => (asked.push([name, type]), answer) };
  };
  const base = { host: 'www.svc.test', port: 443, addresses: ['127.0.1.60'] };

  it('decodes the RRset, keeps a malformed record with its reason, and checks a moved port once', async () => {
    const l = lookup({ status: 'secure', reason: 'ok', rdatas: [GOOD, OUT_OF_ORDER, GOOD.slice()] });
    const ports: number[] = [];
    const got = await probeHttpsRr({ ...base, lookup: l.fn, answers: async (p) => (ports.push(p), false) });
    expect(l.asked).toEqual([['www.svc.test.', 65]]);
    expect(ports).toEqual([8443]);
    expect(got.dnssec).toBe('secure');
    expect(got.alias).toBeUndefined();
    expect(got.records[0]).toEqual({
      name: 'www.svc.test.',
      dnssec: 'secure',
      rdata: Buffer.from(GOOD).toString('hex'),
      priority: 1,
      target: '.',
      params: { alpn: ['h2', 'h3'], port: 8443, ech: 'AEX+DQBB' },
      problems: [],
      portAnswers: false,
    });
    expect(got.records[1]).toMatchObject({ priority: null, target: null, params: null, malformed: expect.stringContaining('strictly increase') });
    expect(got.records[2]!.portAnswers).toBe(false);
  });

  it('asks _<port>._https.<host> for another port, and finds nothing there without error', async () => {
    const l = lookup({ status: 'insecure', reason: 'no-ds', rdatas: [] });
    expect(await probeHttpsRr({ ...base, port: 8443, lookup: l.fn, answers: async () => true })).toEqual({ records: [], dnssec: 'insecure' });
    expect(l.asked).toEqual([['_8443._https.www.svc.test.', 65]]);
    expect(httpsRrName('a.test', 443)).toBe('a.test');
  });

  it('treats an undecided lookup without records as a failure, not as "no record"', async () => {
    const l = lookup({ status: 'indeterminate', reason: 'timeout', message: 'no answer', rdatas: [] });
    await expect(probeHttpsRr({ ...base, lookup: l.fn, answers: async () => true })).rejects.toMatchObject({ code: 'ENCSCAN_DNS_SERVFAIL' });
  });

  it('keeps a bogus denial as bogus and follows no alias from a bogus answer', async () => {
    const denial = lookup({ status: 'bogus', reason: 'SIGNATURE_INVALID', rdatas: [] });
    expect(await probeHttpsRr({ ...base, lookup: denial.fn, answers: async () => true })).toEqual({ records: [], dnssec: 'bogus' });
    const answer = lookup({ status: 'bogus', reason: 'SIGNATURE_INVALID', rdatas: [alias('cdn.svc.test.')] });
    expect((await probeHttpsRr({ ...base, lookup: answer.fn, answers: async () => true })).alias).toBeUndefined();
    expect(answer.asked).toHaveLength(1);
  });
});

const alias = (target: string): Uint8Array => encodeSvcb({ priority: 0, target, params: {} });
const A = (address: string): Uint8Array => Uint8Array.from(address.split('.').map(Number));

/** A canned zone: per name, its HTTPS RDATAs (or a status) and its A records. */
function zone(names: Record<string, { https?: Uint8Array[]; a?: string[]; status?: ValidatedRrset['status'] }>) {
  const asked: string[] = [];
  const fn = async (name: string, type: number): Promise<ValidatedRrset> => {
    asked.push(`${name} ${type}`);
    const at = names[name.toLowerCase()] ?? {};
    const rdatas = type === 65 ? (at.https ?? []) : type === 1 ? (at.a ?? []).map(A) : [];
    return { status: at.status ?? 'secure', reason: 'ok', rdatas };
  };
  return { asked, fn };
}

describe('probeHttpsRr following AliasMode (RFC 9460 §3)', () => {
  const opts = { host: 'www.svc.test', port: 443, addresses: ['127.0.1.60'] };

  it('follows the chain to ServiceMode records, reads the target\'s addresses, and tries a moved port on the same servers', async () => {
    const z = zone({
      'www.svc.test.': { https: [alias('mid.svc.test.')] },
      'mid.svc.test.': { https: [alias('cdn.svc.test.')] },
      'cdn.svc.test.': { https: [encodeSvcb({ priority: 1, target: '.', params: { alpn: ['h2'], port: 8443 } })], a: ['127.0.1.60'] },
    });
    const ports: number[] = [];
    const got = await probeHttpsRr({ ...opts, lookup: z.fn, answers: async (p) => (ports.push(p), true) });
    expect(got.alias).toMatchObject({ end: 'service', addresses: ['127.0.1.60'], hops: [{ name: 'mid.svc.test.' }, { name: 'cdn.svc.test.', dnssec: 'secure' }] });
    expect(got.alias!.hops[1]!.records[0]).toMatchObject({ name: 'cdn.svc.test.', priority: 1, portAnswers: true });
    expect(ports).toEqual([8443]);
    expect(z.asked).toEqual(['www.svc.test. 65', 'mid.svc.test. 65', 'cdn.svc.test. 65', 'cdn.svc.test. 1', 'cdn.svc.test. 28']);
  });

  it('does not try ports on an alias target served elsewhere', async () => {
    const z = zone({
      'www.svc.test.': { https: [alias('cdn.svc.test.')] },
      'cdn.svc.test.': { https: [encodeSvcb({ priority: 1, target: '.', params: { port: 8443 } })], a: ['192.0.2.7'] },
    });
    const got = await probeHttpsRr({ ...opts, lookup: z.fn, answers: async () => true });
    expect(got.alias!.hops[0]!.records[0]!.portAnswers).toBeUndefined();
  });

  it.each([
    ['a loop back to the origin', { 'www.svc.test.': { https: [alias('b.svc.test.')] }, 'b.svc.test.': { https: [alias('WWW.svc.test.')] } }, 'loop', 1],
    ['an alias to "."', { 'www.svc.test.': { https: [alias('.')] } }, 'unavailable', 0],
    ['a target without records', { 'www.svc.test.': { https: [alias('b.svc.test.')] } }, 'no-records', 1],
    ['a bogus target', { 'www.svc.test.': { https: [alias('b.svc.test.')] }, 'b.svc.test.': { status: 'bogus' as const } }, 'bogus', 1],
    [
      'a chain past the limit',
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i === 0 ? 'www.svc.test.' : `a${i}.svc.test.`, { https: [alias(`a${i + 1}.svc.test.`)] }])),
      'too-long',
      MAX_ALIAS_HOPS,
    ],
  ])('stops at %s', async (_label, names, end, hops) => {
    const got = await probeHttpsRr({ ...opts, lookup: zone(names).fn, answers: async () => true });
    expect(got.alias).toMatchObject({ end });
    expect(got.alias!.hops).toHaveLength(hops);
    expect(got.alias!.addresses).toBeUndefined();
  });
});
