// Per-server diagnosis over the signed lab tree: what each authoritative server of each zone answered.
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { DnssecServer } from '../../src/evidence/dnssec.js';
import { DIAGNOSIS_NS } from '../../src/lab/lab-dns-diagnosis.js';
import { LAB_NS } from '../../src/lab/lab-zones.js';
import { DnsClient } from '../../src/probes/dns/client.js';
import { probeDnssec } from '../../src/probes/dns/dnssec-probe.js';
import { diagnoseServers } from '../../src/probes/dns/server-diagnosis.js';
import { useDnsLab } from '../support/dns-lab.js';

const NOW = new Date();
const DAY = 86_400_000;
const ROOT = [{ address: LAB_NS.root, port: 53 }];
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => !Number.isNaN(Date.parse(v)));

const dnsLab = useDnsLab(NOW);

async function diagnose(host: string) {
  const client = new DnsClient({ connector: dnsLab.connector, mode: { kind: 'iterative', rootHints: ROOT }, timeoutMs: 1000, retries: 0 });
  const ev = await probeDnssec(client, host, { anchors: dnsLab.anchors, anchor: 'configured', now: NOW });
  const servers = await diagnoseServers(client, ev.chain.map((z) => z.zone), { connector: dnsLab.connector, timeoutMs: 1000, now: NOW, rootServers: ROOT });
  return { ev, servers };
}

const byAddress = (servers: DnssecServer[], address: string): DnssecServer => servers.find((s) => s.address === `${address}:53`)!;

describe('per-server diagnosis over the lab', () => {
  it('asks every server of root, test. and example.test. over UDP and TCP, and the DS of each child at its parent', async () => {
    const { ev, servers } = await diagnose('good.example.test');
    expect(ev.status).toBe('secure');
    expect(servers.map((s) => [s.zone, s.address, s.udp, s.tcp, s.authoritative, s.edns, s.rrsigs])).toEqual([
      ['.', `${LAB_NS.root}:53`, 'NOERROR', 'NOERROR', true, true, true],
      ['test.', `${LAB_NS.test}:53`, 'NOERROR', 'NOERROR', true, true, true],
      ['example.test.', `${LAB_NS.example}:53`, 'NOERROR', 'NOERROR', true, true, true],
    ]);
    for (const s of servers) {
      expect(Value.Check(DnssecServer, s)).toBe(true);
      expect(s).toMatchObject({ nxdomain: 'NXDOMAIN', serial: 2024010101, cds: [], cdnskey: [] });
      // Signed zones prove the random name's absence with NSEC or NSEC3; NSEC3 comes with its parameters.
      expect(['nsec', 'nsec3']).toContain(s.denial);
      expect(s.nsec3 !== undefined).toBe(s.denial === 'nsec3');
      expect(s.queries).toBeGreaterThanOrEqual(6);
    }
    // The DS each parent server hands out is the one the validated chain used.
    expect(servers[0]!.childDs).toEqual({ zone: 'test.', rcode: 'NOERROR', ds: ev.chain[1]!.ds });
    expect(servers[1]!.childDs).toEqual({ zone: 'example.test.', rcode: 'NOERROR', ds: ev.chain[2]!.ds });
    expect(servers[2]!.childDs).toBeUndefined();
    expect(servers[2]!.dnskeys.sort()).toEqual(ev.chain[2]!.dnskeys.map((k) => k.keyTag).sort());
    // Lab signatures run from a day ago to 30 days ahead.
    expect(Math.round((Date.parse(servers[2]!.expires!) - NOW.getTime()) / DAY)).toBe(30);
    expect(Math.round((NOW.getTime() - Date.parse(servers[2]!.soaSigned!)) / DAY)).toBe(1);
  });

  it('finds the secondary of stale.test. through the NS RRset, with its older serial and signatures', async () => {
    const { ev, servers } = await diagnose('www.stale.test');
    expect(ev.status).toBe('secure');
    const primary = byAddress(servers, DIAGNOSIS_NS.stale);
    const secondary = byAddress(servers, DIAGNOSIS_NS.staleSecondary);
    expect(secondary.names).toEqual(['ns2.stale.test']);
    expect([primary.serial, secondary.serial]).toEqual([2024010101, 2023120101]);
    expect(Date.parse(secondary.soaSigned!)).toBeLessThan(Date.parse(primary.soaSigned!) - 10 * DAY);
    expect(secondary.dnskeys).toEqual(primary.dnskeys);
  });

  it('records the REFUSED answers of the lame secondary of lame.test.', async () => {
    const { ev, servers } = await diagnose('www.lame.test');
    expect(ev.status).toBe('secure');
    expect(byAddress(servers, DIAGNOSIS_NS.lameSecondary)).toMatchObject({ udp: 'REFUSED', tcp: 'REFUSED', authoritative: false, serial: null });
    expect(byAddress(servers, DIAGNOSIS_NS.lame)).toMatchObject({ udp: 'NOERROR', authoritative: true });
  });

  it('sees signatures of expiring.test. that end in 3 days', async () => {
    const { servers } = await diagnose('www.expiring.test');
    const s = byAddress(servers, DIAGNOSIS_NS.expiring);
    expect(Math.round((Date.parse(s.expires!) - NOW.getTime()) / DAY)).toBe(3);
  });

  it('reads the CDS of cds-mismatch.test. and the DS its parent serves', async () => {
    const { ev, servers } = await diagnose('www.cds-mismatch.test');
    const s = byAddress(servers, DIAGNOSIS_NS.cds);
    expect(s.cds).toHaveLength(1);
    expect(s.dnskeys).toContain(s.cds[0]!.keyTag);
    const ds = byAddress(servers, LAB_NS.test).childDs!;
    expect(ds.zone).toBe('cds-mismatch.test.');
    expect(ds.ds.map((d) => d.keyTag)).not.toContain(s.cds[0]!.keyTag);
    expect(ev.status).toBe('secure');
  });

  it('with --dns-tcp, walks and diagnoses over TCP only', async () => {
    const client = new DnsClient({ connector: dnsLab.connector, mode: { kind: 'iterative', rootHints: ROOT, tcpOnly: true }, timeoutMs: 1000, retries: 0 });
    const ev = await probeDnssec(client, 'www.stale.test', { anchors: dnsLab.anchors, anchor: 'configured', now: NOW });
    expect(ev.status).toBe('secure');
    expect(new Set(client.queries.map((q) => q.transport))).toEqual(new Set(['tcp']));
    const servers = await diagnoseServers(client, ev.chain.map((z) => z.zone), { connector: dnsLab.connector, timeoutMs: 1000, now: NOW, rootServers: ROOT, tcpOnly: true });
    expect(servers.map((s) => [s.udp, s.tcp])).toEqual(servers.map(() => ['not asked', 'NOERROR']));
    expect(byAddress(servers, DIAGNOSIS_NS.staleSecondary).serial).toBe(2023120101);
  });

  it('reports a server that never answers as timed out on both transports', async () => {
    const silent = new Connector({ portMap: new Map([['127.0.53.49:53', { address: '127.0.0.1', port: 9 }]]), maxConnections: 4, timeoutMs: 300 });
    const client = new DnsClient({ connector: silent, mode: { kind: 'iterative', rootHints: [{ address: '127.0.53.49', port: 53 }] }, timeoutMs: 300, retries: 0 });
    const [s] = await diagnoseServers(client, ['.'], { connector: silent, timeoutMs: 300, now: NOW, rootServers: [{ address: '127.0.53.49', port: 53 }] });
    expect(s!.udp).toMatch(/^ENCSCAN_/);
    expect(s!.tcp).toMatch(/^ENCSCAN_/);
    expect(s!.serial).toBeNull();
  });
});
