import { describe, expect, it } from 'vitest';
import { checkLifetime, lifetimeRule, validityDays } from '../../src/pki/lifetime-rules.js';

const S = 1000;
const DAY = 86_400 * S;
/** A certificate issued at `from` whose validity is exactly `days` BR days (inclusive of both ends). */
const span = (from: string, days: number): [Date, Date] => [new Date(from), new Date(Date.parse(from) + days * DAY - S)];

describe('validityDays (inclusive, partial days round up)', () => {
  it.each([
    [0, 1], // notBefore = notAfter: one second, one day
    [DAY - S, 1],
    [DAY, 2], // 86,401 seconds
    [90 * DAY - S, 90],
  ])('%i ms apart: %i days', (ms, days) => expect(validityDays(new Date(0), new Date(ms))).toBe(days));
});

describe('lifetimeRule by notBefore', () => {
  it.each([
    ['2018-02-28T23:59:59Z', null],
    ['2018-03-01T00:00:00Z', 825],
    ['2020-08-31T23:59:59Z', 825],
    ['2020-09-01T00:00:00Z', 398],
    ['2026-03-14T23:59:59Z', 398],
    ['2026-03-15T00:00:00Z', 200],
    ['2027-03-14T23:59:59Z', 200],
    ['2027-03-15T00:00:00Z', 100],
    ['2029-03-14T23:59:59Z', 100],
    ['2029-03-15T00:00:00Z', 47],
    ['2040-01-01T00:00:00Z', 47],
  ])('%s: %s days', (notBefore, maxDays) => expect(lifetimeRule(new Date(notBefore))?.maxDays ?? null).toBe(maxDays));
});

describe('checkLifetime at each limit', () => {
  it.each([
    ['2020-09-01T00:00:00Z', 398],
    ['2026-03-15T00:00:00Z', 200],
    ['2027-03-15T00:00:00Z', 100],
    ['2029-03-15T00:00:00Z', 47],
  ])('issued %s: %i days pass, one second more fails', (from, max) => {
    const [nb, na] = span(from, max);
    expect(checkLifetime(nb, na)).toEqual({ days: max, maxDays: max, withinRule: true });
    expect(checkLifetime(nb, new Date(na.getTime() + S))).toEqual({ days: max + 1, maxDays: max, withinRule: false });
  });

  it('a 398-day certificate issued the second before 2026-03-15 is within its rule', () => {
    expect(checkLifetime(...span('2026-03-14T23:59:59Z', 398))).toEqual({ days: 398, maxDays: 398, withinRule: true });
  });

  it('before any dated rule: no limit', () => {
    expect(checkLifetime(...span('2015-01-01T00:00:00Z', 1200))).toEqual({ days: 1200, maxDays: null, withinRule: true });
  });
});
