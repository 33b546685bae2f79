// The NSEC or NSEC3 records a signed lab zone sends to deny a name or a type (RFC 4035 §3.1.3, RFC 5155
// §7.2): the NSEC at the name for NODATA, or the NSECs covering the name and the wildcard at its closest
// encloser for NXDOMAIN; the NSEC3 equivalents with the closest encloser proof.
import { type Name, compareNames, isAtOrBelow, namesEqual } from '../dnssec/name.js';
import { type Nsec3Record, Nsec3Set, toNsec3Record } from '../dnssec/nsec3-proof.js';
import { decodeNsec } from '../dnssec/rdata.js';
import type { LabRecord } from './zone.js';
import { labName } from './zone-signer.js';

interface Link {
  record: LabRecord;
  owner: Name;
  next: Name;
}

export function denialRecords(origin: string, byName: Map<string, LabRecord[]>, denial: { kind: 'nodata' | 'nxdomain'; name: string } | undefined): LabRecord[] {
  if (!denial) return [];
  const hashed = [...byName.values()].flat().filter((r) => r.type === 'NSEC3' && r.rdata);
  if (hashed.length > 0) return nsec3Denial(labName(origin), hashed, labName(denial.name), denial.kind);
  const chain: Link[] = [];
  for (const records of byName.values()) {
    for (const r of records) if (r.type === 'NSEC' && r.rdata) chain.push({ record: r, owner: labName(r.name), next: decodeNsec(r.rdata).nextName });
  }
  if (chain.length === 0) return [];
  const apex = labName(origin);
  const name = labName(denial.name);
  const out = new Set<LabRecord>();
  const matching = chain.find((l) => namesEqual(l.owner, name));
  if (matching) out.add(matching.record);
  else {
    const cover = covering(chain, name);
    if (cover) out.add(cover.record);
    if (denial.kind === 'nxdomain' && cover) {
      const encloser = closestEncloser(name, cover, apex);
      const wildcard = covering(chain, [Uint8Array.of(0x2a), ...encloser]);
      if (wildcard) out.add(wildcard.record);
    }
  }
  return [...out];
}

/** The NSEC whose span (owner, next) holds `name`; the last NSEC's span wraps to the apex. */
function covering(chain: Link[], name: Name): Link | undefined {
  return chain.find((l) => {
    const afterOwner = compareNames(l.owner, name) < 0;
    const wraps = compareNames(l.next, l.owner) <= 0;
    return afterOwner && (wraps || compareNames(name, l.next) < 0);
  });
}

/** The deepest ancestor of `name` that exists: shared with the covering NSEC's owner or next name. */
function closestEncloser(name: Name, cover: Link, apex: Name): Name {
  for (let i = 1; i <= name.length; i++) {
    const ancestor = name.slice(i);
    if (!isAtOrBelow(ancestor, apex)) break;
    if (isAtOrBelow(cover.owner, ancestor) || isAtOrBelow(cover.next, ancestor)) return ancestor;
  }
  return apex;
}

/**
 * The NSEC3 records of a denial (RFC 5155 §7.2): the match for NODATA; otherwise the closest encloser
 * proof (its match and the span over the next closer name), plus the span over its wildcard for NXDOMAIN.
 */
function nsec3Denial(apex: Name, records: LabRecord[], name: Name, kind: 'nodata' | 'nxdomain'): LabRecord[] {
  const byRecord = new Map<Nsec3Record, LabRecord>();
  for (const r of records) {
    const n3 = toNsec3Record(labName(r.name), r.rdata!, apex);
    if (n3) byRecord.set(n3, r);
  }
  const set = new Nsec3Set([...byRecord.keys()], apex);
  const lab = (r: Nsec3Record | undefined): LabRecord | undefined => r && byRecord.get(r);
  const match = (n: Name): LabRecord | undefined => lab(set.matching(n));
  const cover = (n: Name): LabRecord | undefined => lab(set.covering(n));
  const exact = match(name);
  if (exact && kind === 'nodata') return [exact];
  const out = new Set<LabRecord>();
  for (let i = 1; i <= name.length - apex.length; i++) {
    const encloser = name.slice(i);
    const at = match(encloser);
    if (!at) continue;
    out.add(at);
    const next = cover(name.slice(i - 1));
    if (next) out.add(next);
    const wildcard = kind === 'nxdomain' ? cover([Uint8Array.of(0x2a), ...encloser]) : match([Uint8Array.of(0x2a), ...encloser]);
    if (wildcard) out.add(wildcard);
    break;
  }
  return [...out];
}
