// encscan's own resolver: a stub (RD=1 to configured servers) or an iterative walk from the root hints,
// so no lookup ever goes through the machine's resolver. Network failures become results with a stable
// error code; only an abort (or a bad name/type from the caller) throws.
import type dnsPacket from 'dns-packet';
import { endpointKey, type Connector, type SocketAddress } from '../../engine/connector.js';
import { throwIfAborted } from '../../engine/budget.js';
import { EncscanError, errorCode, type ErrorCode } from '../../engine/errors.js';
import type { DnsQuery } from '../../evidence/dns.js';
import { canonicalName, isAtOrBelow, labelCount, parseDomainName } from './names.js';
import { exchange, type Exchange } from './transport.js';

/** `tcpOnly` (--dns-tcp): every query over TCP, for networks that drop DNS over UDP. */
export type ResolverMode = ({ kind: 'stub'; servers: SocketAddress[] } | { kind: 'iterative'; rootHints: SocketAddress[] }) & { tcpOnly?: boolean };

export interface DnsClientOptions {
  connector: Connector;
  mode: ResolverMode;
  timeoutMs: number;
  /** Extra attempts per server after a timeout (default 1). */
  retries?: number;
  signal?: AbortSignal;
  /** DO bit (default true): ask for RRSIGs so DNSSEC can be judged later. */
  dnssecOk?: boolean;
  /** CD bit (default true): a validating upstream must hand over bogus data instead of SERVFAIL. */
  checkingDisabled?: boolean;
  tcpOnly?: boolean;
}

export interface LookupResult {
  /** 'NOERROR', 'NXDOMAIN', ...; 'SERVFAIL' with `error` set when no server gave a usable answer. */
  rcode: string;
  answers: dnsPacket.Answer[];
  authorities: dnsPacket.Answer[];
  wire: Buffer | null;
  server: string | null;
  /** ENCSCAN_DNS_TIMEOUT, ENCSCAN_DNS_SERVFAIL, ENCSCAN_DNS_LAME, ENCSCAN_DNS_LOOP or ENCSCAN_BUDGET_EXHAUSTED. */
  error?: ErrorCode;
}

type Asked = { ok: true; ex: Exchange } | { ok: false; result: LookupResult };

const MAX_REFERRALS = 30;
const MAX_QUERIES = 200;
/** How many glueless name-server lookups may nest inside one another. */
const MAX_GLUELESS_DEPTH = 4;
/** Answers that say "this server cannot help", so the next server of the zone is asked. */
const TRY_NEXT = new Set(['SERVFAIL', 'REFUSED', 'NOTIMP', 'FORMERR']);

export class DnsClient {
  /** Every exchange so far, in the order sent (the evidence's `queries`). */
  readonly queries: DnsQuery[] = [];
  readonly mode: ResolverMode;
  private readonly opts: DnsClientOptions;
  /** Zone cut -> its name servers' names, learned from referrals. */
  private readonly cuts = new Map<string, string[]>();
  /** Name server name -> addresses, from in-bailiwick glue or our own lookups. */
  private readonly nsAddresses = new Map<string, SocketAddress[]>();

  constructor(opts: DnsClientOptions) {
    this.opts = opts;
    this.mode = opts.mode;
  }

  async lookup(name: string, type: string): Promise<LookupResult> {
    const qname = parseDomainName(name);
    try {
      if (this.mode.kind === 'stub') {
        const asked = await this.askAll(this.mode.servers, qname, type, true);
        return asked.ok ? answered(asked.ex) : asked.result;
      }
      return await this.iterate(qname, type, new Set());
    } catch (err) {
      const code = errorCode(err);
      if (!this.opts.signal?.aborted && (code === 'ENCSCAN_DNS_LOOP' || code === 'ENCSCAN_BUDGET_EXHAUSTED')) return failed(code);
      throw err;
    }
  }

  /** The parent's view of a zone cut learned from referrals: its NS names and their glue (canonical names). */
  delegation(zone: string): Array<{ name: string; glue: SocketAddress[] }> {
    return (this.cuts.get(canonicalName(zone)) ?? []).map((name) => ({ name, glue: [...(this.nsAddresses.get(name) ?? [])] }));
  }

  /** RFC 1034 §5.3.3 without recursion: follow referrals down from the closest known zone cut. */
  private async iterate(qname: string, type: string, chain: ReadonlySet<string>): Promise<LookupResult> {
    let zone = this.closestCut(qname, type);
    for (let referrals = 0; ; referrals++) {
      const asked = await this.askAll(this.serversOf(zone, chain), qname, type, false);
      if (!asked.ok) return asked.result;
      const cut = referralCut(asked.ex, zone, qname);
      if (cut === null) return answered(asked.ex);
      if (referrals >= MAX_REFERRALS) throw new EncscanError('ENCSCAN_DNS_LOOP', `${qname}: more than ${MAX_REFERRALS} referrals`);
      this.learn(cut, zone, asked.ex);
      zone = cut;
    }
  }

  /** DS sits on the parent side of a cut (RFC 4035 §3.1.4.1), so a DS query starts above its own name. */
  private closestCut(qname: string, type: string): string {
    let best = '.';
    for (const zone of this.cuts.keys()) {
      const usable = isAtOrBelow(qname, zone) && !(zone === qname && type.toUpperCase() === 'DS');
      if (usable && labelCount(zone) > labelCount(best)) best = zone;
    }
    return best;
  }

  /** Glue and known addresses first; glueless name servers are looked up only when those run out. */
  private async *serversOf(zone: string, chain: ReadonlySet<string>): AsyncGenerator<SocketAddress> {
    if (zone === '.' && this.mode.kind === 'iterative') {
      yield* this.mode.rootHints;
      return;
    }
    const names = this.cuts.get(zone) ?? [];
    const seen = new Set<string>();
    for (const pass of ['cached', 'lookup'] as const) {
      for (const ns of names) {
        const addresses = pass === 'cached' ? (this.nsAddresses.get(ns) ?? []) : await this.resolveNameServer(ns, chain);
        for (const a of addresses) {
          const key = endpointKey(a.address, a.port);
          if (!seen.has(key)) {
            seen.add(key);
            yield a;
          }
        }
      }
    }
  }

  private async resolveNameServer(ns: string, chain: ReadonlySet<string>): Promise<SocketAddress[]> {
    const cached = this.nsAddresses.get(ns);
    if (cached) return cached;
    // A name server that needs itself to be found (directly or via others) is unusable.
    if (chain.has(ns) || chain.size >= MAX_GLUELESS_DEPTH) return [];
    const inner = new Set([...chain, ns]);
    const found: SocketAddress[] = [];
    try {
      for (const type of ['A', 'AAAA']) {
        const result = await this.iterate(ns, type, inner);
        for (const a of result.answers) {
          if ((a.type === 'A' || a.type === 'AAAA') && canonicalName(a.name) === ns) found.push({ address: a.data, port: 53 });
        }
        if (found.length > 0) break;
      }
    } catch (err) {
      if (this.opts.signal?.aborted || errorCode(err) === 'ENCSCAN_BUDGET_EXHAUSTED') throw err;
    }
    this.nsAddresses.set(ns, found);
    return found;
  }

  /** Remembers the cut and the glue the parent gave for it, if the glue is inside the parent's bailiwick. */
  private learn(cut: string, parent: string, ex: Exchange): void {
    const names = (ex.message.authorities ?? []).flatMap((a) => (a.type === 'NS' ? [canonicalName(a.data)] : []));
    this.cuts.set(cut, names);
    for (const glue of ex.message.additionals ?? []) {
      const owner = canonicalName(glue.name);
      if ((glue.type !== 'A' && glue.type !== 'AAAA') || !names.includes(owner) || !isAtOrBelow(owner, parent)) continue;
      const known = this.nsAddresses.get(owner) ?? [];
      if (!known.some((k) => k.address === glue.data)) this.nsAddresses.set(owner, [...known, { address: glue.data, port: 53 }]);
    }
  }

  /** Asks each server in turn until one gives an answer that is not a failure rcode. */
  private async askAll(servers: Iterable<SocketAddress> | AsyncIterable<SocketAddress>, qname: string, type: string, rd: boolean): Promise<Asked> {
    const problems: string[] = [];
    for await (const server of servers) {
      throwIfAborted(this.opts.signal);
      if (this.queries.length >= MAX_QUERIES) {
        throw new EncscanError('ENCSCAN_BUDGET_EXHAUSTED', `more than ${MAX_QUERIES} DNS queries by one client`);
      }
      try {
        const ex = await exchange(this.opts.connector, {
          server,
          name: qname,
          type,
          recursionDesired: rd,
          dnssecOk: this.opts.dnssecOk ?? true,
          checkingDisabled: this.opts.checkingDisabled ?? true,
          tcpOnly: this.opts.tcpOnly ?? this.mode.tcpOnly ?? false,
          timeoutMs: this.opts.timeoutMs,
          retries: this.opts.retries ?? 1,
          signal: this.opts.signal,
          log: this.queries,
        });
        if (!TRY_NEXT.has(ex.rcode)) return { ok: true, ex };
        problems.push(ex.rcode);
      } catch (err) {
        if (this.opts.signal?.aborted || errorCode(err) === 'ENCSCAN_USAGE') throw err;
        problems.push(errorCode(err));
      }
    }
    return { ok: false, result: failed(summarize(problems)) };
  }
}

/**
 * The child zone a referral hands us to, or null for a final response. A referral that does not move
 * closer to the name (upward, sideways, or to a zone that does not contain it) is a loop.
 */
function referralCut(ex: Exchange, zone: string, qname: string): string | null {
  const authority = ex.message.authorities ?? [];
  const ns = authority.filter((a) => a.type === 'NS');
  const first = ns[0];
  if (ex.rcode !== 'NOERROR' || (ex.message.answers?.length ?? 0) > 0 || authority.some((a) => a.type === 'SOA') || !first) return null;
  const cut = canonicalName(first.name);
  const closer = cut !== zone && isAtOrBelow(cut, zone) && isAtOrBelow(qname, cut) && ns.every((n) => canonicalName(n.name) === cut);
  if (closer) return cut;
  if (ex.message.flag_aa) return null; // an authoritative NODATA that lists the zone's NS but no SOA
  throw new EncscanError('ENCSCAN_DNS_LOOP', `${ex.server} referred ${qname} to "${cut}", which is not below "${zone}"`);
}

function answered(ex: Exchange): LookupResult {
  return { rcode: ex.rcode, answers: ex.message.answers ?? [], authorities: ex.message.authorities ?? [], wire: ex.wire, server: ex.server };
}

function failed(error: ErrorCode): LookupResult {
  return { rcode: 'SERVFAIL', answers: [], authorities: [], wire: null, server: null, error };
}

/** One code for "every server failed": all timed out, all said SERVFAIL, or a mix (lame). */
function summarize(problems: string[]): ErrorCode {
  if (problems.length === 0) return 'ENCSCAN_DNS_LAME';
  if (problems.every((p) => p === 'ENCSCAN_DNS_TIMEOUT' || p === 'ENCSCAN_CIRCUIT_OPEN')) return 'ENCSCAN_DNS_TIMEOUT';
  if (problems.every((p) => p === 'SERVFAIL')) return 'ENCSCAN_DNS_SERVFAIL';
  return 'ENCSCAN_DNS_LAME';
}
