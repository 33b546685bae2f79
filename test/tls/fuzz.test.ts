import { describe, expect, it } from 'vitest';
import { fuzz, fuzzTargets } from './fuzz-harness.js';

// 2,000 cases per parser here; scripts/fuzz-parsers.mjs runs 100,000 per parser against dist/.
const CASES = 2_000;
const SEED = 0x7e5c;

describe(`fuzzing every TLS parser (${CASES} random and mutated inputs each)`, () => {
  it.each(fuzzTargets().map((t) => [t.name, t] as const))('%s: only ENCSCAN_TLS_* DecodeErrors, exact re-encoding, no hang', (_, target) => {
    const r = fuzz(target, CASES, SEED);
    expect(r.failures).toEqual([]);
    expect(r.accepted + r.rejected).toBe(CASES);
    expect(r.accepted).toBeGreaterThan(0);
    expect(r.rejected).toBeGreaterThan(0);
    expect(r.maxMs).toBeLessThan(1_000);
  });
});
