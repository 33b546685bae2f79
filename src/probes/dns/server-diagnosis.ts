// Per-server diagnosis (the DNSViz view, without the graph): every authoritative server of every zone on
// the chain, at every address of every NS name, asked directly over UDP and TCP for the SOA, the DNSKEY
// RRset, CDS/CDNSKEY, a random name below the zone and the DS of the next zone down. Facts only: which
// server disagrees with which is judged by checks/dnssec/.
import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import type { DnssecServer } from '../../evidence/dnssec.js';
import { endpointKey, type Connector, type SocketAddress } from '../../engine/connector.js';
import { errorCode } from '../../engine/errors.js';
import type { DnsQuery } from '../../evidence/dns.js';
import { parseName } from '../../dnssec/name.js';
import { RR } from '../../dnssec/rr-types.js';
import { type WireMessage, decodeMessage } from '../../dnssec/wire.js';
import type { DnsClient } from './client.js';
import { canonicalName } from './names.js';
import { denialOf, dsOf, keysOf, rrsigsOf, serialToDate, soaSerial } from './server-answers.js';
import { exchange } from './transport.js';

export interface DiagnosisOptions {
  connector: Connector;
  timeoutMs: number;
  now: Date;
  /** The root zone's servers (the root hints of the iterative walk). */
  rootServers: readonly SocketAddress[];
  signal?: AbortSignal;
  /** Servers asked at once (default 4). */
  concurrency?: number;
  /** Addresses asked per zone (default 16); the rest are left out, as DNSViz does with -n. */
  maxServersPerZone?: number;
  /** --dns-tcp: UDP is not asked at all (recorded as 'not asked'). */
  tcpOnly?: boolean;
}

interface Target {
  zone: string;
  child: string | null;
  server: SocketAddress;
  names: string[];
}

type Asked = { ok: true; message: WireMessage; rcode: string; edns: boolean } | { ok: false; code: string };

const AA = 0x0400;

/**
 * Diagnoses the servers of `zones` (absolute names, root first, as on the chain). NS names come from the
 * parent's referrals and the zone's own NS RRset; their addresses from glue and A/AAAA lookups.
 */
export async function diagnoseServers(client: DnsClient, zones: readonly string[], opts: DiagnosisOptions): Promise<DnssecServer[]> {
  const limit = pLimit(opts.concurrency ?? 4);
  const perZone = zones.map((zone, i) => {
    const child = zones[i + 1] ?? null;
    return once(opts.connector, `${zone} ${child ?? ''} ${opts.tcpOnly === true}`, async () => {
      const servers = zone === '.' ? opts.rootServers.map((s) => ({ server: s, names: ['root hints'] })) : await serversOf(client, zone);
      return Promise.all(servers.slice(0, opts.maxServersPerZone ?? 16).map((s) => limit(() => diagnoseServer({ zone, child, ...s }, opts))));
    });
  });
  return (await Promise.all(perZone)).flat();
}

/**
 * The targets of one scan share its Connector and mostly the same zones (the root, the TLDs): each zone is
 * diagnosed once per scan. A failed diagnosis is not kept, so the next target asks again.
 */
const diagnosed = new WeakMap<Connector, Map<string, Promise<DnssecServer[]>>>();

function once(connector: Connector, key: string, make: () => Promise<DnssecServer[]>): Promise<DnssecServer[]> {
  let byZone = diagnosed.get(connector);
  if (!byZone) diagnosed.set(connector, (byZone = new Map()));
  let got = byZone.get(key);
  if (!got) {
    got = make();
    byZone.set(key, got);
    got.catch(() => byZone.delete(key));
  }
  return got;
}

/** Every address of every NS name of the zone, parent side and child side, with the names leading to it. */
async function serversOf(client: DnsClient, zone: string): Promise<Array<{ server: SocketAddress; names: string[] }>> {
  const delegated = client.delegation(zone);
  const apex = await client.lookup(zone, 'NS');
  const names = new Set([...delegated.map((d) => d.name), ...apex.answers.flatMap((a) => (a.type === 'NS' && canonicalName(a.name) === canonicalName(zone) ? [canonicalName(a.data)] : []))]);
  const byAddress = new Map<string, { server: SocketAddress; names: string[] }>();
  const add = (name: string, address: string): void => {
    const server = { address, port: 53 };
    const entry = byAddress.get(endpointKey(address, 53)) ?? { server, names: [] };
    if (!entry.names.includes(name)) entry.names.push(name);
    byAddress.set(endpointKey(address, 53), entry);
  };
  const found = await Promise.all([...names].map(async (name) => ({ name, results: await Promise.all(['A', 'AAAA'].map((type) => client.lookup(name, type))) })));
  for (const { name, results } of found) {
    for (const g of delegated.find((d) => d.name === name)?.glue ?? []) add(name, g.address);
    for (const a of results.flatMap((r) => r.answers)) if ((a.type === 'A' || a.type === 'AAAA') && canonicalName(a.name) === name) add(name, a.data);
  }
  return [...byAddress.values()];
}

async function diagnoseServer(t: Target, opts: DiagnosisOptions): Promise<DnssecServer> {
  const log: DnsQuery[] = [];
  const ask = async (name: string, type: string, tcpOnly: boolean): Promise<Asked> => {
    try {
      const ex = await exchange(opts.connector, {
        server: t.server,
        name,
        type,
        recursionDesired: false,
        dnssecOk: true,
        checkingDisabled: false,
        tcpOnly,
        timeoutMs: opts.timeoutMs,
        retries: 0,
        ...(opts.signal ? { signal: opts.signal } : {}),
        log,
      });
      return { ok: true, message: decodeMessage(ex.wire), rcode: ex.rcode, edns: (ex.message.additionals ?? []).some((a) => a.type === 'OPT') };
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      return { ok: false, code: errorCode(err) };
    }
  };
  const zone = parseName(t.zone);
  const notAsked: Asked = { ok: false, code: 'not asked' };
  // At most two questions at once per server, so the connector's per-server slots (3 by default) stay
  // open for the scan's own lookups.
  const two = pLimit(2);
  const [udp, tcp] = await Promise.all([opts.tcpOnly ? notAsked : ask(t.zone, 'SOA', false), ask(t.zone, 'SOA', true)]);
  const base: DnssecServer = {
    zone: t.zone,
    address: endpointKey(t.server.address, t.server.port),
    names: t.names,
    udp: udp.ok ? udp.rcode : udp.code,
    tcp: tcp.ok ? tcp.rcode : tcp.code,
    authoritative: false,
    edns: false,
    rrsigs: false,
    serial: null,
    dnskeys: [],
    soaSigned: null,
    expires: null,
    nxdomain: 'not asked',
    denial: 'none',
    cds: [],
    cdnskey: [],
    queries: 0,
  };
  const soa = udp.ok ? udp : tcp.ok ? tcp : null;
  if (!soa) return { ...base, queries: log.length };
  const overTcp = soa === tcp;
  const random = `${randomBytes(6).toString('hex')}.${t.zone === '.' ? '' : t.zone}`;
  const [dnskey, nx, cds, cdnskey, ds] = await Promise.all([
    two(() => ask(t.zone, 'DNSKEY', overTcp)),
    two(() => ask(random, 'A', overTcp)),
    two(() => ask(t.zone, 'CDS', overTcp)),
    two(() => ask(t.zone, 'CDNSKEY', overTcp)),
    t.child ? two(() => ask(t.child!, 'DS', overTcp)) : Promise.resolve(null),
  ]);
  const answered = [soa, dnskey, nx, cds, cdnskey, ds].flatMap((a) => (a?.ok ? [a.message] : []));
  const soaSigs = rrsigsOf(soa.message).filter((s) => s.typeCovered === RR.SOA);
  const expirations = answered.flatMap(rrsigsOf).map((s) => serialToDate(s.expiration, opts.now).getTime());
  const inceptions = soaSigs.map((s) => serialToDate(s.inception, opts.now).getTime());
  return {
    ...base,
    authoritative: (soa.message.flags & AA) !== 0,
    edns: soa.edns,
    rrsigs: soaSigs.length > 0,
    serial: soaSerial(soa.message, zone),
    dnskeys: dnskey.ok ? keysOf(dnskey.message, zone).map((k) => k.keyTag) : [],
    soaSigned: inceptions.length > 0 ? new Date(Math.max(...inceptions)).toISOString() : null,
    expires: expirations.length > 0 ? new Date(Math.min(...expirations)).toISOString() : null,
    nxdomain: nx.ok ? nx.rcode : nx.code,
    ...(nx.ok ? denialOf(nx.message) : {}),
    cds: cds.ok ? dsOf(cds.message, zone, RR.CDS) : [],
    cdnskey: cdnskey.ok ? keysOf(cdnskey.message, zone, RR.CDNSKEY) : [],
    ...(t.child && ds ? { childDs: { zone: t.child, ds: ds.ok ? dsOf(ds.message, parseName(t.child)) : [], rcode: ds.ok ? ds.rcode : ds.code } } : {}),
    queries: log.length,
  };
}
