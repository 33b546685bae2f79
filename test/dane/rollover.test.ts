import { beforeAll, describe, expect, it } from 'vitest';
import { matchTlsa } from '../../src/dane/match-tlsa.js';
import { rolloverReadiness } from '../../src/dane/rollover.js';
import type { TlsaRecord } from '../../src/dane/tlsa-record.js';
import { labChain, NOW, tlsaFor, wrong, type LabChain } from './lab-chain.js';

let lab: LabChain;
beforeAll(async () => {
  lab = await labChain();
});

async function readiness(records: (l: LabChain) => TlsaRecord[]): Promise<[boolean, string]> {
  const r = await matchTlsa({ records: records(lab), chain: [lab.leaf, lab.intermediate], roots: [], names: ['mx.example.test'], now: NOW, mode: 'smtp' });
  const out = rolloverReadiness(r.records);
  return [out.ready, out.code];
}

describe('rolloverReadiness', () => {
  it.each([
    ['current leaf key + next leaf key', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 1), tlsaFor(l.nextLeaf, 3, 1, 1)], [true, 'next-key']],
    ['leaf key + issuing intermediate', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 1), tlsaFor(l.intermediate, 2, 0, 1)], [true, 'issuer-ca']],
    ['intermediate + leaf key', (l: LabChain) => [tlsaFor(l.intermediate, 2, 1, 1), tlsaFor(l.leaf, 3, 1, 1)], [true, 'next-key']],
    ['one record', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 1)], [false, 'single-record']],
    ['fooled: the same record twice', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 1), tlsaFor(l.leaf, 3, 1, 1)], [false, 'duplicate']],
    ['fooled: the same key as cert and SPKI', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 1), tlsaFor(l.leaf, 3, 0, 1)], [false, 'duplicate']],
    ['fooled: the same CA as cert and SPKI', (l: LabChain) => [tlsaFor(l.intermediate, 2, 0, 1), tlsaFor(l.intermediate, 2, 1, 1)], [false, 'duplicate']],
    ['fooled: an unrelated trust anchor', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 1), tlsaFor(l.otherRoot, 2, 0, 1)], [false, 'unrelated-ta']],
    ['fooled: usage 3 on the intermediate', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 1), tlsaFor(l.intermediate, 3, 0, 1)], [false, 'duplicate']],
    ['fooled: a weaker digest of a next key', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 2), tlsaFor(l.nextLeaf, 3, 1, 1)], [false, 'single-record']],
    ['fooled: PKIX usage over SMTP', (l: LabChain) => [tlsaFor(l.leaf, 3, 1, 1), tlsaFor(l.nextLeaf, 1, 1, 1)], [false, 'single-record']],
    ['nothing matches today', (l: LabChain) => [wrong(tlsaFor(l.leaf, 3, 1, 1)), tlsaFor(l.nextLeaf, 3, 1, 1)], [false, 'no-valid-match']],
  ] as const)('%s', async (_label, records, want) => {
    expect(await readiness(records)).toEqual(want);
  });
});
