// The DNSSEC part of `npm run bench`: a full chain walk with per-server diagnosis, from a private root,
// side by side with `dnsviz probe -A` and `delv`. dnsviz and real resolvers need port 53 (NS and glue
// carry no port), so this runs on the interop NSD hierarchy (test/dns/interop-dnssec-tree.ts), which
// needs root; otherwise it prints why it skipped. Loopback only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GOAL = 0.2; // encscan's wall time ≤ 1/5 of dnsviz's
const NAME = 'www.bind-good.test';
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() !== '';

/** delv's trust-anchors clause from the DS presentation lines of the generated root. */
function delvAnchors(dsText) {
  const lines = dsText.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const ds = lines.map((f) => `  . static-ds ${f.at(-4)} ${f.at(-3)} ${f.at(-2)} "${f.at(-1)}";`);
  return `trust-anchors {\n${ds.join('\n')}\n};\n`;
}

/** (d) Prints encscan vs dnsviz vs delv on one name; `tools` are bench.mjs's timing and formatting helpers. */
export async function benchDnssec({ encscan, runs, timed, median, fmt }) {
  console.log(`\n(d) DNSSEC: ${NAME}, full chain walk from a private root with per-server diagnosis (median of ${runs})`);
  if (process.getuid?.() !== 0) return console.log('  skipped: the NSD hierarchy needs port 53, i.e. root (CI runs the bench as root)');
  const missing = ['nsd', 'unbound', 'dnssec-signzone', 'ldns-signzone'].filter((t) => !have(t));
  if (missing.length > 0) return console.log(`  skipped: ${missing.join(', ')} not installed (apt-get install -y nsd unbound bind9-utils ldnsutils)`);
  const { startDnssecTree, TREE_ADDRESS } = await import('../dist/test/dns/interop-dnssec-tree.js');
  const dir = mkdtempSync(join(tmpdir(), 'encscan-bench-dnssec-'));
  const tree = await startDnssecTree(dir, { unbound: true });
  try {
    const args = [encscan, 'scan', NAME, '--root-hints', tree.rootHintsFile, '--trust-anchor', tree.trustAnchorFile, '--checks', 'dnssec', '--format', 'json'];
    const ours = [];
    const scanning = [];
    const bare = [];
    let report = null;
    for (let i = 0; i < runs; i++) {
      const r = await timed(process.execPath, args);
      ours.push(r.seconds);
      report = JSON.parse(r.stdout);
      scanning.push((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000);
      bare.push((await timed(process.execPath, ['-e', ''])).seconds);
    }
    const d = report.targets[0].evidence.dnssec;
    const inside = median(scanning);
    const exchanges = (d.servers ?? []).reduce((n, s) => n + s.queries, 0);
    console.log(`  encscan: ${fmt(median(ours))} wall (${fmt(inside)} of it scanning; node -e '' alone: ${fmt(median(bare))}), verdict ${d.status}; ${d.queries} chain lookups + ${exchanges} queries to ${d.servers?.length ?? 0} servers (UDP and TCP)`);
    if (have('dnsviz')) {
      const viz = [];
      for (let i = 0; i < runs; i++) viz.push((await timed('dnsviz', ['probe', '-A', '-x', `.:a.root=${TREE_ADDRESS.root}`, '-b', '127.0.0.1', '-o', join(dir, 'dnsviz.json'), NAME])).seconds);
      const v = median(viz);
      console.log(`  dnsviz probe -A: ${fmt(v)} wall (probe only, no verdict)`);
      const ratio = (a, what) => `${(a / v).toFixed(2)}× ${what} (goal ≤ ${GOAL}×: ${a / v <= GOAL ? 'met' : 'NOT met'})`;
      console.log(`  ratio: ${ratio(median(ours), 'whole process')}; ${ratio(inside, 'scanning only, without Node start-up')}`);
    } else console.log('  dnsviz is not installed (apt-get install -y dnsviz): no ratio');
    if (have('delv')) {
      const anchors = join(dir, 'delv-anchors.conf');
      writeFileSync(anchors, delvAnchors(readFileSync(tree.trustAnchorFile, 'utf8')));
      const delv = [];
      let said = '';
      for (let i = 0; i < runs; i++) {
        const r = await timed('delv', [`@${TREE_ADDRESS.unbound}`, '-a', anchors, '+root=.', NAME, 'A']);
        delv.push(r.seconds);
        said = (r.stdout.match(/^; (fully validated|unsigned answer|resolution failed.*)$/m) ?? [])[1] ?? r.stderr.trim().split('\n')[0];
      }
      console.log(`  delv (through Unbound, validating itself): ${fmt(median(delv))} wall, "${said}" (no per-server diagnosis)`);
    }
  } finally {
    await tree.stop();
  }
}
