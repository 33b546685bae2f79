// The chain of trust from the trust anchor down to a name (RFC 4035 §5): at each zone cut the DS RRset
// from the parent, the child's DNSKEY RRset matched by it and self-signed, then the RRSIG over the answer
// or the NSEC proof of its absence. Pure: every query goes through the injected `fetch`.
import { compareBytes } from '../codec/bytes.js';
import { DecodeError } from '../engine/errors.js';
import { type AlgorithmOptions, algorithmPolicy, digestPolicy } from './algorithms.js';
import { matchDs } from './ds.js';
import { type Name, nameToString, namesEqual, readName } from './name.js';
import { type NsecRecord, proveNodata, proveNxdomain } from './nsec-proof.js';
import { type Ds, decodeDs, decodeNsec } from './rdata.js';
import { dnsReader } from './reader.js';
import type { ChainProblem, ReasonCode } from './reasons.js';
import { judgeRrset } from './rrset-check.js';
import { RR, typeName } from './rr-types.js';
import { toSerialTime } from './serial-time.js';
import { type TrustAnchor, activeAnchors } from './trust-anchor.js';
import type { WireMessage, WireRr } from './wire.js';

export type Verdict = 'secure' | 'insecure' | 'bogus' | 'indeterminate';

export type Fetched = { ok: true; message: WireMessage; server: string } | { ok: false; code: string; server?: string };
export type Fetch = (name: Name, type: number) => Promise<Fetched>;

export interface ChainOptions extends AlgorithmOptions {
  anchors: readonly TrustAnchor[];
  now: Date;
  fetch: Fetch;
}

export interface ZoneLink {
  zone: Name;
  status: Verdict;
  ds: Ds[];
  dnskeys: Uint8Array[];
  errors: ChainProblem[];
}

export interface RrsetVerdict {
  name: Name;
  type: number;
  status: Verdict;
  reason: ReasonCode;
  message?: string;
}

export interface ChainResult {
  status: Verdict;
  reason: ReasonCode;
  message?: string;
  chain: ZoneLink[];
  rrsets: RrsetVerdict[];
  queries: number;
}

/** Where the walk down to a name ended: the deepest zone reached and the status it gives names in it. */
interface Reached {
  zone: Name;
  keys: Uint8Array[];
  status: Verdict;
  problem?: ChainProblem;
}

const RANK: Record<Verdict, number> = { secure: 0, insecure: 1, indeterminate: 2, bogus: 3 };
const MAX_CNAMES = 8;
const NOERROR = 0;
const NXDOMAIN = 3;

/** Validates the `types` RRsets of `name` (following CNAMEs); the overall verdict is the worst one. */
export async function validateName(name: Name, types: readonly number[], opts: ChainOptions): Promise<ChainResult> {
  const walk = new Walk(opts);
  const rrsets: RrsetVerdict[] = [];
  for (const type of types) rrsets.push(...(await walk.judgeName(name, type, 0)));
  const worst = rrsets.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
  return {
    status: worst.status,
    reason: worst.reason,
    ...(worst.message ? { message: worst.message } : {}),
    chain: [...walk.links.values()],
    rrsets,
    queries: walk.queries,
  };
}

class Walk {
  queries = 0;
  readonly links = new Map<string, ZoneLink>();
  private readonly cache = new Map<string, Promise<Fetched>>();
  private readonly verify: AlgorithmOptions & { now: number };

  constructor(private readonly opts: ChainOptions) {
    this.verify = { now: toSerialTime(opts.now), strictAlgorithms: opts.strictAlgorithms === true, legacyAlgorithms: opts.legacyAlgorithms === true };
  }

  private fetch(name: Name, type: number): Promise<Fetched> {
    const key = `${nameToString(name).toLowerCase()}/${type}`;
    let got = this.cache.get(key);
    if (!got) {
      this.queries++;
      got = this.opts.fetch(name, type);
      this.cache.set(key, got);
    }
    return got;
  }

  async judgeName(name: Name, type: number, depth: number): Promise<RrsetVerdict[]> {
    const reached = await this.descend(name);
    const verdict = (status: Verdict, problem?: ChainProblem, owner = name, t = type): RrsetVerdict => ({
      name: owner, type: t, status, reason: problem?.code ?? 'SECURE', ...(problem ? { message: problem.message } : {}),
    });
    if (reached.status !== 'secure') return [verdict(reached.status, reached.problem)];
    const r = await this.fetch(name, type);
    if (!r.ok) return [verdict('indeterminate', unreachable(name, type, r))];
    const { message } = r;
    const rcode = message.flags & 0xf;
    const has = (t: number): boolean => message.answer.some((rr) => rr.type === t && namesEqual(rr.owner, name));
    if (rcode === NOERROR && has(type)) {
      const j = judgeRrset(message.answer, name, type, reached.zone, reached.keys, this.verify);
      return [verdict(j.status, j.problem)];
    }
    if (rcode === NOERROR && has(RR.CNAME) && type !== RR.CNAME) {
      const j = judgeRrset(message.answer, name, RR.CNAME, reached.zone, reached.keys, this.verify);
      const link = verdict(j.status, j.problem, name, RR.CNAME);
      const target = cnameTarget(message.answer, name);
      if (j.status !== 'secure' || !target) return [link];
      if (depth >= MAX_CNAMES) return [link, verdict('indeterminate', { code: 'CHAIN_TOO_LONG', message: `more than ${MAX_CNAMES} CNAMEs from ${nameToString(name)}` }, target)];
      return [link, ...(await this.judgeName(target, type, depth + 1))];
    }
    if (rcode !== NOERROR && rcode !== NXDOMAIN) return [verdict('indeterminate', rcodeProblem(name, type, rcode, r.server))];
    const denial = this.checkDenial(message, name, type, rcode === NXDOMAIN, reached);
    return [verdict(denial.status, denial.problem)];
  }

  /** The NSEC records of a negative answer must be signed by the zone and prove the denial. */
  private checkDenial(message: WireMessage, name: Name, type: number, nx: boolean, reached: Reached): { status: Verdict; problem?: ChainProblem; delegation?: boolean } {
    const nsecs: NsecRecord[] = [];
    for (const rr of message.authority) {
      if (rr.type !== RR.NSEC || nsecs.some((n) => namesEqual(n.owner, rr.owner))) continue;
      const j = judgeRrset(message.authority, rr.owner, RR.NSEC, reached.zone, reached.keys, this.verify);
      if (j.status !== 'secure') return { status: j.status, ...(j.problem ? { problem: j.problem } : {}) };
      try {
        const nsec = decodeNsec(rr.rdata);
        nsecs.push({ owner: rr.owner, next: nsec.nextName, types: nsec.types });
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
        return { status: 'bogus', problem: { code: 'SIGNATURE_INVALID', message: `the NSEC at ${nameToString(rr.owner)} is malformed` } };
      }
    }
    const proof = nx ? proveNxdomain(name, nsecs, reached.zone) : proveNodata(name, type, nsecs, reached.zone);
    return proof.ok ? { status: 'secure', delegation: proof.delegation } : { status: 'bogus', problem: proof.problem };
  }

  /** Walks from the trust anchor down the zone cuts above and at `name`. */
  private async descend(name: Name): Promise<Reached> {
    let reached = await this.establish([], null);
    for (let i = 1; i <= name.length && reached.status === 'secure'; i++) {
      const child = name.slice(name.length - i);
      const r = await this.fetch(child, RR.DS);
      if (!r.ok) return { ...reached, status: 'indeterminate', problem: unreachable(child, RR.DS, r) };
      const rcode = r.message.flags & 0xf;
      if (rcode === NXDOMAIN) break; // the name does not exist: the final answer is judged in this zone
      if (rcode !== NOERROR) return { ...reached, status: 'indeterminate', problem: rcodeProblem(child, RR.DS, rcode, r.server) };
      const ds = r.message.answer.filter((rr) => rr.type === RR.DS && namesEqual(rr.owner, child));
      if (ds.length > 0) {
        const j = judgeRrset(r.message.answer, child, RR.DS, reached.zone, reached.keys, this.verify);
        if (j.status !== 'secure') return this.record({ zone: child, keys: [], status: j.status, ...(j.problem ? { problem: j.problem } : {}) }, [], []);
        reached = await this.establish(child, { parent: reached.zone, ds: decodeAll(ds) });
        continue;
      }
      if (r.message.answer.some((rr) => rr.type === RR.CNAME && namesEqual(rr.owner, child))) break;
      const denial = this.checkDenial(r.message, child, RR.DS, false, reached);
      if (denial.status !== 'secure') return { ...reached, status: denial.status, ...(denial.problem ? { problem: denial.problem } : {}) };
      if (denial.delegation) {
        const problem: ChainProblem = { code: 'NO_DS_PROVEN', message: `${nameToString(reached.zone)} proves with NSEC that ${nameToString(child)} has no DS: the delegation is unsigned` };
        return this.record({ zone: child, keys: [], status: 'insecure', problem }, [], []);
      }
    }
    return reached;
  }

  /** The zone's DNSKEY RRset, trusted through the parent's DS RRset or the trust anchors (parent null). */
  private async establish(zone: Name, via: { parent: Name; ds: Ds[] } | null): Promise<Reached> {
    const zoneText = nameToString(zone);
    const anchors = activeAnchors(this.opts.anchors, this.opts.now).filter((a) => namesEqual(a.owner, zone));
    const ds = via ? via.ds : anchors.flatMap((a) => (a.kind === 'ds' ? [{ keyTag: a.keyTag, algorithm: a.algorithm, digestType: a.digestType, digest: a.digest }] : []));
    const fail = (status: Verdict, problem: ChainProblem, keys: Uint8Array[] = []): Reached => this.record({ zone, keys: [], status, problem }, ds, keys);
    if (!via && anchors.length === 0) return fail('indeterminate', { code: 'NO_TRUST_ANCHOR_SIGNING', message: `no trust anchor is configured for ${zoneText}` });
    const r = await this.fetch(zone, RR.DNSKEY);
    if (!r.ok) return fail('indeterminate', unreachable(zone, RR.DNSKEY, r));
    const rcode = r.message.flags & 0xf;
    if (rcode !== NOERROR) return fail('indeterminate', rcodeProblem(zone, RR.DNSKEY, rcode, r.server));
    const keys = r.message.answer.filter((rr) => rr.type === RR.DNSKEY && namesEqual(rr.owner, zone) && rr.rdata.length >= 4).map((rr) => rr.rdata);
    const server = { server: r.server };
    if (keys.length === 0) {
      const where = via ? `${zoneText} has DS records in ${nameToString(via.parent)}` : `${zoneText} has a trust anchor`;
      return fail('bogus', { code: 'DNSKEY_MISSING', message: `${where} but serves no DNSKEY`, ...server });
    }
    const usable = ds.filter((d) => digestPolicy(d.digestType, this.opts).validate && algorithmPolicy(d.algorithm, this.opts).validate);
    const keyAnchors = anchors.flatMap((a) => (a.kind === 'dnskey' ? [a.rdata] : []));
    if (usable.length === 0 && keyAnchors.length === 0) {
      const what = ds.map((d) => `algorithm ${d.algorithm}/digest ${d.digestType}`).join(', ');
      return fail('insecure', { code: 'ALGORITHM_NOT_SUPPORTED', message: `the DS records for ${zoneText} use only ${what}, which are not validated` }, keys);
    }
    const seps = keys.filter((k) => keyAnchors.some((a) => compareBytes(a, k) === 0) || usable.some((d) => matchDs(d, zone, k) === 'match'));
    if (seps.length === 0) {
      const message = via ? `DS in ${nameToString(via.parent)} matches no DNSKEY in ${zoneText}` : `no DNSKEY of ${zoneText} matches the trust anchor`;
      return fail('bogus', { code: via ? 'NO_SEP' : 'NO_TRUST_ANCHOR_SIGNING', message, ...server }, keys);
    }
    const j = judgeRrset(r.message.answer, zone, RR.DNSKEY, zone, seps, this.verify);
    if (j.status !== 'secure') return fail(j.status, { ...j.problem!, ...server }, keys);
    return this.record({ zone, keys, status: 'secure' }, ds, keys);
  }

  private record(reached: Reached, ds: Ds[], dnskeys: Uint8Array[]): Reached {
    this.links.set(nameToString(reached.zone).toLowerCase(), { zone: reached.zone, status: reached.status, ds, dnskeys, errors: reached.problem ? [reached.problem] : [] });
    return reached;
  }
}

function decodeAll(records: WireRr[]): Ds[] {
  const out: Ds[] = [];
  for (const rr of records) {
    try {
      out.push(decodeDs(rr.rdata));
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
    }
  }
  return out;
}

function cnameTarget(answer: readonly WireRr[], owner: Name): Name | undefined {
  const rr = answer.find((r) => r.type === RR.CNAME && namesEqual(r.owner, owner));
  if (!rr) return undefined;
  try {
    return readName(dnsReader(rr.rdata));
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    return undefined;
  }
}

function unreachable(name: Name, type: number, r: { code: string; server?: string }): ChainProblem {
  return {
    code: 'UNABLE_TO_RETRIEVE_DNSSEC_RECORDS',
    message: `no usable answer to the ${typeName(type)} query for ${nameToString(name)} (${r.code})`,
    ...(r.server ? { server: r.server } : {}),
  };
}

function rcodeProblem(name: Name, type: number, rcode: number, server: string): ChainProblem {
  return { code: 'RESPONSE_ERROR', message: `the ${typeName(type)} query for ${nameToString(name)} was answered with RCODE ${rcode}`, server };
}
