// NSEC proofs that must not be accepted: an NSEC whose span leaves its zone (Unbound's
// val_nx_overreach), and the parent's NSEC at a delegation used to deny anything but DS (RFC 6840 §4.1).
import { describe, expect, it } from 'vitest';
import { parseName } from '../../src/dnssec/name.js';
import { type NsecRecord, nsecCovers, proveNodata, proveNxdomain } from '../../src/dnssec/nsec-proof.js';
import { RR } from '../../src/dnssec/rr-types.js';

const zone = parseName('example.com.');
const nsec = (owner: string, next: string, types: number[]): NsecRecord => ({ owner: parseName(owner), next: parseName(next), types });

describe('NSEC span', () => {
  it('covers names inside the zone between owner and next', () => {
    expect(nsecCovers(nsec('wab.example.com.', 'wzz.example.com.', [RR.A]), parseName('www.example.com.'), zone)).toBe(true);
  });

  it('covers nothing when its next name lies outside the zone', () => {
    const overreach = nsec('wab.example.com.', 'wzz.foo.com.', [RR.A]);
    expect(nsecCovers(overreach, parseName('www.example.com.'), zone)).toBe(false);
    const proof = proveNxdomain(parseName('www.example.com.'), [nsec('example.com.', 'abc.example.com.', [RR.SOA, RR.NS]), overreach], zone);
    expect(proof).toMatchObject({ ok: false, problem: { code: 'SNAME_NOT_COVERED' } });
  });
});

describe('NODATA at a delegation', () => {
  const cut = [nsec('www.example.com.', 'example.com.', [RR.NS, RR.DS, RR.RRSIG, RR.NSEC])];

  it('denies only DS, never the child zone data', () => {
    expect(proveNodata(parseName('www.example.com.'), RR.A, cut, zone)).toMatchObject({ ok: false, problem: { code: 'NO_NSEC_MATCHING_SNAME' } });
  });

  it('still proves the delegation unsigned for DS when DS is absent', () => {
    const unsigned = [nsec('www.example.com.', 'example.com.', [RR.NS, RR.RRSIG, RR.NSEC])];
    expect(proveNodata(parseName('www.example.com.'), RR.DS, unsigned, zone)).toEqual({ ok: true, kind: 'nodata', delegation: true });
  });
});
