// Unbound's validator replay scenarios (fixtures/corpora/unbound-dnssec/rpl) through encscan's own
// resolver and validator, over a fake loopback network built from each script's canned answers. Every
// check whose verdict differs from Unbound's is listed in known-differences.json with its reason; the
// list must be exact, so a fix or a regression both show up here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { parseRpl } from './replay/rpl.js';
import { runReplay } from './replay/run-replay.js';

const DIR = join(PACKAGE_ROOT, 'fixtures', 'corpora', 'unbound-dnssec');
interface IndexCase {
  file: string;
  steps: Array<{ step: number; type: string; expected_outcome?: string }>;
}
interface Difference {
  file: string;
  step: number;
  expected: string;
  encscan: string;
  reason: string;
}
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { cases: IndexCase[] };
const known = JSON.parse(readFileSync(join(DIR, 'known-differences.json'), 'utf8')) as { differences: Difference[] };
/** Scripts whose zones are signed with DSA (algorithms 3 and 6): Unbound's own data, verified in legacy mode. */
const DSA_RRSIG = /\bRRSIG\s+[A-Z0-9]+\s+(3|6|DSA|DSA-NSEC3-SHA1)\s/i;

/** Unbound's outcome classes: a query without DO or AD, or with CD, never shows AD, so secure reads as insecure there. */
function outcome(status: string, queryFlags: readonly string[]): string {
  if (status === 'bogus' || status === 'not-run') return status;
  const adVisible = (queryFlags.includes('DO') || queryFlags.includes('AD')) && !queryFlags.includes('CD');
  return status === 'secure' && adVisible ? 'secure' : 'insecure_or_indeterminate';
}

it('agrees with Unbound on every replay check but the listed differences', async () => {
  const got: Difference[] = [];
  const counts = { all: [0, 0], nonDsa: [0, 0] };
  for (const c of index.cases) {
    const text = readFileSync(join(DIR, c.file), 'utf8');
    const script = parseRpl(text);
    const expectedAt = (step: number): string => c.steps.find((s) => s.step === step)!.expected_outcome!;
    const tally = (agrees: boolean): void => {
      for (const k of DSA_RRSIG.test(text) ? (['all'] as const) : (['all', 'nonDsa'] as const)) {
        counts[k][0]! += agrees ? 1 : 0;
        counts[k][1]! += 1;
      }
    };
    const { checks } = await runReplay(script);
    for (const chk of checks) {
      const mine = outcome(chk.status, chk.queryFlags);
      const expected = expectedAt(chk.step);
      tally(mine === expected);
      if (mine !== expected) got.push({ file: c.file, step: chk.step, expected, encscan: `${chk.status} ${chk.reason}`, reason: chk.misses.length > 0 ? `unanswered: ${chk.misses.join(', ')}` : '' });
    }
  }
  const pct = (k: keyof typeof counts): string => `${counts[k][0]}/${counts[k][1]} (${((100 * counts[k][0]!) / counts[k][1]!).toFixed(1)} %)`;
  console.log(`unbound replay checks: ${pct('all')} agree; without DSA-signed scripts: ${pct('nonDsa')}`);
  const key = (d: Difference): string => `${d.file} ${d.step}: expected ${d.expected}, encscan ${d.encscan}`;
  for (const d of got.filter((g) => g.reason && !known.differences.some((k) => key(k) === key(g)))) console.log(`${key(d)} (${d.reason})`);
  expect(got.map(key)).toEqual(known.differences.map(key));
  expect(known.differences.every((d) => d.reason.length > 0)).toBe(true);
  expect(counts.all[1]).toBe(262);
  // The bar: at least 95 % of the checks agree.
  expect(counts.all[0]! / counts.all[1]!).toBeGreaterThanOrEqual(0.95);
}, 300_000);
