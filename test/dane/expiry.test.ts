import { describe, expect, it } from 'vitest';
import { matchExpiry } from '../../src/dane/expiry.js';

const d = (iso: string) => new Date(iso);
const CHAIN = [d('2027-03-01T00:00:00Z'), d('2027-01-01T00:00:00Z'), d('2030-01-01T00:00:00Z')];

describe('matchExpiry', () => {
  it.each([
    ['end-entity match: the leaf only', 0, '2027-03-01T00:00:00.000Z'],
    ['trust anchor at depth 1: the leaf below it', 1, '2027-03-01T00:00:00.000Z'],
    ['trust anchor at depth 2: leaf and intermediate, not the anchor', 2, '2027-01-01T00:00:00.000Z'],
    ['anchor from DNS beyond the chain sent', 5, '2027-01-01T00:00:00.000Z'],
  ] as const)('%s', (_, depth, want) => expect(matchExpiry(CHAIN, depth)?.toISOString()).toBe(want));

  it('is null without a match or a chain', () => {
    expect(matchExpiry(CHAIN, null)).toBeNull();
    expect(matchExpiry([], 0)).toBeNull();
  });
});
