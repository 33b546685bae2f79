// NSEC3 denial of existence (RFC 5155 §8): the closest encloser proof, NXDOMAIN, NODATA, the DS
// denial at a delegation (with opt-out), wildcard NODATA and the proof behind a wildcard answer.
// Pure: the NSEC3 records' signatures are checked apart, and their parameters judged by the caller.
import { compareBytes } from '../codec/bytes.js';
import { DecodeError } from '../engine/errors.js';
import { base32hexDecode } from './base32hex.js';
import { type Name, isAtOrBelow, nameToString, namesEqual } from './name.js';
import { nsec3Hash } from './nsec3-hash.js';
import type { DenialProof } from './nsec-proof.js';
import { type Nsec3, decodeNsec3 } from './rdata.js';
import type { ChainProblem } from './reasons.js';
import { RR, typeName } from './rr-types.js';

export interface Nsec3Record extends Nsec3 {
  owner: Name;
  /** The hash in the owner's first label. */
  hash: Uint8Array;
}

/** The opt-out flag (RFC 5155 §3.1.2.1); any other flag bit makes the record unusable (§8.2). */
export const NSEC3_OPT_OUT = 0x01;

/** Decodes an NSEC3 RR of `zone`, or undefined when it is not one of the zone's usable NSEC3 records. */
export function toNsec3Record(owner: Name, rdata: Uint8Array, zone: Name): Nsec3Record | undefined {
  if (owner.length !== zone.length + 1 || !isAtOrBelow(owner, zone)) return undefined;
  try {
    const nsec3 = decodeNsec3(rdata);
    const hash = base32hexDecode(Buffer.from(owner[0]!).toString('latin1'));
    if ((nsec3.flags & ~NSEC3_OPT_OUT) !== 0 || hash.length !== nsec3.nextHashedOwner.length) return undefined;
    return { ...nsec3, owner, hash };
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    return undefined;
  }
}

/** The NSEC3 records of one response for one zone, hashing each name once per parameter set. */
export class Nsec3Set {
  private readonly hashes = new Map<string, Uint8Array | undefined>();

  constructor(
    readonly records: readonly Nsec3Record[],
    readonly zone: Name,
  ) {}

  private hashOf(name: Name, r: Nsec3Record): Uint8Array | undefined {
    const key = `${nameToString(name).toLowerCase()}|${r.hashAlgorithm}|${r.iterations}|${Buffer.from(r.salt).toString('hex')}`;
    if (!this.hashes.has(key)) this.hashes.set(key, nsec3Hash(name, r.salt, r.iterations, r.hashAlgorithm));
    return this.hashes.get(key);
  }

  matching(name: Name): Nsec3Record | undefined {
    return this.records.find((r) => {
      const h = this.hashOf(name, r);
      return h !== undefined && compareBytes(h, r.hash) === 0;
    });
  }

  /** The record whose span (hash, next) holds H(name) strictly; the last span wraps around. */
  covering(name: Name): Nsec3Record | undefined {
    return this.records.find((r) => {
      const h = this.hashOf(name, r);
      if (h === undefined) return false;
      const afterOwner = compareBytes(h, r.hash) > 0;
      const beforeNext = compareBytes(h, r.nextHashedOwner) < 0;
      return compareBytes(r.nextHashedOwner, r.hash) <= 0 ? afterOwner || beforeNext : afterOwner && beforeNext;
    });
  }
}

interface Encloser {
  encloser: Name;
  /** The NSEC3 matching the closest encloser, and the one covering the next closer name. */
  at: Nsec3Record;
  cover: Nsec3Record;
}

/** RFC 5155 §8.3: the deepest existing ancestor of `name` proven by a match, its child covered. */
export function closestEncloser(set: Nsec3Set, name: Name): Encloser | ChainProblem {
  for (let i = 1; i <= name.length - set.zone.length; i++) {
    const candidate = name.slice(i);
    const at = set.matching(candidate);
    if (!at) continue;
    const nextCloser = name.slice(i - 1);
    const cover = set.covering(nextCloser);
    if (!cover) return problem('SNAME_NOT_COVERED', `no NSEC3 record in ${nameToString(set.zone)} covers ${nameToString(nextCloser)}, so the non-existence of ${nameToString(name)} is not proven`);
    if (at.types.includes(RR.DNAME) || (at.types.includes(RR.NS) && !at.types.includes(RR.SOA) && !namesEqual(candidate, set.zone))) {
      return problem('NO_NSEC_MATCHING_SNAME', `the closest encloser ${nameToString(candidate)} is a delegation or DNAME, so ${nameToString(set.zone)} cannot deny names below it`);
    }
    return { encloser: candidate, at, cover };
  }
  return problem('NO_CLOSEST_ENCLOSER', `no NSEC3 record in ${nameToString(set.zone)} matches an ancestor of ${nameToString(name)}`);
}

/** NXDOMAIN (§8.4): the closest encloser proof and a covered wildcard at the closest encloser. */
export function proveNxdomain3(set: Nsec3Set, name: Name): DenialProof {
  const ce = closestEncloser(set, name);
  if ('code' in ce) return { ok: false, problem: ce };
  const wildcard = [Uint8Array.of(0x2a), ...ce.encloser];
  if (!set.covering(wildcard)) return fail('WILDCARD_NOT_COVERED', `no NSEC3 record covers the wildcard ${nameToString(wildcard)}, so ${nameToString(name)} might exist by wildcard expansion`);
  return { ok: true, kind: 'nxdomain', delegation: false, optOut: (ce.cover.flags & NSEC3_OPT_OUT) !== 0 };
}

/**
 * NODATA (§8.5-§8.7): the NSEC3 at the name without the type; for DS, a delegation without DS or an
 * opt-out span covering it; otherwise the wildcard at the closest encloser without the type.
 */
export function proveNodata3(set: Nsec3Set, name: Name, type: number): DenialProof {
  const label = `${nameToString(name)}/${typeName(type)}`;
  const at = set.matching(name);
  if (at) {
    if (at.types.includes(type) || at.types.includes(RR.CNAME)) {
      return fail('STYPE_IN_BITMAP', `the NSEC3 for ${nameToString(name)} lists ${at.types.includes(type) ? typeName(type) : 'CNAME'}, so it cannot deny ${label}`);
    }
    if (type === RR.DS && at.types.includes(RR.SOA) && !namesEqual(name, [])) {
      return fail('REFERRAL_WITH_SOA', `the NSEC3 denying ${label} comes from the child zone's apex, not from the parent`);
    }
    if (type !== RR.DS && at.types.includes(RR.NS) && !at.types.includes(RR.SOA)) {
      return fail('NO_NSEC_MATCHING_SNAME', `the NSEC3 for ${nameToString(name)} is the parent's side of a delegation, which can deny only DS, not ${label} (RFC 6840 §4.1)`);
    }
    return { ok: true, kind: 'nodata', delegation: at.types.includes(RR.NS) && !at.types.includes(RR.SOA), optOut: false };
  }
  const ce = closestEncloser(set, name);
  if ('code' in ce) return { ok: false, problem: { code: 'NO_NSEC_MATCHING_SNAME', message: `no NSEC3 record in ${nameToString(set.zone)} proves that ${label} does not exist` } };
  // An opt-out span may hide an unsigned delegation at or above the name (§9.2): no secure denial.
  if ((ce.cover.flags & NSEC3_OPT_OUT) !== 0) return { ok: true, kind: 'nodata', delegation: type === RR.DS, optOut: true };
  if (type === RR.DS) return fail('NO_NSEC_MATCHING_SNAME', `no NSEC3 record in ${nameToString(set.zone)} matches ${nameToString(name)}, and the span covering it is not opt-out`);
  const wildcard = set.matching([Uint8Array.of(0x2a), ...ce.encloser]);
  if (!wildcard || wildcard.types.includes(type) || wildcard.types.includes(RR.CNAME)) {
    return fail('NO_NSEC_MATCHING_SNAME', `no NSEC3 record in ${nameToString(set.zone)} proves that ${label} does not exist`);
  }
  return { ok: true, kind: 'nodata', delegation: false, optOut: false };
}

/** A wildcard answer (§8.8): the next closer name below the wildcard's parent must be covered. */
export function proveWildcardAnswer3(set: Nsec3Set, name: Name, rrsigLabels: number): ChainProblem | { optOut: boolean } {
  const nextCloser = name.slice(name.length - rrsigLabels - 1);
  const cover = set.covering(nextCloser);
  if (cover) return { optOut: (cover.flags & NSEC3_OPT_OUT) !== 0 };
  return { code: 'WILDCARD_NOT_PROVEN', message: `${nameToString(name)} was answered from the wildcard *.${nameToString(name.slice(name.length - rrsigLabels))} but no NSEC3 record proves that ${nameToString(nextCloser)} does not exist` };
}

function problem(code: ChainProblem['code'], message: string): ChainProblem {
  return { code, message };
}

function fail(code: ChainProblem['code'], message: string): DenialProof {
  return { ok: false, problem: { code, message } };
}
