import { decodeSvcb, ipv6Text, svcbProblems } from '../../dns/svcb.js';
import { EncscanError } from '../../engine/errors.js';
import type { DnssecStatus } from '../../evidence/dnssec.js';
import type { HttpsAliasChain, HttpsAliasHop, HttpsRecord } from '../../evidence/http.js';
import { aliasRecord, httpsRrName, reachesScannedServers, serviceRecords } from '../../http/https-rr-service.js';
import type { ValidatedRrset } from '../dns/dnssec-probe.js';

/** RR type 65 (RFC 9460 §9). */
export const HTTPS_RR_TYPE = 65;

/** RFC 9460 §3 asks for a chain limit as with CNAME chains; this many TargetNames are asked at most. */
export const MAX_ALIAS_HOPS = 8;

export interface HttpsRrOptions {
  /** A-label, no trailing dot. */
  host: string;
  /** Logical HTTPS port of the scan. */
  port: number;
  /** The host's addresses the scan connects to. */
  addresses: readonly string[];
  /** One RRset with its DNSSEC status (validatedLookup). */
  lookup: (name: string, type: number) => Promise<ValidatedRrset>;
  /** Whether https://host:port/ answers on the host's own address. */
  answers: (port: number) => Promise<boolean>;
}

export interface HttpsRrResult {
  /** The RRset at the target's service name. */
  records: HttpsRecord[];
  /** Its DNSSEC status, or that of the proof that there is none. */
  dnssec: DnssecStatus;
  /** With an AliasMode record: the chain as a client follows it. */
  alias?: HttpsAliasChain;
}

/**
 * The HTTPS RRset of the scanned origin, decoded, with the DNSSEC status it validated to, and any
 * AliasMode chain followed to the ServiceMode records clients use. A ServiceMode record that sends
 * clients to the scanned servers on another port gets one GET there, so the evidence says whether that
 * port answers. An undecided lookup with no records is an error, never "no record".
 */
export async function probeHttpsRr(opts: HttpsRrOptions): Promise<HttpsRrResult> {
  const own = await rrset(opts, `${httpsRrName(opts.host, opts.port)}.`);
  const result: HttpsRrResult = { records: own.records, dnssec: own.dnssec };
  const alias = own.dnssec === 'bogus' ? undefined : aliasRecord(own.records);
  if (alias) result.alias = await follow(opts, own.name, alias.target!);
  const ports = new Map<number, Promise<boolean>>();
  for (const rec of serviceRecords(result.records, result.alias)) {
    const port = rec.params?.port;
    if (port === undefined || port === opts.port || !reachesScannedServers(rec, opts.host, opts.addresses, result.alias)) continue;
    if (!ports.has(port)) ports.set(port, opts.answers(port));
    rec.portAnswers = await ports.get(port)!;
  }
  return result;
}

/** RFC 9460 §3: each AliasMode TargetName is asked in turn, until ServiceMode records, none, ".", a loop or the limit. */
async function follow(opts: HttpsRrOptions, origin: string, first: string): Promise<HttpsAliasChain> {
  const hops: HttpsAliasHop[] = [];
  const asked = new Set([origin.toLowerCase()]);
  for (let next: string | undefined = first; next !== undefined; next = aliasRecord(hops.at(-1)!.records)?.target ?? undefined) {
    if (next === '.') return { hops, end: 'unavailable' };
    if (asked.has(next.toLowerCase())) return { hops, end: 'loop' };
    if (hops.length === MAX_ALIAS_HOPS) return { hops, end: 'too-long' };
    asked.add(next.toLowerCase());
    const hop = await rrset(opts, next);
    hops.push(hop);
    if (hop.dnssec === 'bogus') return { hops, end: 'bogus' };
  }
  const last = hops.at(-1)!;
  if (!last.records.some((r) => r.priority !== null && r.priority > 0)) return { hops, end: 'no-records' };
  const addresses = await addressesOf(opts, last.name);
  return { hops, end: 'service', ...(addresses ? { addresses } : {}) };
}

async function rrset(opts: HttpsRrOptions, name: string): Promise<HttpsAliasHop> {
  const answer = await opts.lookup(name, HTTPS_RR_TYPE);
  if (answer.status === 'indeterminate' && answer.rdatas.length === 0) {
    throw new EncscanError('ENCSCAN_DNS_SERVFAIL', `HTTPS record of ${name}: ${answer.message ?? answer.reason}`);
  }
  return { name, dnssec: answer.status, records: answer.rdatas.map((rdata) => decoded(name, answer.status, rdata)) };
}

/** A and AAAA of an alias target, to compare its hints with and to tell whether the scan saw its servers; undefined when undecided. */
async function addressesOf(opts: HttpsRrOptions, name: string): Promise<string[] | undefined> {
  const answers = await Promise.all([opts.lookup(name, 1), opts.lookup(name, 28)]);
  if (answers.some((a) => a.status === 'indeterminate' && a.rdatas.length === 0)) return undefined;
  return answers.flatMap((a) => a.rdatas.map((b) => (b.length === 4 ? b.join('.') : ipv6Text(b))));
}

function decoded(name: string, dnssec: DnssecStatus, rdata: Uint8Array): HttpsRecord {
  const base = { name, dnssec, rdata: Buffer.from(rdata).toString('hex') };
  try {
    const rec = decodeSvcb(rdata);
    return { ...base, priority: rec.priority, target: rec.target, params: rec.params, problems: svcbProblems(rec) };
  } catch (err) {
    if (!(err instanceof EncscanError)) throw err;
    return { ...base, priority: null, target: null, params: null, malformed: err.message, problems: [] };
  }
}
