// The HTTPS record end to end: question encoding through encscan's DNS client against the lab server,
// then probeHttpsRr's decoding, DNSSEC stamping and port check on canned RRsets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSvcb } from '../../src/dns/svcb.js';
import { Connector, type SocketAddress } from '../../src/engine/connector.js';
import { startDnsServer, type DnsServer } from '../../src/lab/dns-server.js';
import { soaRecord } from '../../src/lab/zone.js';
import { DnsClient } from '../../src/probes/dns/client.js';
import type { ValidatedRrset } from '../../src/probes/dns/dnssec-probe.js';
import { httpsRrName, probeHttpsRr } from '../../src/probes/http/https-rr.js';

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

  it('decodes the RRset, keeps a malformed record with its reason, and checks a moved port once', async () => {
    const l = lookup({ status: 'secure', reason: 'ok', rdatas: [GOOD, OUT_OF_ORDER, GOOD.slice()] });
    const ports: number[] = [];
    const got = await probeHttpsRr({ host: 'www.svc.test', port: 443, lookup: l.fn, answers: async (p) => (ports.push(p), false) });
    expect(l.asked).toEqual([['www.svc.test', 65]]);
    expect(ports).toEqual([8443]);
    expect(got[0]).toEqual({
      name: 'www.svc.test.',
      dnssec: 'secure',
      rdata: Buffer.from(GOOD).toString('hex'),
      priority: 1,
      target: '.',
      params: { alpn: ['h2', 'h3'], port: 8443, ech: 'AEX+DQBB' },
      problems: [],
      portAnswers: false,
    });
    expect(got[1]).toMatchObject({ priority: null, target: null, params: null, malformed: expect.stringContaining('strictly increase') });
    expect(got[2]!.portAnswers).toBe(false);
  });

  it('asks _<port>._https.<host> for another port, and finds nothing there without error', async () => {
    const l = lookup({ status: 'insecure', reason: 'no-ds', rdatas: [] });
    expect(await probeHttpsRr({ host: 'www.svc.test', port: 8443, lookup: l.fn, answers: async () => true })).toEqual([]);
    expect(l.asked).toEqual([['_8443._https.www.svc.test', 65]]);
    expect(httpsRrName('a.test', 443)).toBe('a.test');
  });

  it('treats an undecided lookup without records as a failure, not as "no record"', async () => {
    const l = lookup({ status: 'indeterminate', reason: 'timeout', message: 'no answer', rdatas: [] });
    await expect(probeHttpsRr({ host: 'www.svc.test', port: 443, lookup: l.fn, answers: async () => true })).rejects.toMatchObject({ code: 'ENCSCAN_DNS_SERVFAIL' });
  });
});
