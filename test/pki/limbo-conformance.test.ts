// x509-limbo conformance: every case runs through validateChain at its validation time, with its
// roots, intermediates, peer name and chain-depth cap, and must agree with limbo's verdict unless
// fixtures/corpora/x509-limbo/known-differences.json lists it. That file must be exact: a listed
// case that agrees, or an unlisted one that disagrees, fails. Cases judged not applicable are
// counted and listed there too, each with its reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMBO_DIR, limboCases as corpus, limboVerdict, validateLimboCase, type LimboCase } from './limbo-corpus.js';

interface KnownDifferences {
  notApplicable: { validationKinds: Record<string, string>; features: Record<string, string>; cases: Record<string, string> };
  differences: Record<string, string>;
}

const known = JSON.parse(readFileSync(join(LIMBO_DIR, 'known-differences.json'), 'utf8')) as KnownDifferences;
const BAR = 0.95;

function notApplicable(t: LimboCase): string | undefined {
  const feature = (t.features ?? []).find((f) => f in known.notApplicable.features);
  return known.notApplicable.validationKinds[t.validation_kind] ?? (feature && known.notApplicable.features[feature]) ?? known.notApplicable.cases[t.id];
}

const applicable = corpus.filter((t) => notApplicable(t) === undefined);
const agrees = new Map<string, boolean>();

beforeAll(async () => {
  for (const t of applicable) agrees.set(t.id, limboVerdict(t, await validateLimboCase(t)) === t.expected_result);
  const passed = [...agrees.values()].filter(Boolean).length;
  console.log(`x509-limbo: ${passed}/${applicable.length} applicable (${corpus.length - applicable.length} of ${corpus.length} not applicable)`);
  const skipped = new Map<string, number>();
  for (const t of corpus) {
    const reason = notApplicable(t);
    if (reason !== undefined) skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  }
  for (const [reason, n] of skipped) console.log(`x509-limbo: not applicable ×${n}: ${reason}`);
}, 60_000);

describe('x509-limbo conformance', () => {
  it(`agrees on at least ${BAR * 100} % of applicable cases`, () => {
    const passed = [...agrees.values()].filter(Boolean).length;
    expect(passed / applicable.length).toBeGreaterThanOrEqual(BAR);
  });

  it('disagrees exactly on the listed known differences', () => {
    const disagreements = [...agrees].filter(([, ok]) => !ok).map(([id]) => id);
    expect(disagreements.sort()).toEqual(Object.keys(known.differences).sort());
  });

  it('lists only real, applicable cases and used features', () => {
    const ids = new Set(corpus.map((t) => t.id));
    for (const id of [...Object.keys(known.differences), ...Object.keys(known.notApplicable.cases)]) expect(ids.has(id), id).toBe(true);
    for (const id of Object.keys(known.differences)) expect(notApplicable(corpus.find((t) => t.id === id)!), id).toBeUndefined();
    // A case listed by id must not already be excluded by its kind or features.
    for (const id of Object.keys(known.notApplicable.cases)) {
      const t = corpus.find((c) => c.id === id)!;
      expect(known.notApplicable.validationKinds[t.validation_kind], id).toBeUndefined();
      expect((t.features ?? []).some((f) => f in known.notApplicable.features), id).toBe(false);
    }
    for (const feature of Object.keys(known.notApplicable.features)) expect(corpus.some((t) => t.features?.includes(feature)), feature).toBe(true);
    expect(Object.values({ ...known.differences, ...known.notApplicable.cases, ...known.notApplicable.features }).every((r) => r.length > 0)).toBe(true);
  });
});
