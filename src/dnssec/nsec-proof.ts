// NSEC denial of existence (RFC 4035 §3.1.3, §5.4): which NSEC records prove NODATA, NXDOMAIN, or the
// absence of DS at a delegation (RFC 4035 §5.2). Pure: the NSEC records' signatures are checked apart.
import { type Name, compareNames, isAtOrBelow, nameToString, namesEqual } from './name.js';
import type { ChainProblem } from './reasons.js';
import { RR, typeName } from './rr-types.js';

export interface NsecRecord {
  owner: Name;
  next: Name;
  types: readonly number[];
}

export type DenialProof =
  | { ok: true; kind: 'nodata' | 'empty-non-terminal' | 'nxdomain'; delegation: boolean; optOut?: boolean }
  | { ok: false; problem: ChainProblem };

/**
 * True when `name` sorts strictly inside the NSEC's span; the last NSEC's span wraps to the apex. An NSEC
 * whose next name lies outside its zone overreaches (it would deny other zones' names) and covers nothing.
 */
export function nsecCovers(nsec: NsecRecord, name: Name, zone: Name): boolean {
  if (!isAtOrBelow(name, zone) || !isAtOrBelow(nsec.next, zone) || compareNames(nsec.owner, name) >= 0) return false;
  return compareNames(nsec.next, nsec.owner) <= 0 || compareNames(name, nsec.next) < 0;
}

/**
 * NODATA for (name, type): an NSEC at the name without the type (or CNAME) in its bitmap, or, for an
 * empty non-terminal, an NSEC whose span ends below the name. `delegation` is true when the matching
 * NSEC shows an unsigned cut (NS without SOA): for type DS that proves the child insecure.
 */
export function proveNodata(name: Name, type: number, nsecs: readonly NsecRecord[], zone: Name): DenialProof {
  const at = nsecs.find((n) => namesEqual(n.owner, name));
  const label = `${nameToString(name)}/${typeName(type)}`;
  if (at) {
    if (at.types.includes(type) || at.types.includes(RR.CNAME)) {
      const which = at.types.includes(type) ? typeName(type) : 'CNAME';
      return fail('STYPE_IN_BITMAP', `the NSEC at ${nameToString(name)} lists ${which}, so it cannot deny ${label}`);
    }
    if (type === RR.DS && at.types.includes(RR.SOA)) {
      return fail('REFERRAL_WITH_SOA', `the NSEC denying ${label} comes from the child zone's apex, not from the parent`);
    }
    if (type !== RR.DS && at.types.includes(RR.NS) && !at.types.includes(RR.SOA)) {
      return fail('NO_NSEC_MATCHING_SNAME', `the NSEC at ${nameToString(name)} is the parent's side of a delegation, which can deny only DS, not ${label} (RFC 6840 §4.1)`);
    }
    return { ok: true, kind: 'nodata', delegation: at.types.includes(RR.NS) && !at.types.includes(RR.SOA) };
  }
  const ent = nsecs.find((n) => nsecCovers(n, name, zone) && isAtOrBelow(n.next, name) && !namesEqual(n.next, name));
  if (ent) return { ok: true, kind: 'empty-non-terminal', delegation: false };
  // Wildcard NODATA (RFC 4035 §3.1.3.4): the name is covered and the wildcard at its closest encloser lacks the type.
  const cover = nsecs.find((n) => nsecCovers(n, name, zone));
  if (cover) {
    const wildcard = [Uint8Array.of(0x2a), ...closestEncloser(name, cover, zone)];
    const at = nsecs.find((n) => namesEqual(n.owner, wildcard));
    if (at && !at.types.includes(type) && !at.types.includes(RR.CNAME)) return { ok: true, kind: 'nodata', delegation: false };
  }
  return fail('NO_NSEC_MATCHING_SNAME', `no NSEC record in ${nameToString(zone)} proves that ${label} does not exist`);
}

/** NXDOMAIN: an NSEC covering the name and one covering the wildcard at its closest encloser. */
export function proveNxdomain(name: Name, nsecs: readonly NsecRecord[], zone: Name): DenialProof {
  const cover = nsecs.find((n) => nsecCovers(n, name, zone));
  if (!cover) return fail('SNAME_NOT_COVERED', `no NSEC record in ${nameToString(zone)} covers ${nameToString(name)}, so its non-existence is not proven`);
  const encloser = closestEncloser(name, cover, zone);
  const wildcard = [Uint8Array.of(0x2a), ...encloser];
  if (!nsecs.some((n) => nsecCovers(n, wildcard, zone))) {
    return fail('WILDCARD_NOT_COVERED', `no NSEC record covers the wildcard ${nameToString(wildcard)}, so ${nameToString(name)} might exist by wildcard expansion`);
  }
  return { ok: true, kind: 'nxdomain', delegation: false };
}

function closestEncloser(name: Name, cover: NsecRecord, zone: Name): Name {
  for (let i = 1; i < name.length - zone.length; i++) {
    const ancestor = name.slice(i);
    if (isAtOrBelow(cover.owner, ancestor) || isAtOrBelow(cover.next, ancestor)) return ancestor;
  }
  return zone;
}

function fail(code: ChainProblem['code'], message: string): DenialProof {
  return { ok: false, problem: { code, message } };
}
