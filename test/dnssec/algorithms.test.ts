import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dnssecAlgorithmTable, rootAnchorTable } from '../../scripts/gen-dnssec-algorithms.mjs';
import { algorithmPolicy, digestPolicy } from '../../src/dnssec/algorithms.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

const validated = (opts: Parameters<typeof algorithmPolicy>[1]): number[] =>
  Array.from({ length: 256 }, (_, i) => i).filter((a) => algorithmPolicy(a, opts).validate);

describe('algorithm policy', () => {
  it('validates 5, 7, 8, 10, 13, 14, 15, 16 by default', () => expect(validated({})).toEqual([5, 7, 8, 10, 13, 14, 15, 16]));
  it('drops RSASHA1 and RSASHA1-NSEC3-SHA1 in strict mode (RFC 9905 §2)', () => expect(validated({ strictAlgorithms: true })).toEqual([8, 10, 13, 14, 15, 16]));
  it('adds DSA in legacy mode', () => expect(validated({ legacyAlgorithms: true })).toEqual([3, 5, 6, 7, 8, 10, 13, 14, 15, 16]));
  it('flags signing with deprecated algorithms', () => {
    expect([5, 7, 8, 10, 12, 13].map((a) => algorithmPolicy(a).useSigning)).toEqual(['MUST NOT', 'MUST NOT', 'RECOMMENDED', 'NOT RECOMMENDED', 'MUST NOT', 'RECOMMENDED']);
    expect([algorithmPolicy(5).updatedBy, algorithmPolicy(12).updatedBy, algorithmPolicy(8).updatedBy]).toEqual(['RFC 9905 §2', 'RFC 9906', undefined]);
    expect([algorithmPolicy(13).mnemonic, algorithmPolicy(99).mnemonic]).toEqual(['ECDSAP256SHA256', 'ALG99']);
  });
  it('validates DS digests 1, 2 and 4; GOST (3) is unsupported', () => {
    expect(Array.from({ length: 8 }, (_, i) => i).filter((d) => digestPolicy(d).validate)).toEqual([1, 2, 4]);
    expect(Array.from({ length: 8 }, (_, i) => i).filter((d) => digestPolicy(d, { strictAlgorithms: true }).validate)).toEqual([1, 2, 4]);
    expect([digestPolicy(1).useDelegation, digestPolicy(2).useDelegation, digestPolicy(3).updatedBy]).toEqual(['MUST NOT', 'RECOMMENDED', 'RFC 9906']);
  });
});

describe('generated tables', () => {
  it('algorithms.json and root-anchors.json are what scripts/gen-dnssec-algorithms.mjs writes', () => {
    const read = (f: string): unknown => JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'dnssec', f), 'utf8'));
    expect(read('algorithms.json')).toEqual(dnssecAlgorithmTable());
    expect(read('root-anchors.json')).toEqual(rootAnchorTable());
  });
});
