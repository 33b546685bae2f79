// The NSEC records a signed lab zone sends to deny a name or a type (RFC 4035 §3.1.3): the NSEC at the
// name for NODATA, or the NSECs covering the name and the wildcard at its closest encloser for NXDOMAIN.
import { type Name, compareNames, isAtOrBelow, namesEqual } from '../dnssec/name.js';
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
