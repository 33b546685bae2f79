// Maximum subscriber-certificate validity by issuance date: CA/Browser Forum Baseline
// Requirements §6.3.2 (as amended by ballot SC-081v3), keyed on notBefore.
// The BRs count validity inclusively: from notBefore to notAfter including both seconds,
// and any part of a day counts as a whole day (§1.6.4 "Validity Period", §6.3.2).

const DAY_S = 86_400;

/** Newest last; a certificate falls under the last rule whose `from` is not after its notBefore. */
export const LIFETIME_RULES: readonly { from: string; maxDays: number; source: string }[] = [
  { from: '2018-03-01T00:00:00Z', maxDays: 825, source: 'CA/B ballot 193' },
  { from: '2020-09-01T00:00:00Z', maxDays: 398, source: 'CA/B ballot SC31' },
  { from: '2026-03-15T00:00:00Z', maxDays: 200, source: 'CA/B ballot SC-081v3' },
  { from: '2027-03-15T00:00:00Z', maxDays: 100, source: 'CA/B ballot SC-081v3' },
  { from: '2029-03-15T00:00:00Z', maxDays: 47, source: 'CA/B ballot SC-081v3' },
];

/** Validity in BR days: inclusive of both ends, partial days rounded up. */
export function validityDays(notBefore: Date, notAfter: Date): number {
  const seconds = Math.floor(notAfter.getTime() / 1000) - Math.floor(notBefore.getTime() / 1000) + 1;
  return Math.ceil(seconds / DAY_S);
}

/** The rule in force at notBefore, or null before the first dated rule. */
export function lifetimeRule(notBefore: Date): { from: string; maxDays: number; source: string } | null {
  return LIFETIME_RULES.findLast((rule) => Date.parse(rule.from) <= notBefore.getTime()) ?? null;
}

/** Lifetime against the rule in force when the certificate was issued. */
export function checkLifetime(notBefore: Date, notAfter: Date): { days: number; maxDays: number | null; withinRule: boolean } {
  const days = validityDays(notBefore, notAfter);
  const maxDays = lifetimeRule(notBefore)?.maxDays ?? null;
  return { days, maxDays, withinRule: maxDays === null || days <= maxDays };
}
