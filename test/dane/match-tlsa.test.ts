import { beforeAll, describe, expect, it } from 'vitest';
import { matchTlsa, type MatchInput } from '../../src/dane/match-tlsa.js';
import { labChain, NOW, tlsaFor, wrong, type LabChain } from './lab-chain.js';

let lab: LabChain;
beforeAll(async () => {
  lab = await labChain();
});

const input = (parts: Partial<MatchInput>): MatchInput => ({
  records: [],
  chain: [lab.leaf, lab.intermediate],
  roots: [],
  names: ['mx.example.test'],
  now: NOW,
  mode: 'https',
  ...parts,
});

const verdictOf = async (parts: Partial<MatchInput>): Promise<[string, number | null, string | null]> => {
  const r = await matchTlsa(input(parts));
  return [r.verdict, r.depth, r.failure];
};

describe('matchTlsa', () => {
  it('3 1 1 on the leaf authenticates at depth 0', async () => {
    const r = await matchTlsa(input({ records: [tlsaFor(lab.leaf, 3, 1, 1)] }));
    expect([r.verdict, r.depth]).toEqual(['valid', 0]);
    expect(r.records[0]).toMatchObject({ usable: true, status: 'authenticated', matched: true, depth: 0 });
    expect(r.records[0]!.cells.map((c) => [c.depth, c.source, c.matched])).toEqual([
      [0, 'chain', true],
      [1, 'chain', false],
    ]);
  });

  it('a wrong 3 1 1 fails with no match and an explained table', async () => {
    const r = await matchTlsa(input({ records: [wrong(tlsaFor(lab.leaf, 3, 1, 1))] }));
    expect([r.verdict, r.depth, r.failure]).toEqual(['invalid', null, 'no-match']);
    expect(r.records[0]).toMatchObject({ status: 'no-match', matched: false });
    expect(r.records[0]!.cells.every((c) => !c.matched)).toBe(true);
  });

  it('DANE-EE ignores names and dates', async () => {
    expect(await verdictOf({ chain: [lab.expiredLeaf], records: [tlsaFor(lab.expiredLeaf, 3, 1, 1)], names: ['elsewhere.test'] })).toEqual(['valid', 0, null]);
  });

  it('a 3 0 1 of the intermediate matches its cell but not the leaf', async () => {
    const r = await matchTlsa(input({ records: [tlsaFor(lab.intermediate, 3, 0, 1)] }));
    expect([r.verdict, r.failure]).toEqual(['invalid', 'no-match']);
    expect(r.records[0]!.cells.map((c) => c.matched)).toEqual([false, true]);
  });

  it('2 0 1 on the intermediate authenticates at depth 1 and checks names and dates', async () => {
    const ta = tlsaFor(lab.intermediate, 2, 0, 1);
    expect(await verdictOf({ records: [ta] })).toEqual(['valid', 1, null]);
    expect(await verdictOf({ records: [ta], names: ['other.example.test'] })).toEqual(['invalid', 1, 'name-mismatch']);
    expect(await verdictOf({ records: [ta], chain: [lab.expiredLeaf, lab.intermediate] })).toEqual(['invalid', 1, 'expired']);
  });

  it('2 0 1 on the root the server sends authenticates at depth 2', async () => {
    expect(await verdictOf({ records: [tlsaFor(lab.root, 2, 0, 1)], chain: [lab.leaf, lab.intermediate, lab.root] })).toEqual(['valid', 2, null]);
  });

  it('a trust anchor published in the record (2 0 0, 2 1 0) completes the chain', async () => {
    expect(await verdictOf({ records: [tlsaFor(lab.root, 2, 0, 0)] })).toEqual(['valid', 2, null]);
    expect(await verdictOf({ records: [tlsaFor(lab.root, 2, 1, 0)] })).toEqual(['valid', 1, null]);
    const r = await matchTlsa(input({ records: [tlsaFor(lab.otherRoot, 2, 0, 0)] }));
    expect([r.verdict, r.records[0]!.cells.at(-1)!.source]).toEqual(['invalid', 'dns']);
  });

  it('a trust anchor that is the leaf does not count', async () => {
    expect(await verdictOf({ records: [tlsaFor(lab.leaf, 2, 0, 1)] })).toEqual(['invalid', null, 'no-match']);
  });

  it('PKIX usages need PKIX validation', async () => {
    expect(await verdictOf({ records: [tlsaFor(lab.root, 0, 0, 1)], roots: [lab.root] })).toEqual(['valid', 2, null]);
    expect(await verdictOf({ records: [tlsaFor(lab.leaf, 1, 1, 1)], roots: [lab.root] })).toEqual(['valid', 0, null]);
    expect(await verdictOf({ records: [tlsaFor(lab.leaf, 1, 1, 1)], roots: [] })).toEqual(['invalid', 0, 'pkix-failed']);
    expect(await verdictOf({ records: [tlsaFor(lab.otherRoot, 0, 0, 1)], roots: [lab.root] })).toEqual(['invalid', null, 'no-match']);
  });

  it('SMTP makes PKIX usages unusable (RFC 7672 §3.1.3)', async () => {
    const r = await matchTlsa(input({ mode: 'smtp', records: [tlsaFor(lab.leaf, 1, 1, 1)], roots: [lab.root] }));
    expect([r.verdict, r.records[0]!.unusable]).toEqual(['none', 'pkix-usage-over-smtp']);
  });

  it('digest agility keeps only the strongest digest per usage and selector', async () => {
    const records = [wrong(tlsaFor(lab.leaf, 3, 1, 1)), tlsaFor(lab.leaf, 3, 1, 2), tlsaFor(lab.leaf, 3, 1, 0)];
    const rfc = await matchTlsa(input({ records: records.slice(0, 2) }));
    expect([rfc.verdict, rfc.records.map((r) => r.unusable ?? null)]).toEqual(['valid', ['weaker-digest', null]]);
    const openssl = await matchTlsa(input({ records: records.slice(0, 2), digestPreference: [1, 2] }));
    expect([openssl.verdict, openssl.records.map((r) => r.unusable ?? null)]).toEqual(['invalid', [null, 'weaker-digest']]);
    const full = await matchTlsa(input({ records: [records[0]!, records[2]!] }));
    expect([full.verdict, full.records.map((r) => r.usable)]).toEqual(['valid', [true, true]]);
  });

  it('unusable records are reported; none usable gives "none"', async () => {
    const bad = [
      { usage: 4, selector: 1, mtype: 1, data: new Uint8Array(32) },
      { usage: 3, selector: 2, mtype: 1, data: new Uint8Array(32) },
      { usage: 3, selector: 1, mtype: 9, data: new Uint8Array(32) },
      { usage: 3, selector: 1, mtype: 1, data: new Uint8Array(31) },
    ];
    const r = await matchTlsa(input({ records: bad }));
    expect([r.verdict, r.records.map((x) => x.unusable)]).toEqual(['none', ['unknown-usage', 'unknown-selector', 'unknown-matching-type', 'bad-digest-length']]);
    expect(await verdictOf({ records: [] })).toEqual(['none', null, null]);
  });

  it('no certificate or an undecodable leaf is invalid', async () => {
    expect(await verdictOf({ records: [tlsaFor(lab.leaf, 3, 1, 1)], chain: [] })).toEqual(['invalid', null, 'no-certificate']);
    expect(await verdictOf({ records: [tlsaFor(lab.leaf, 3, 1, 1)], chain: [new Uint8Array([0x30, 0x00])] })).toEqual(['invalid', null, 'no-certificate']);
  });

  it('the shallowest authenticated match decides the depth', async () => {
    expect(await verdictOf({ records: [tlsaFor(lab.intermediate, 2, 1, 1), tlsaFor(lab.leaf, 3, 1, 1)] })).toEqual(['valid', 0, null]);
  });
});
