// The long fuzz run of every parser of untrusted input: 100,000 random and mutated inputs per parser
// (the test suite runs 2,000). It uses the compiled code, so build first:
//   npx tsc -p . && node scripts/fuzz-parsers.mjs [cases per parser] [seed]
// Exits 1 when a parser throws anything but its own error, a TLS codec fails to re-encode its input,
// or one case takes longer than a second (a hang).
import { fuzz, fuzzTargets } from '../dist/test/tls/fuzz-harness.js';
import { fuzzAsync, parserFuzzTargets } from '../dist/test/fuzz/parser-targets.js';

const cases = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);
let failed = false;
let total = 0;
console.log(`${cases} cases per parser, seed ${seed}`);
const { sync, async } = await parserFuzzTargets();
const runs = [...[...fuzzTargets(), ...sync].map((t) => () => fuzz(t, cases, seed)), ...async.map((t) => () => fuzzAsync(t, cases, seed))];
for (const run of runs) {
  const t0 = Date.now();
  const r = await run();
  total += r.accepted + r.rejected;
  const codes = Object.entries(r.codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c.replace(/^ENCSCAN_/, '')} ${n}`).join(', ');
  console.log(`${r.target.padEnd(22)} accepted ${String(r.accepted).padStart(6)}  rejected ${String(r.rejected).padStart(6)}  max ${r.maxMs.toFixed(1)} ms  total ${Date.now() - t0} ms  [${codes}]`);
  for (const f of r.failures) console.log(`  FAIL ${f}`);
  failed ||= r.failures.length > 0 || r.accepted + r.rejected !== cases;
}
console.log(`${runs.length} parsers, ${total} cases: ${failed ? 'FAILED' : 'all passed'}`);
process.exit(failed ? 1 : 0);
