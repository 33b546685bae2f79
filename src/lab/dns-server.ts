// An authoritative DNS server for the loopback lab: UDP and TCP on one port, zones from plain data.
// Lookup follows RFC 1034 §4.3.2 (referrals at zone cuts, CNAME chasing inside the zone, NXDOMAIN/NODATA
// with the SOA); undecodable input is ignored, never fatal. With DO set, a signed zone adds what RFC 4035
// §3.1 asks for: RRSIGs, DS or an NSEC proof of no DS in referrals, and NSEC proofs in negative answers.
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import { canonicalName, isAtOrBelow, labelCount, pathBelow } from '../probes/dns/names.js';
import { typeName, typeNumber } from '../dnssec/rr-types.js';
import { denialRecords } from './zone-denial.js';
import type { LabRecord, LabZone, ZoneBehaviour } from './zone.js';

export interface DnsServerOptions {
  zones: LabZone[];
  host?: string;
  port?: number;
}

export interface DnsServer {
  address: string;
  port: number;
  stats: { queries: number };
  close(): Promise<void>;
}

interface IndexedZone {
  origin: string;
  behaviour: ZoneBehaviour;
  byName: Map<string, LabRecord[]>;
  signed: boolean;
}

type Sections = Pick<dnsPacket.Packet, 'answers' | 'authorities' | 'additionals'>;
interface Resolution extends Sections {
  rcode: number;
  aa: boolean;
}

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
const BIND_ATTEMPTS = 5;
const TCP_IDLE_MS = 10_000;

export async function startDnsServer(opts: DnsServerOptions): Promise<DnsServer> {
  const zones = opts.zones.map(indexZone);
  const stats = { queries: 0 };
  const respond = (wire: Buffer, udp: boolean): Buffer | null => {
    const query = decodeQuery(wire);
    if (!query) return null;
    stats.queries++;
    return answerQuery(zones, query, udp);
  };
  const host = opts.host ?? '127.0.0.1';
  const { udp, tcp, port } = await bindBoth(host, opts.port ?? 0);
  const open = new Set<net.Socket>();

  udp.on('error', () => undefined);
  udp.on('message', (msg, rinfo) => {
    const out = respond(msg, true);
    if (out) udp.send(out, rinfo.port, rinfo.address, () => undefined);
  });
  tcp.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    serveTcp(socket, respond);
  });

  return {
    address: host,
    port,
    stats,
    close: async () => {
      for (const s of open) s.destroy();
      await Promise.all([new Promise<void>((r) => udp.close(() => r())), new Promise<void>((r) => tcp.close(() => r()))]);
    },
  };
}

/** UDP first on `port` (0 picks one), then TCP on the same number; a taken TCP port means a fresh try. */
async function bindBoth(host: string, port: number): Promise<{ udp: dgram.Socket; tcp: net.Server; port: number }> {
  let lastError: unknown;
  for (let i = 0; i < BIND_ATTEMPTS; i++) {
    const udp = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(port, host, () => {
        udp.off('error', reject);
        resolve();
      });
    });
    const actual = udp.address().port;
    const tcp = net.createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(actual, host, () => {
          tcp.off('error', reject);
          resolve();
        });
      });
      return { udp, tcp, port: actual };
    } catch (err) {
      lastError = err;
      udp.close();
      if (port !== 0) break;
    }
  }
  throw lastError;
}

/** RFC 1035 §4.2.2 framing; several queries may share a connection. */
function serveTcp(socket: net.Socket, respond: (wire: Buffer, udp: boolean) => Buffer | null): void {
  let buf = Buffer.alloc(0);
  socket.on('error', () => socket.destroy());
  socket.setTimeout(TCP_IDLE_MS, () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    while (buf.length >= 2) {
      const len = buf.readUInt16BE(0);
      if (buf.length < 2 + len) break;
      const out = respond(buf.subarray(2, 2 + len), false);
      buf = buf.subarray(2 + len);
      if (out) {
        const frame = Buffer.alloc(2);
        frame.writeUInt16BE(out.length);
        socket.write(Buffer.concat([frame, out]));
      }
    }
  });
}

function decodeQuery(wire: Buffer): dnsPacket.DecodedPacket | null {
  try {
    const msg = dnsPacket.decode(wire);
    return msg.flag_qr ? null : msg;
  } catch {
    return null;
  }
}

function answerQuery(zones: IndexedZone[], query: dnsPacket.DecodedPacket, udp: boolean): Buffer | null {
  const opt = query.additionals?.find((a): a is dnsPacket.OptAnswer => a.type === 'OPT');
  const question = query.questions?.[0];
  const opcode = ((query.flags ?? 0) >> 11) & 0xf;
  let res: Resolution;
  let truncate = false;
  if (opcode !== 0) res = { rcode: RCODE.NOTIMP, aa: false };
  else if (!question || query.questions?.length !== 1) res = { rcode: RCODE.FORMERR, aa: false };
  else {
    const qname = canonicalName(question.name);
    const zone = closestZone(zones, qname);
    if (!zone) res = { rcode: RCODE.REFUSED, aa: false };
    else if (zone.behaviour === 'drop') return null;
    else if (zone.behaviour === 'servfail') res = { rcode: RCODE.SERVFAIL, aa: false };
    else if (zone.behaviour === 'refused') res = { rcode: RCODE.REFUSED, aa: false };
    else {
      truncate = udp && zone.behaviour === 'truncate-udp';
      res = truncate ? { rcode: RCODE.NOERROR, aa: true } : resolveInZone(zone, qname, questionType(question.type), opt?.flag_do === true && zone.signed);
    }
  }
  const keep = (query.flags ?? 0) & (dnsPacket.RECURSION_DESIRED | dnsPacket.CHECKING_DISABLED);
  const echoOpt: dnsPacket.Answer[] = opt
    ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: opt.flags & dnsPacket.DNSSEC_OK, flag_do: opt.flag_do, options: [] }]
    : [];
  const build = (r: Resolution, tc: boolean): Buffer =>
    dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: keep | r.rcode | (r.aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | (tc ? dnsPacket.TRUNCATED_RESPONSE : 0),
      questions: query.questions ?? [],
      answers: tc ? [] : (r.answers ?? []),
      authorities: tc ? [] : (r.authorities ?? []),
      additionals: [...(tc ? [] : (r.additionals ?? [])), ...echoOpt],
    });
  try {
    const full = build(res, truncate);
    const limit = opt ? Math.max(512, opt.udpPayloadSize) : 512;
    return udp && full.length > limit ? build(res, true) : full;
  } catch {
    // Bad zone data or a question that does not re-encode: SERVFAIL if even that encodes, else silence.
    try {
      return build({ rcode: RCODE.SERVFAIL, aa: false }, false);
    } catch {
      return null;
    }
  }
}

function indexZone(zone: LabZone): IndexedZone {
  const byName = new Map<string, LabRecord[]>();
  for (const r of zone.records) {
    const name = canonicalName(r.name);
    byName.set(name, [...(byName.get(name) ?? []), { ...r, name, type: r.type.toUpperCase() }]);
  }
  const signed = zone.records.some((r) => r.type.toUpperCase() === 'DNSKEY');
  return { origin: canonicalName(zone.origin), behaviour: zone.behaviour ?? 'normal', byName, signed };
}

function closestZone(zones: IndexedZone[], qname: string): IndexedZone | undefined {
  let best: IndexedZone | undefined;
  for (const z of zones) {
    if (isAtOrBelow(qname, z.origin) && (!best || labelCount(z.origin) > labelCount(best.origin))) best = z;
  }
  return best;
}

function resolveInZone(zone: IndexedZone, qname: string, qtype: string, dnssec: boolean): Resolution {
  const res = resolveRecords(zone, qname, qtype);
  if (!dnssec) return { ...res, answers: toAnswers(res.answers), authorities: toAnswers(res.authorities), additionals: toAnswers(res.additionals) };
  const wild = res.wildcard ? denialRecords(zone.origin, zone.byName, { kind: 'nxdomain', name: res.wildcard.name }) : [];
  const authorities = [...res.authorities, ...(res.ds ?? []), ...denialRecords(zone.origin, zone.byName, res.denial), ...wild];
  return {
    rcode: res.rcode,
    aa: res.aa,
    answers: toAnswers(withSignatures(zone, res.answers, res.wildcard)),
    authorities: toAnswers(withSignatures(zone, authorities)),
    additionals: toAnswers(res.additionals),
  };
}

/** What a query needs before DNSSEC: records per section and the denial to prove, if any. */
interface Found {
  rcode: number;
  aa: boolean;
  answers: LabRecord[];
  authorities: LabRecord[];
  additionals: LabRecord[];
  denial?: { kind: 'nodata' | 'nxdomain'; name: string };
  /** The DS RRset of a referral, sent only when DNSSEC records are asked for. */
  ds?: LabRecord[];
  /** The answer came from this wildcard (RFC 4592): its RRSIGs go out under the name, with proof the name does not exist. */
  wildcard?: { owner: string; name: string };
}

/** The RRSIGs at each RRset's owner that cover its type; unsigned RRsets (delegation NS, glue) get none. */
function withSignatures(zone: IndexedZone, records: LabRecord[], wildcard?: Found['wildcard']): LabRecord[] {
  const out = [...records];
  const seen = new Set<string>();
  for (const r of records) {
    const key = `${r.name}/${r.type}`;
    if (seen.has(key) || r.type === 'RRSIG') continue;
    seen.add(key);
    const covered = typeNumber(r.type);
    const from = wildcard && r.name === wildcard.name ? wildcard.owner : r.name;
    const sigs = (zone.byName.get(from) ?? []).filter((s) => s.type === 'RRSIG' && s.rdata !== undefined && ((s.rdata[0]! << 8) | s.rdata[1]!) === covered);
    out.push(...sigs.map((s) => ({ ...s, name: r.name })));
  }
  return out;
}

function resolveRecords(zone: IndexedZone, qname: string, qtype: string): Found {
  const cut = findCut(zone, qname, qtype);
  if (cut) return referral(zone, cut);
  const answers: LabRecord[] = [];
  const seen = new Set([qname]);
  let name = qname;
  for (;;) {
    const here = zone.byName.get(name);
    const dname = here ? undefined : dnameAbove(zone, name);
    if (dname) {
      // RFC 6672 §3.1: the DNAME, then the CNAME it synthesizes, whose target is chased like any alias.
      const target = `${name.slice(0, name.length - dname.name.length)}${canonicalName(String(dname.data))}`;
      answers.push(dname, { name, type: 'CNAME', ttl: dname.ttl ?? 300, data: target });
      if (seen.has(target) || !isAtOrBelow(target, zone.origin) || findCut(zone, target, qtype)) return found(answers);
      seen.add(target);
      name = target;
      continue;
    }
    if (!here) {
      const exists = [...zone.byName.keys()].some((n) => n !== name && isAtOrBelow(n, name));
      const wild = exists ? undefined : wildcardFor(zone, name);
      if (wild) return fromWildcard(zone, wild, name, qtype, answers);
      return negative(zone, exists ? 'nodata' : 'nxdomain', name, answers);
    }
    const matching = qtype === 'ANY' ? here : here.filter((r) => r.type === qtype);
    if (matching.length > 0) return found([...answers, ...matching]);
    const cname = here.find((r) => r.type === 'CNAME');
    if (!cname || qtype === 'CNAME') return negative(zone, 'nodata', name, answers);
    answers.push(cname);
    const target = canonicalName(String(cname.data));
    // Chase only inside this zone's own data; the client follows the rest.
    if (seen.has(target) || !isAtOrBelow(target, zone.origin) || findCut(zone, target, qtype)) {
      return found(answers);
    }
    seen.add(target);
    name = target;
  }
}

/** A DNAME owned by a proper ancestor of `name` inside the zone. */
function dnameAbove(zone: IndexedZone, name: string): LabRecord | undefined {
  for (const a of pathBelow(zone.origin, name).slice(0, -1).reverse()) {
    const d = (zone.byName.get(a) ?? []).find((r) => r.type === 'DNAME');
    if (d) return d;
  }
  return undefined;
}

/** The wildcard at the closest encloser of a name that does not exist (RFC 4592 §3.3.1), if the zone has one. */
function wildcardFor(zone: IndexedZone, name: string): string | undefined {
  const ancestors = pathBelow(zone.origin, name).slice(0, -1).reverse();
  const encloser = ancestors.find((a) => [...zone.byName.keys()].some((n) => isAtOrBelow(n, a))) ?? zone.origin;
  const owner = `*.${encloser}`;
  return zone.byName.has(owner) ? owner : undefined;
}

/** The wildcard's records of the type under the name, or NODATA proven at the wildcard. */
function fromWildcard(zone: IndexedZone, owner: string, name: string, qtype: string, answers: LabRecord[]): Found {
  const matching = zone.byName.get(owner)!.filter((r) => r.type === qtype && r.type !== 'RRSIG');
  const wildcard = { owner, name };
  if (matching.length === 0) return { ...negative(zone, 'nodata', owner, answers), wildcard };
  return { ...found([...answers, ...matching.map((r) => ({ ...r, name }))]), wildcard };
}

/** The topmost delegation between the apex and `name`; DS at the cut itself belongs to this (parent) side. */
function findCut(zone: IndexedZone, name: string, qtype: string): string | undefined {
  return pathBelow(zone.origin, name).find(
    (n) => (zone.byName.get(n) ?? []).some((r) => r.type === 'NS') && !(n === name && qtype === 'DS'),
  );
}

function found(answers: LabRecord[]): Found {
  return { rcode: RCODE.NOERROR, aa: true, answers, authorities: [], additionals: [] };
}

/** NS and glue; with DNSSEC, the DS RRset or (for an unsigned child) the NSEC proving there is none. */
function referral(zone: IndexedZone, cut: string): Found {
  const here = zone.byName.get(cut) ?? [];
  const ns = here.filter((r) => r.type === 'NS');
  const ds = here.filter((r) => r.type === 'DS');
  const glue = ns.flatMap((r) =>
    (zone.byName.get(canonicalName(String(r.data))) ?? []).filter((g) => g.type === 'A' || g.type === 'AAAA'),
  );
  return {
    rcode: RCODE.NOERROR, aa: false, answers: [], authorities: ns, additionals: glue,
    ...(ds.length === 0 ? { denial: { kind: 'nodata' as const, name: cut } } : { ds }),
  };
}

function negative(zone: IndexedZone, kind: 'nodata' | 'nxdomain', name: string, answers: LabRecord[]): Found {
  const soa = (zone.byName.get(zone.origin) ?? []).filter((r) => r.type === 'SOA');
  return { rcode: kind === 'nxdomain' ? RCODE.NXDOMAIN : RCODE.NOERROR, aa: true, answers, authorities: soa, additionals: [], denial: { kind, name } };
}

/** The question's type mnemonic: dns-packet names the types it lacks (HTTPS, SVCB) UNKNOWN_<n>. */
function questionType(type: string): string {
  const unknown = /^UNKNOWN_(\d+)$/.exec(type);
  return unknown ? typeName(Number(unknown[1])) : type.toUpperCase();
}

/** dns-packet answers; signer-made records go out as raw RDATA of their type number (RFC 3597). */
function toAnswers(records: LabRecord[]): dnsPacket.Answer[] {
  return records.map((r) =>
    r.rdata
      ? ({ name: r.name, type: `UNKNOWN_${typeNumber(r.type)}`, class: 'IN', ttl: r.ttl ?? 300, data: Buffer.from(r.rdata) } as unknown as dnsPacket.Answer)
      : ({ name: r.name, type: r.type, class: 'IN', ttl: r.ttl ?? 300, data: r.data } as dnsPacket.Answer),
  );
}
