// The long fuzz run of encscan's TLS codec: 100,000 random and mutated inputs per parser (the test
// suite runs 2,000). It uses the compiled code, so build first:
//   npx tsc -p . && node scripts/fuzz-tls.mjs [cases per parser] [seed]
// Exits 1 when a parser throws anything but an ENCSCAN_TLS_* DecodeError or fails to re-encode its input.
import { fuzz, fuzzTargets } from '../dist/test/tls/fuzz-harness.js';

const cases = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);
let failed = false;
console.log(`${cases} cases per parser, seed ${seed}`);
for (const target of fuzzTargets()) {
  const t0 = Date.now();
  const r = fuzz(target, cases, seed);
  const codes = Object.entries(r.codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c.replace('ENCSCAN_TLS_', '')} ${n}`).join(', ');
  console.log(`${r.target.padEnd(22)} accepted ${String(r.accepted).padStart(6)}  rejected ${String(r.rejected).padStart(6)}  max ${r.maxMs.toFixed(1)} ms  total ${Date.now() - t0} ms  [${codes}]`);
  for (const f of r.failures) console.log(`  FAIL ${f}`);
  failed ||= r.failures.length > 0;
}
process.exit(failed ? 1 : 0);
