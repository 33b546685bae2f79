// The replay scripts were written for a caching resolver: Unbound answers many of their later queries
// from what earlier steps left in its cache, so the fake network holds no canned answer for them. This
// wrapper gives encscan's walk the same memory, and nothing more: every answer it hands out is one a
// server of the script sent (or its DNAME / NSEC records, re-used as a cache would), and the validator
// still checks every signature and proof in it.
//
// - exact answers per (name, type), kept across the script's steps;
// - the DS RRset or its denial that a referral carried, as the answer to the DS query at that cut;
// - a CNAME that answered another type at a name answers the CNAME query there (RFC 1034 §3.6.2);
// - when the network has no answer: a cached CNAME at the name, a cached DNAME above it (RFC 6672 §3.2)
//   and, unless the script says `aggressive-nsec: no` (on by default since Unbound 1.16), a cached NSEC
//   (or NSEC3) that matches or covers the name (RFC 8198 §5.1), except below a `domain-insecure` name (a negative
//   trust anchor, RFC 7646), where Unbound does not synthesize.
import { type Fetch, type Fetched, referralDsAnswers } from '../../../src/dnssec/chain.js';
import { type Name, isAtOrBelow, nameToString, namesEqual } from '../../../src/dnssec/name.js';
import { nsecCovers } from '../../../src/dnssec/nsec-proof.js';
import { nsec3HashLabel } from '../../../src/dnssec/nsec3-hash.js';
import { decodeNsec, decodeNsec3, decodeRrsig } from '../../../src/dnssec/rdata.js';
import { rrsetWithSignatures } from '../../../src/dnssec/rrset-check.js';
import { RR } from '../../../src/dnssec/rr-types.js';
import type { WireMessage, WireRr } from '../../../src/dnssec/wire.js';

const NXDOMAIN = 3;

export function cachingFetch(fetch: Fetch, opts: { aggressiveNsec: boolean; domainInsecure: readonly Name[] }): Fetch {
  const exact = new Map<string, Fetched>();
  const seen: Array<{ message: WireMessage; server: string }> = [];
  const key = (n: Name, t: number): string => `${nameToString(n).toLowerCase()}/${t}`;
  const keep = (n: Name, t: number, got: Fetched): void => {
    if (!exact.has(key(n, t))) exact.set(key(n, t), got);
  };
  const remember = (n: Name, t: number, got: Fetched & { ok: true }): void => {
    keep(n, t, got);
    for (const { cut, answer } of referralDsAnswers(got)) keep(cut, RR.DS, answer);
    if (got.message.answer.some((rr) => rr.type === RR.CNAME && namesEqual(rr.owner, n))) keep(n, RR.CNAME, got);
    seen.push({ message: got.message, server: got.server });
  };
  const fromCache = (n: Name, t: number): Fetched | undefined => {
    const alias = exact.get(key(n, RR.CNAME));
    if (alias?.ok && alias.message.answer.some((rr) => rr.type === RR.CNAME && namesEqual(rr.owner, n))) return alias;
    for (const { message, server } of seen) {
      const dname = message.answer.find((rr) => rr.type === RR.DNAME && isAtOrBelow(n, rr.owner) && !namesEqual(n, rr.owner));
      if (dname) return reply(message, server, 0, rrsetWithSignatures(message.answer, dname.owner, RR.DNAME), []);
    }
    if (!opts.aggressiveNsec || opts.domainInsecure.some((d) => isAtOrBelow(n, d))) return undefined;
    for (const { message, server } of seen) {
      for (const d of denialsOf(message.authority, n)) {
        if (d.matches && !d.types.includes(t) && !d.types.includes(RR.CNAME)) return reply(message, server, 0, [], message.authority);
        if (d.covers) return reply(message, server, NXDOMAIN, [], message.authority);
      }
    }
    return undefined;
  };
  return async (n, t) => {
    const hit = exact.get(key(n, t));
    if (hit) return hit;
    const got = await fetch(n, t);
    if (got.ok) remember(n, t, got);
    return got.ok ? got : (fromCache(n, t) ?? got);
  };
}

function reply(m: WireMessage, server: string, rcode: number, answer: WireRr[], authority: WireRr[]): Fetched {
  return { ok: true, server, message: { ...m, flags: (m.flags & ~0xf) | rcode, answer, authority, additional: [] } };
}

/**
 * What each NSEC or NSEC3 record of a section says about `name`: whether it is the record at the name
 * (with the types there) or an NSEC span that covers it. NSEC3 spans are not used: an NXDOMAIN proof
 * from them needs the closest encloser, which a cache of single records does not keep together.
 */
function denialsOf(section: readonly WireRr[], name: Name): Array<{ matches: boolean; covers: boolean; types: readonly number[] }> {
  return section.flatMap((rr) => {
    try {
      if (rr.type === RR.NSEC) {
        const sig = rrsetWithSignatures(section, rr.owner, RR.NSEC).find((s) => s.type === RR.RRSIG);
        const zone = sig && decodeRrsig(sig.rdata).signerName;
        if (!zone || !isAtOrBelow(name, zone)) return [];
        const { nextName, types } = decodeNsec(rr.rdata);
        return [{ matches: namesEqual(rr.owner, name), covers: nsecCovers({ owner: rr.owner, next: nextName, types }, name, zone), types }];
      }
      if (rr.type === RR.NSEC3 && rr.owner.length > 0 && isAtOrBelow(name, rr.owner.slice(1))) {
        const { salt, iterations, hashAlgorithm, types } = decodeNsec3(rr.rdata);
        const label = nsec3HashLabel(name, salt, iterations, hashAlgorithm);
        return [{ matches: label !== undefined && label === new TextDecoder().decode(rr.owner[0]).toLowerCase(), covers: false, types }];
      }
    } catch {
      // a record the cache cannot read says nothing
    }
    return [];
  });
}
