// Authenticated denial in a response (RFC 4035 §5.4, RFC 5155 §8): the NSEC or NSEC3 records of the
// authority section, each RRset's signature checked with the zone's keys, then the proof for the
// question. NSEC3 parameters follow RFC 9276: iterations above the limit make the answer insecure.
import { DecodeError } from '../engine/errors.js';
import { type Name, isAtOrBelow, nameToString, namesEqual, rrsigLabelCount } from './name.js';
import { type NsecRecord, nsecCovers, proveNodata, proveNxdomain, type DenialProof } from './nsec-proof.js';
import { NSEC3_OPT_OUT, type Nsec3Record, Nsec3Set, proveNodata3, proveNxdomain3, proveWildcardAnswer3, toNsec3Record } from './nsec3-proof.js';
import { type Nsec3Param, decodeNsec } from './rdata.js';
import type { ChainProblem } from './reasons.js';
import { judgeRrset } from './rrset-check.js';
import { RR } from './rr-types.js';
import type { VerifyOptions } from './verify-rrsig.js';
import type { WireRr } from './wire.js';

/**
 * Above this many extra iterations an NSEC3 proof is treated as insecure (RFC 9276 §3.2 lets
 * validators pick the limit; 150 is the one Unbound and BIND apply).
 */
export const NSEC3_MAX_ITERATIONS = 150;

export interface DenialResult {
  status: 'secure' | 'insecure' | 'bogus';
  problem?: ChainProblem;
  /** The proof shows an unsigned delegation at the name (NS without DS, or an opt-out span). */
  delegation?: boolean;
  /** The NSEC3 parameters the proof used, for the RFC 9276 report. */
  nsec3?: Nsec3Param & { optOut: boolean };
}

interface Collected {
  nsecs: NsecRecord[];
  nsec3s: Nsec3Record[];
  failure?: DenialResult;
}

/** The zone's signed NSEC and NSEC3 records in `section`; the first bad signature ends the search. */
function collect(section: readonly WireRr[], zone: Name, keys: readonly Uint8Array[], opts: VerifyOptions): Collected {
  const out: Collected = { nsecs: [], nsec3s: [] };
  const seen: Name[] = [];
  for (const rr of section) {
    if ((rr.type !== RR.NSEC && rr.type !== RR.NSEC3) || !isAtOrBelow(rr.owner, zone) || seen.some((n) => namesEqual(n, rr.owner))) continue;
    seen.push(rr.owner);
    const j = judgeRrset(section, rr.owner, rr.type, zone, keys, opts);
    if (j.status !== 'secure') return { ...out, failure: { status: j.status, ...(j.problem ? { problem: j.problem } : {}) } };
    // An NSEC synthesised from a wildcard says nothing about the names around its owner (CVE-2017-15105).
    if (j.labels < rrsigLabelCount(rr.owner)) continue;
    for (const r of section.filter((x) => x.type === rr.type && namesEqual(x.owner, rr.owner))) {
      if (rr.type === RR.NSEC3) {
        const n3 = toNsec3Record(r.owner, r.rdata, zone);
        if (n3) out.nsec3s.push(n3);
        continue;
      }
      try {
        const nsec = decodeNsec(r.rdata);
        out.nsecs.push({ owner: r.owner, next: nsec.nextName, types: nsec.types });
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
        return { ...out, failure: { status: 'bogus', problem: { code: 'SIGNATURE_INVALID', message: `the NSEC at ${nameToString(r.owner)} is malformed` } } };
      }
    }
  }
  return out;
}

/** The NSEC3 records with the parameters of the first usable one, or why they cannot prove anything. */
function nsec3Chain(records: readonly Nsec3Record[], zone: Name): { set: Nsec3Set; params: DenialResult['nsec3'] } | DenialResult {
  const first = records[0];
  if (!first) return { status: 'insecure', problem: { code: 'NSEC3_UNSUPPORTED', message: `the NSEC3 records of ${nameToString(zone)} use an unknown hash algorithm or flags` } };
  const params = { hashAlgorithm: first.hashAlgorithm, flags: first.flags, iterations: first.iterations, salt: first.salt, optOut: (first.flags & NSEC3_OPT_OUT) !== 0 };
  if (first.iterations > NSEC3_MAX_ITERATIONS) {
    return { status: 'insecure', nsec3: params, problem: { code: 'NSEC3_ITERATIONS_TOO_HIGH', message: `${nameToString(zone)} uses ${first.iterations} NSEC3 iterations, above the limit of ${NSEC3_MAX_ITERATIONS} validators apply` } };
  }
  const same = records.filter((r) => r.hashAlgorithm === first.hashAlgorithm && r.iterations === first.iterations && Buffer.compare(r.salt, first.salt) === 0);
  return { set: new Nsec3Set(same, zone), params };
}

/** Checks the denial of (name, type) in a negative response signed by `zone`. */
export function checkDenial(section: readonly WireRr[], name: Name, type: number, nx: boolean, zone: Name, keys: readonly Uint8Array[], opts: VerifyOptions): DenialResult {
  const found = collect(section, zone, keys, opts);
  if (found.failure) return found.failure;
  const hasNsec3 = section.some((rr) => rr.type === RR.NSEC3 && isAtOrBelow(rr.owner, zone));
  if (found.nsecs.length > 0 || !hasNsec3) return fromProof(nx ? proveNxdomain(name, found.nsecs, zone) : proveNodata(name, type, found.nsecs, zone));
  const chain = nsec3Chain(found.nsec3s, zone);
  if ('status' in chain) return chain;
  const proof = nx ? proveNxdomain3(chain.set, name) : proveNodata3(chain.set, name, type);
  const result = { ...fromProof(proof), nsec3: chain.params };
  if (proof.ok && proof.optOut) {
    return { ...result, status: 'insecure', problem: optOutProblem(name, zone) };
  }
  return result;
}

/**
 * A positive answer expanded from a wildcard (RRSIG labels below the owner's) must come with proof that
 * the name itself does not exist (RFC 4035 §5.3.4, RFC 5155 §8.8).
 */
export function checkWildcardAnswer(section: readonly WireRr[], name: Name, labels: number, zone: Name, keys: readonly Uint8Array[], opts: VerifyOptions): DenialResult {
  const found = collect(section, zone, keys, opts);
  if (found.failure) return found.failure;
  const source = `*.${nameToString(name.slice(name.length - labels))}`;
  if (found.nsecs.some((n) => nsecCovers(n, name, zone))) return { status: 'secure' };
  if (found.nsec3s.length > 0) {
    const chain = nsec3Chain(found.nsec3s, zone);
    if ('status' in chain) return chain;
    const proof = proveWildcardAnswer3(chain.set, name, labels);
    if ('code' in proof) return { status: 'bogus', problem: proof, nsec3: chain.params };
    if (proof.optOut) return { status: 'insecure', nsec3: chain.params, problem: optOutProblem(name, zone) };
    return { status: 'secure', nsec3: chain.params };
  }
  return { status: 'bogus', problem: { code: 'WILDCARD_NOT_PROVEN', message: `${nameToString(name)} was answered from the wildcard ${source} without proof that the name itself does not exist` } };
}

function optOutProblem(name: Name, zone: Name): ChainProblem {
  return { code: 'NSEC3_OPT_OUT', message: `${nameToString(name)} falls in an opt-out NSEC3 span of ${nameToString(zone)}, so it may be below an unsigned delegation` };
}

function fromProof(proof: DenialProof): DenialResult {
  return proof.ok ? { status: 'secure', delegation: proof.delegation } : { status: 'bogus', problem: proof.problem };
}
