// The chain of trust from the closest trust anchor down to a name (RFC 4035 §5): at each zone cut the DS
// RRset from the parent (or from the referral that carried it), the child's DNSKEY RRset matched by it and
// self-signed, then the RRSIG over the answer (with the proof a wildcard expansion needs), the DNAME and
// CNAME links of an alias chain, or the NSEC/NSEC3 proof of absence (src/dnssec/denial.ts). Pure: every
// query goes through the injected `fetch`.
import { compareBytes } from '../codec/bytes.js';
import { DecodeError } from '../engine/errors.js';
import { type AlgorithmOptions, algorithmPolicy, digestPolicy } from './algorithms.js';
import { matchDs } from './ds.js';
import { checkDenial, checkWildcardAnswer, type DenialResult } from './denial.js';
import { type Name, isAtOrBelow, nameToString, nameToWire, namesEqual, readName, rrsigLabelCount } from './name.js';
import { type Ds, decodeDs, decodeRrsig } from './rdata.js';
import { dnsReader } from './reader.js';
import type { ChainProblem, ReasonCode } from './reasons.js';
import { judgeRrset, rrsetWithSignatures } from './rrset-check.js';
import { RR, typeName } from './rr-types.js';
import { toSerialTime } from './serial-time.js';
import { type TrustAnchor, activeAnchors } from './trust-anchor.js';
import type { WireMessage, WireRr } from './wire.js';

export type Verdict = 'secure' | 'insecure' | 'bogus' | 'indeterminate';

/** A response; `referrals` are the referrals the resolver followed to get it, whose DS data the walk reuses. */
export type Fetched = { ok: true; message: WireMessage; server: string; referrals?: WireMessage[] } | { ok: false; code: string; server?: string };
export type Fetch = (name: Name, type: number) => Promise<Fetched>;

export interface ChainOptions extends AlgorithmOptions {
  anchors: readonly TrustAnchor[];
  now: Date;
  fetch: Fetch;
  /**
   * RFC 4035 §2.2 read strictly (Unbound's harden-algo-downgrade): an RRset lacking a valid RRSIG for an
   * algorithm the zone's DS RRset (or trust anchor) lists is bogus. Off, the gap is only a note, as
   * RFC 6840 §5.11 asks validators to accept any one valid path.
   */
  requireEveryAlgorithm?: boolean;
}

export interface ZoneLink {
  zone: Name;
  status: Verdict;
  ds: Ds[];
  dnskeys: Uint8Array[];
  errors: ChainProblem[];
  /** The zone's NSEC3 parameters, when a proof used its NSEC3 records. */
  nsec3?: { iterations: number; salt: Uint8Array; optOut: boolean };
}

export interface RrsetVerdict {
  name: Name;
  type: number;
  status: Verdict;
  reason: ReasonCode;
  message?: string;
  /** Remarks that do not change the status, such as TTLs above what the RRSIG allows (RFC 4035 §5.3.3). */
  notes?: ChainProblem[];
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
  /** The validated algorithms the zone's DS RRset or trust anchor lists: each should sign every RRset. */
  algorithms?: number[];
  status: Verdict;
  problem?: ChainProblem;
}

const RANK: Record<Verdict, number> = { secure: 0, insecure: 1, indeterminate: 2, bogus: 3 };
const MAX_CNAMES = 8;
const NOERROR = 0;
const NXDOMAIN = 3;
const RR_ANY = 255;

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

  private async fetch(name: Name, type: number): Promise<Fetched> {
    const key = `${nameToString(name).toLowerCase()}/${type}`;
    let got = this.cache.get(key);
    if (!got) {
      this.queries++;
      got = this.opts.fetch(name, type);
      this.cache.set(key, got);
      for (const { cut, answer } of referralDsAnswers(await got)) {
        const dsKey = `${nameToString(cut).toLowerCase()}/${RR.DS}`;
        if (!this.cache.has(dsKey)) this.cache.set(dsKey, Promise.resolve(answer));
      }
    }
    return got;
  }

  async judgeName(name: Name, type: number, depth: number, carried?: WireMessage): Promise<RrsetVerdict[]> {
    const r: Fetched = carried ? { ok: true, message: carried, server: '' } : await this.fetch(name, type);
    // The DS RRset lives in the parent zone, so its trust anchor is the one above the name.
    const reached = await this.descend(name, r.ok ? signerHint(r.message, name) : undefined, type === RR.DS && name.length > 0 ? name.slice(1) : name, r.ok);
    const verdict = (status: Verdict, problem?: ChainProblem, owner = name, t = type, notes: ChainProblem[] = []): RrsetVerdict => ({
      name: owner, type: t, status, reason: problem?.code ?? 'SECURE', ...(problem ? { message: problem.message } : {}), ...(notes.length > 0 ? { notes } : {}),
    });
    if (reached.status !== 'secure') return [verdict(reached.status, reached.problem)];
    if (!r.ok) return [verdict('indeterminate', unreachable(name, type, r))];
    const { message } = r;
    const rcode = message.flags & 0xf;
    // An RRSIG proves its RRset wherever it travels, so a signature a server put in another section still counts.
    const signed = [...message.answer, ...[...message.authority, ...message.additional].filter((rr) => rr.type === RR.RRSIG)];
    const judge = (owner: Name, t: number): RrsetVerdict => {
      const j = judgeRrset(signed, owner, t, reached.zone, reached.keys, this.verify);
      if (j.status !== 'secure') return verdict(j.status, j.problem, owner, t);
      const gap = algorithmGap(j.algorithms, reached, `${nameToString(owner)}/${typeName(t)}`);
      if (gap && this.opts.requireEveryAlgorithm) return verdict('bogus', gap, owner, t);
      if (gap) j.notes.push(gap);
      if (j.labels < rrsigLabelCount(owner)) {
        if (t === RR.DNAME) {
          // RFC 4592 §4.4: a DNAME owned by a wildcard is to be avoided or outright rejected.
          return verdict('bogus', { code: 'DNAME_SYNTHESIS_INVALID', message: `the DNAME at ${nameToString(owner)} was expanded from a wildcard, which DNAME redirection does not allow` }, owner, t);
        }
        const w = checkWildcardAnswer(message.authority, owner, j.labels, reached.zone, reached.keys, this.verify);
        this.noteNsec3(reached.zone, w.nsec3);
        if (w.status !== 'secure') return verdict(w.status, w.problem, owner, t);
      }
      return verdict('secure', undefined, owner, t, j.notes);
    };
    const owned = message.answer.filter((rr) => namesEqual(rr.owner, name) && rr.type !== RR.RRSIG);
    if (rcode === NOERROR && type === RR_ANY && owned.length > 0) return [...new Set(owned.map((rr) => rr.type))].map((t) => judge(name, t));
    const dname = dnameAbove(message.answer, name, reached.zone);
    // A CNAME query's RCODE speaks of the alias target (RFC 6604 §2.1), so NXDOMAIN still carries the answer.
    if ((rcode === NOERROR || type === RR.CNAME) && owned.some((rr) => rr.type === type) && !(type === RR.CNAME && dname)) return [judge(name, type)];
    if (dname) return this.followDname(name, type, depth, message, dname, judge, verdict);
    if (owned.some((rr) => rr.type === RR.CNAME) && type !== RR.CNAME) {
      const link = judge(name, RR.CNAME);
      const target = cnameTarget(message.answer, name);
      if (link.status !== 'secure' || !target) return [link];
      return [link, ...(await this.follow(name, target, type, depth, message))];
    }
    if (rcode !== NOERROR && rcode !== NXDOMAIN) return [verdict('indeterminate', rcodeProblem(name, type, rcode, r.server))];
    const denial = checkDenial(message.authority, name, type, rcode === NXDOMAIN, reached.zone, reached.keys, this.verify);
    this.noteNsec3(reached.zone, denial.nsec3);
    if (denial.status !== 'secure' && name.length > reached.zone.length) {
      // A server hosting both sides of a cut may deny a name of the child from the parent's zone; a proven
      // unsigned delegation between the signer and the name makes that answer insecure, not bogus.
      const below = await this.descend(name, undefined, name, r.ok);
      if (below.status === 'insecure') return [verdict('insecure', below.problem)];
    }
    return [verdict(denial.status, denial.problem)];
  }

  /** RFC 6672 §5.3.1: the DNAME validates, and the unsigned CNAME beside it is exactly its synthesis. */
  private async followDname(
    name: Name, type: number, depth: number, message: WireMessage, dname: WireRr,
    judge: (owner: Name, t: number) => RrsetVerdict, verdict: (s: Verdict, p?: ChainProblem) => RrsetVerdict,
  ): Promise<RrsetVerdict[]> {
    const link = judge(dname.owner, RR.DNAME);
    if (link.status !== 'secure') return [link];
    const synthesized = synthesize(name, dname);
    const cname = cnameTarget(message.answer, name);
    if (!synthesized || (cname && !namesEqual(cname, synthesized))) {
      const text = synthesized ? `${nameToString(synthesized)}, not ${nameToString(cname!)}` : 'a name longer than 255 octets';
      return [link, verdict('bogus', { code: 'DNAME_SYNTHESIS_INVALID', message: `the DNAME at ${nameToString(dname.owner)} turns ${nameToString(name)} into ${text}` })];
    }
    // Asked for the CNAME itself, the synthesized CNAME is the answer and its proof is the DNAME.
    if (type === RR.CNAME) return [link];
    return [link, ...(await this.follow(name, synthesized, type, depth, message))];
  }

  /**
   * The next link of an alias chain, judged from the same response when it carries the target's data or
   * its denial; an NXDOMAIN RCODE with an empty authority section proves nothing, so the target is asked.
   */
  private async follow(from: Name, target: Name, type: number, depth: number, message: WireMessage): Promise<RrsetVerdict[]> {
    if (depth >= MAX_CNAMES) return [{ name: target, type, status: 'indeterminate', reason: 'CHAIN_TOO_LONG', message: `more than ${MAX_CNAMES} aliases from ${nameToString(from)}` }];
    const carries =
      message.answer.some((rr) => namesEqual(rr.owner, target) || (rr.type === RR.DNAME && isAtOrBelow(target, rr.owner) && !namesEqual(target, rr.owner))) ||
      ((message.flags & 0xf) === NXDOMAIN && message.authority.length > 0) ||
      message.authority.some((rr) => rr.type === RR.SOA);
    return this.judgeName(target, type, depth + 1, carries ? message : undefined);
  }

  private noteNsec3(zone: Name, params: DenialResult['nsec3']): void {
    const link = this.links.get(nameToString(zone).toLowerCase());
    if (link && params && !link.nsec3) link.nsec3 = { iterations: params.iterations, salt: params.salt, optOut: params.optOut };
  }

  /**
   * Walks from the closest trust anchor down the zone cuts above `name`: to the zone that signed the
   * answer when it names one (as validators do, so no DS is asked below it), else to `name` itself.
   */
  private async descend(name: Name, signer: Name | undefined, anchorFor: Name, served: boolean): Promise<Reached> {
    const active = activeAnchors(this.opts.anchors, this.opts.now);
    // An answer signed above a deeper anchor (say, the parent's proof that the anchored name does not
    // exist) is judged from the anchor that covers its signer, as validators pick keys by signer.
    const anchor = (signer && isAtOrBelow(anchorFor, signer) ? closestAnchor(active, signer) : undefined) ?? closestAnchor(active, anchorFor);
    if (!anchor) return { zone: [], keys: [], status: 'indeterminate', problem: { code: 'NO_TRUST_ANCHOR_SIGNING', message: `no trust anchor covers ${nameToString(name)}` } };
    const toSigner = signer !== undefined && isAtOrBelow(name, signer) && isAtOrBelow(signer, anchor);
    const target = toSigner ? signer : name;
    let reached = await this.establish(anchor, null, served);
    for (let i = anchor.length + 1; i <= target.length && reached.status === 'secure'; i++) {
      const child = target.slice(target.length - i);
      const r = await this.fetch(child, RR.DS);
      if (!r.ok) {
        const { status, ...problem } = fetchFailure(child, RR.DS, r, served);
        return { ...reached, status, problem };
      }
      const rcode = r.message.flags & 0xf;
      // The name does not exist: the final answer is judged in this zone. Unless that answer is signed by
      // a zone further down: then this is an empty non-terminal a server wrongly denied, and the walk
      // goes on (a zone cut it skipped would only leave the next signatures without their keys).
      if (rcode === NXDOMAIN && toSigner && target.length > child.length) continue;
      if (rcode === NXDOMAIN) break;
      if (rcode !== NOERROR) return { ...reached, status: 'indeterminate', problem: rcodeProblem(child, RR.DS, rcode, r.server) };
      const ds = r.message.answer.filter((rr) => rr.type === RR.DS && namesEqual(rr.owner, child));
      if (ds.length > 0) {
        const j = judgeRrset(r.message.answer, child, RR.DS, reached.zone, reached.keys, this.verify);
        if (j.status !== 'secure') return this.record({ zone: child, keys: [], status: j.status, ...(j.problem ? { problem: j.problem } : {}) }, [], []);
        reached = await this.establish(child, { parent: reached.zone, ds: decodeAll(ds) }, served);
        continue;
      }
      if (r.message.answer.some((rr) => (rr.type === RR.CNAME && namesEqual(rr.owner, child)) || rr.type === RR.DNAME)) {
        if (toSigner && target.length > child.length) continue; // an alias on the way to the signer is no zone cut
        break;
      }
      const denial = checkDenial(r.message.authority, child, RR.DS, false, reached.zone, reached.keys, this.verify);
      this.noteNsec3(reached.zone, denial.nsec3);
      if (denial.delegation && denial.status !== 'bogus') {
        const how = denial.nsec3 ? (denial.nsec3.optOut ? 'an opt-out NSEC3 span' : 'NSEC3') : 'NSEC';
        const problem: ChainProblem = { code: 'NO_DS_PROVEN', message: `${nameToString(reached.zone)} proves with ${how} that ${nameToString(child)} has no DS: the delegation is unsigned` };
        return this.record({ zone: child, keys: [], status: 'insecure', problem }, [], []);
      }
      if (denial.status !== 'secure') return { ...reached, status: denial.status, ...(denial.problem ? { problem: denial.problem } : {}) };
    }
    return reached;
  }

  private async establish(zone: Name, via: { parent: Name; ds: Ds[] } | null, served: boolean): Promise<Reached> {
    const zoneText = nameToString(zone);
    const anchors = activeAnchors(this.opts.anchors, this.opts.now).filter((a) => namesEqual(a.owner, zone));
    const ds = via ? via.ds : anchors.flatMap((a) => (a.kind === 'ds' ? [{ keyTag: a.keyTag, algorithm: a.algorithm, digestType: a.digestType, digest: a.digest }] : []));
    const fail = (status: Verdict, problem: ChainProblem, keys: Uint8Array[] = []): Reached => this.record({ zone, keys: [], status, problem }, ds, keys);
    if (!via && anchors.length === 0) return fail('indeterminate', { code: 'NO_TRUST_ANCHOR_SIGNING', message: `no trust anchor is configured for ${zoneText}` });
    const r = await this.fetch(zone, RR.DNSKEY);
    if (!r.ok) {
      const { status, ...problem } = fetchFailure(zone, RR.DNSKEY, r, served);
      return fail(status, status === 'bogus' ? { ...problem, code: 'DNSKEY_MISSING' } : problem);
    }
    const rcode = r.message.flags & 0xf;
    if (rcode !== NOERROR) return fail('indeterminate', rcodeProblem(zone, RR.DNSKEY, rcode, r.server));
    const keys = r.message.answer.filter((rr) => rr.type === RR.DNSKEY && namesEqual(rr.owner, zone) && rr.rdata.length >= 4).map((rr) => rr.rdata);
    const server = { server: r.server };
    if (keys.length === 0) {
      const where = via ? `${zoneText} has DS records in ${nameToString(via.parent)}` : `${zoneText} has a trust anchor`;
      return fail('bogus', { code: 'DNSKEY_MISSING', message: `${where} but serves no DNSKEY`, ...server });
    }
    const validated = ds.filter((d) => digestPolicy(d.digestType, this.opts).validate && algorithmPolicy(d.algorithm, this.opts).validate);
    // RFC 4509 §3: with a SHA-256 (or stronger) digest present, SHA-1 DS records are ignored.
    const usable = validated.some((d) => d.digestType !== 1) ? validated.filter((d) => d.digestType !== 1) : validated;
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
    const algorithms = [...new Set([...usable.map((d) => d.algorithm), ...keyAnchors.filter((k) => k.length >= 4).map((k) => k[3]!)])];
    const gap = algorithmGap(j.algorithms, { zone, algorithms }, `${zoneText}/DNSKEY`);
    if (gap && this.opts.requireEveryAlgorithm) return fail('bogus', { ...gap, ...server }, keys);
    return this.record({ zone, keys, status: 'secure', algorithms }, ds, keys);
  }

  private record(reached: Reached, ds: Ds[], dnskeys: Uint8Array[]): Reached {
    this.links.set(nameToString(reached.zone).toLowerCase(), { zone: reached.zone, status: reached.status, ds, dnskeys, errors: reached.problem ? [reached.problem] : [] });
    return reached;
  }
}

const DS_EVIDENCE = new Set<number>([RR.DS, RR.NSEC]);

/**
 * The DS answers the referrals behind a response already hold: each referral carrying the cut's DS RRset
 * or its denial, rewritten as if it answered the DS query at that cut.
 */
export function referralDsAnswers(r: Fetched): Array<{ cut: Name; answer: Fetched }> {
  if (!r.ok) return [];
  return (r.referrals ?? []).flatMap((m) => {
    const cut = m.authority.find((rr) => rr.type === RR.NS)!.owner;
    const evidence = m.authority.some((rr) => (DS_EVIDENCE.has(rr.type) && namesEqual(rr.owner, cut)) || rr.type === RR.NSEC3);
    return evidence ? [{ cut, answer: asDsAnswer(m, cut, r.server) }] : [];
  });
}

/** The first algorithm the zone's DS RRset lists that no valid RRSIG over the RRset uses. */
function algorithmGap(signedWith: readonly number[], zone: { zone: Name; algorithms?: number[] }, label: string): ChainProblem | undefined {
  const missing = (zone.algorithms ?? []).find((a) => !signedWith.includes(a));
  if (missing === undefined) return undefined;
  return { code: 'MISSING_RRSIG_FOR_ALG_DS', message: `${label} has no valid RRSIG with algorithm ${missing}, which the DS RRset of ${nameToString(zone.zone)} lists` };
}

/** A referral as if it answered the DS query at its cut: the DS RRset moves to the answer section. */
function asDsAnswer(m: WireMessage, cut: Name, server: string): Fetched {
  const ds = rrsetWithSignatures(m.authority, cut, RR.DS);
  return { ok: true, server, message: { ...m, flags: m.flags & ~0xf, answer: ds, authority: m.authority.filter((rr) => !ds.includes(rr)) } };
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

/**
 * A failed DS or DNSKEY query for a zone proven signed. When the data itself was `served` but every server
 * answered this query with SERVFAIL, the answer cannot be validated and is bogus (RFC 4035 §5.2), as
 * validating resolvers treat stripped DNSSEC data; a timeout, or a server that fails every query, leaves
 * the scan indeterminate.
 */
function fetchFailure(name: Name, type: number, r: { code: string; server?: string }, served: boolean): ChainProblem & { status: Verdict } {
  return { ...unreachable(name, type, r), status: served && r.code === 'ENCSCAN_DNS_SERVFAIL' ? 'bogus' : 'indeterminate' };
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

/** The zone that signed the answer: the signer of an RRSIG at or above the name (in any section), else of the authority. */
function signerHint(message: WireMessage, name: Name): Name | undefined {
  const signer = (section: readonly WireRr[], near: boolean): Name | undefined => {
    for (const rr of section) {
      if (rr.type !== RR.RRSIG || (near && !isAtOrBelow(name, rr.owner))) continue;
      try {
        return decodeRrsig(rr.rdata).signerName;
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
      }
    }
    return undefined;
  };
  const sigs = [...message.answer, ...message.authority, ...message.additional];
  return signer(sigs, true) ?? signer(message.authority, false) ?? message.authority.find((rr) => rr.type === RR.SOA)?.owner;
}

/** The deepest configured anchor at or above `name`. */
function closestAnchor(anchors: readonly TrustAnchor[], name: Name): Name | undefined {
  let best: Name | undefined;
  for (const a of anchors) if (isAtOrBelow(name, a.owner) && (!best || a.owner.length > best.length)) best = a.owner;
  return best;
}

/** A DNAME in the answer at a proper ancestor of `name`, inside the zone. */
function dnameAbove(answer: readonly WireRr[], name: Name, zone: Name): WireRr | undefined {
  return answer.find((rr) => rr.type === RR.DNAME && isAtOrBelow(name, rr.owner) && !namesEqual(name, rr.owner) && isAtOrBelow(rr.owner, zone));
}

/** The DNAME substitution (RFC 6672 §2.2), or undefined when the result would be too long. */
function synthesize(name: Name, dname: WireRr): Name | undefined {
  try {
    const target = readName(dnsReader(dname.rdata));
    const result = [...name.slice(0, name.length - dname.owner.length), ...target];
    return nameToWire(result).length <= 255 ? result : undefined;
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    return undefined;
  }
}
