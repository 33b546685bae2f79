import { describe, expect, it } from 'vitest';
import { fuzz, type FuzzResult } from '../tls/fuzz-harness.js';
import { fuzzAsync, parserFuzzTargets } from './parser-targets.js';

// 2,000 cases per parser here; scripts/fuzz-parsers.mjs runs 100,000 per parser against dist/.
const CASES = 2_000;
const SEED = 0x9a55;
const { sync, async } = await parserFuzzTargets();

function expectClean(r: FuzzResult): void {
  expect(r.failures).toEqual([]);
  expect(r.accepted + r.rejected).toBe(CASES);
  expect(r.accepted).toBeGreaterThan(0);
}

describe(`fuzzing the parsers of untrusted input (${CASES} random and mutated inputs each)`, () => {
  it.each(sync.map((t) => [t.name, t] as const))('%s: only its own errors, no hang', (_, t) => expectClean(fuzz(t, CASES, SEED)));

  it.each(async.map((t) => [t.name, t] as const))('%s: only its own errors, no hang', async (_, t) => expectClean(await fuzzAsync(t, CASES, SEED)), 60_000);
});

describe('inputs the long fuzz run found', () => {
  it('an OCSP response whose responder name holds a UTCTime where a string belongs is judged, not thrown', async () => {
    const der = Buffer.from(
      '308201290a0100a08201223082011e06092b06010505073001010482010f3082010b3081b1a1283026312430220603550403171b656e637363616e206c616220696e7465726d656469617465204341180f32303236303630313030303030305a30743072304a300906052b0e03021a050004144142479084dc2cc758b7b798234c325fc9fd838f04148c005c2907071b08365020f1669af70b9d477b4c021100b89b788db6e54ec7bcdd94d3777dd55a8000180f32303236303533313233303030305aa011180f32303236303630343030303030305a300a06082a8648ce3d0403020349003046022100a753ed2ce8480cf5424611c0ac3b58b225ab89b6da7268027160b0567b024c08022100d3e3cf1675bdc7ce98d80f661291bf654561afbf9d2ec8947120df43ede8e9f4',
      'hex',
    );
    const ocsp = async.find((t) => t.name === 'OCSP response')!;
    const judged = (await ocsp.run(new Uint8Array(der))) as { responseStatus: string; errors: string[] };
    expect(judged.responseStatus).toBe('successful');
    expect(judged.errors).toContain('unknown-signer');
  });
});
