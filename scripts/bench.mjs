// `npm run bench`: encscan against sslscan, side by side in one run, on loopback only, against the
// embedded lab's HTTPS endpoints (node:tls, 20 configurations). Prints the ratios against the goals
// of the TLS engine issue. Needs `npm run build` (the npm script does it). Not part of `npm test`.
//
//   (a) many endpoints in one invocation: `encscan scan h1 … h20 --checks tls` vs `sslscan --targets=FILE`
//   (b) one host, whole process
//   (c) `encscan --version` start-up
//   (d) DNSSEC: chain walk with per-server diagnosis vs `dnsviz probe` and `delv` (scripts/bench-dnssec.mjs)
//
// Connections are counted on the server side by a relay in front of every endpoint, and compared
// with what encscan reports in its evidence. Usage: node scripts/bench.mjs [--runs N] [--only dnssec]
// (--only dnssec runs section (d) alone, without the lab).
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { startLab } from '../dist/src/lab/world.js';
import { LAB_WEB_HOSTS } from '../dist/src/lab/hosts.js';
import { suiteRef } from '../dist/src/tls/cipher-suites.js';
import { benchDnssec } from './bench-dnssec.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENCSCAN = join(ROOT, 'bin', 'encscan');
const GUARD = join(ROOT, 'test', 'support', 'network-guard.mjs');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const GOALS = { manyWall: 0.5, manyConnections: 1.0, oneHost: 1.5, versionSeconds: 0.15 };
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
if (ONLY !== undefined && ONLY !== 'dnssec') throw new Error(`--only: the one section that runs alone is dnssec, got ${ONLY}`);

const dir = mkdtempSync(join(tmpdir(), 'encscan-bench-'));
writeFileSync(join(dir, 'openssl-empty.cnf'), '');
// No proxies and no system OpenSSL policy for the child tools.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));
env.OPENSSL_CONF = join(dir, 'openssl-empty.cnf');
env.NO_COLOR = '1';

const sslscan = (() => {
  const r = spawnSync('sh', ['-c', 'command -v sslscan'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
})();

/** Runs a command asynchronously (the lab and the relays live in this process) and times it. */
function timed(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const t = performance.now();
    execFile(cmd, args, { encoding: 'utf8', env: { ...env, ...extraEnv }, maxBuffer: 256 << 20, timeout: 600_000 }, (err, stdout, stderr) =>
      resolve({ seconds: (performance.now() - t) / 1000, code: err ? (err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A TCP relay on its own loopback address in front of one lab endpoint, counting connections. */
function relay(address, target) {
  const [toHost, toPort] = target.split(':');
  let accepted = 0;
  const server = net.createServer((client) => {
    accepted++;
    const upstream = net.connect({ host: toHost, port: Number(toPort) });
    client.pipe(upstream).pipe(client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () =>
      resolve({ address, port: server.address().port, count: () => accepted, close: () => new Promise((r) => server.close(() => r())) }),
    );
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (s) => `${s.toFixed(3)} s`;
const ratio = (a, b, goal) => `${(a / b).toFixed(2)}× (goal ≤ ${goal}×: ${a / b <= goal ? 'met' : 'NOT met'})`;

/** encscan's accepted suites per endpoint label, from its JSON report. */
function encscanAccepted(report) {
  const out = new Map();
  for (const t of report.targets) {
    const ep = t.evidence.endpoints[0];
    const per = {};
    for (const p of ep?.tls?.protocols ?? []) if (p.supported) per[p.version] = p.cipherSuites.map((s) => s.name);
    out.set(t.host, { per, connections: ep?.connections ?? 0 });
  }
  return out;
}

/** sslscan's accepted suites per "address:port", from --xml. */
function sslscanAccepted(xml) {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml.slice(Math.max(0, xml.indexOf('<?xml'))));
  const tests = [doc.document?.ssltest ?? []].flat();
  const out = new Map();
  for (const t of tests) {
    const per = {};
    for (const c of [t.cipher ?? []].flat()) {
      if (c.status !== 'accepted' && c.status !== 'preferred') continue;
      (per[c.sslversion] ??= []).push(suiteRef(parseInt(c.id, 16)).name);
    }
    out.set(`${t.host}:${t.port}`, per);
  }
  return out;
}

function missingFrom(ours, theirs) {
  const missing = [];
  for (const [v, suites] of Object.entries(theirs)) for (const s of suites) if (!(ours[v] ?? []).includes(s)) missing.push(`${v} ${s}`);
  return missing;
}

if (ONLY === 'dnssec') {
  await benchDnssec({ encscan: ENCSCAN, runs: RUNS, timed, median, fmt });
  process.exit(0);
}

const lab = await startLab({ dir: join(dir, 'lab') });
const relays = [];
try {
  const caFile = join(dir, 'lab', 'lab-ca.pem');
  const hosts = LAB_WEB_HOSTS.map((h, i) => ({ name: h.name, target: lab.descriptor.portMap[`${h.address}:443`], address: `127.0.46.${i + 1}` }));
  for (const h of hosts) relays.push(Object.assign(h, await relay(h.address, h.target)));
  const connectTo = hosts.flatMap((h) => ['--connect-to', `${h.name}:443:${h.address}:${h.port}`]);
  // --world gives every DNS lookup (OCSP, AIA) the lab's root; --connect-to sends the TLS traffic through the relays.
  const encscanArgs = (names) => [ENCSCAN, 'scan', ...names, '--world', lab.worldFile, ...connectTo, '--checks', 'tls', '--format', 'json', '--ca-file', caFile, '--concurrency', String(names.length)];
  const targetsFile = join(dir, 'targets.txt');
  writeFileSync(targetsFile, hosts.map((h) => `${h.address}:${h.port}`).join('\n') + '\n');
  const counted = () => relays.reduce((n, r) => n + r.count(), 0);

  console.log(`encscan ${spawnSync(process.execPath, [ENCSCAN, '--version'], { encoding: 'utf8' }).stdout.trim()}, node ${process.version}` +
    (sslscan ? `, ${spawnSync(sslscan, ['--version'], { encoding: 'utf8', env }).stdout.replace(/\x1b\[[0-9;]*m/g, '').trim().split(/\s+/).join(' ')}` : ''));
  if (!sslscan) console.log('sslscan is not installed (apt-get install -y sslscan): encscan\'s numbers alone, no ratios.');

  // Once under the network guard (untimed): proves the scan talks to loopback only.
  const guarded = await timed(process.execPath, encscanArgs(hosts.map((h) => h.name)), { NODE_OPTIONS: `--import=${GUARD}`, ENCSCAN_NETWORK_GUARD: 'exit' });
  if (guarded.code === 99) throw new Error(`network guard: ${guarded.stderr}`);

  // (a) many endpoints in one invocation
  const many = { encscan: [], sslscan: [], encscanConn: [], encscanReported: [], sslscanConn: [] };
  let encReport;
  let sslXml = '';
  for (let i = 0; i < RUNS; i++) {
    let before = counted();
    const e = await timed(process.execPath, encscanArgs(hosts.map((h) => h.name)));
    many.encscan.push(e.seconds);
    many.encscanConn.push(counted() - before);
    encReport = JSON.parse(e.stdout);
    many.encscanReported.push([...encscanAccepted(encReport).values()].reduce((n, x) => n + x.connections, 0));
    if (sslscan) {
      before = counted();
      const s = await timed(sslscan, ['--no-colour', `--targets=${targetsFile}`, '--xml=-']);
      many.sslscan.push(s.seconds);
      many.sslscanConn.push(counted() - before);
      sslXml = s.stdout;
    }
  }
  console.log(`\n(a) ${hosts.length} lab TLS endpoints in one invocation (median of ${RUNS}; connections counted by a relay in front of each endpoint)`);
  console.log(`  encscan: ${fmt(median(many.encscan))} wall, ${median(many.encscanConn)} connections (encscan's evidence says ${median(many.encscanReported)})`);
  if (sslscan) {
    console.log(`  sslscan: ${fmt(median(many.sslscan))} wall, ${median(many.sslscanConn)} connections`);
    console.log(`  ratio wall:        ${ratio(median(many.encscan), median(many.sslscan), GOALS.manyWall)}`);
    console.log(`  ratio connections: ${ratio(median(many.encscanConn), median(many.sslscanConn), GOALS.manyConnections)}`);
    const ours = encscanAccepted(encReport);
    const theirs = sslscanAccepted(sslXml);
    const gaps = hosts.flatMap((h) => missingFrom(ours.get(h.name)?.per ?? {}, theirs.get(`${h.address}:${h.port}`) ?? {}).map((m) => `${h.name}: ${m}`));
    const extra = hosts.flatMap((h) => missingFrom(theirs.get(`${h.address}:${h.port}`) ?? {}, ours.get(h.name)?.per ?? {}).map((m) => `${h.name}: ${m}`));
    console.log(`  accepted suites: encscan ⊇ sslscan: ${gaps.length === 0 ? 'yes' : `NO, sslscan alone found ${gaps.join('; ')}`}${extra.length ? `; encscan alone found ${extra.length} (${extra.slice(0, 5).join('; ')}${extra.length > 5 ? ' …' : ''})` : ''}`);
  }

  // (b) one host, whole process
  const one = hosts.find((h) => h.name === 'legacy.example.test') ?? hosts[0];
  const oneRun = { encscan: [], sslscan: [], encscanConn: [], sslscanConn: [] };
  for (let i = 0; i < RUNS; i++) {
    let before = counted();
    oneRun.encscan.push((await timed(process.execPath, encscanArgs([one.name]))).seconds);
    oneRun.encscanConn.push(counted() - before);
    if (sslscan) {
      before = counted();
      oneRun.sslscan.push((await timed(sslscan, ['--no-colour', `--sni-name=${one.name}`, `${one.address}:${one.port}`])).seconds);
      oneRun.sslscanConn.push(counted() - before);
    }
  }
  console.log(`\n(b) one host (${one.name}), whole process (median of ${RUNS})`);
  console.log(`  encscan: ${fmt(median(oneRun.encscan))}, ${median(oneRun.encscanConn)} connections`);
  if (sslscan) {
    console.log(`  sslscan: ${fmt(median(oneRun.sslscan))}, ${median(oneRun.sslscanConn)} connections`);
    console.log(`  ratio wall: ${ratio(median(oneRun.encscan), median(oneRun.sslscan), GOALS.oneHost)}`);
  }

  // (c) start-up
  const version = [];
  for (let i = 0; i < Math.max(5, RUNS * 3); i++) version.push((await timed(process.execPath, [ENCSCAN, '--version'])).seconds);
  const bare = [];
  for (let i = 0; i < version.length; i++) bare.push((await timed(process.execPath, ['-e', ''])).seconds);
  const v = median(version);
  console.log(`\n(c) encscan --version: ${fmt(v)} (median of ${version.length}; goal ≤ ${GOALS.versionSeconds} s: ${v <= GOALS.versionSeconds ? 'met' : 'NOT met'}); node -e '' alone: ${fmt(median(bare))}`);

  // (d) DNSSEC chain walk with per-server diagnosis (scripts/bench-dnssec.mjs)
  await benchDnssec({ encscan: ENCSCAN, runs: RUNS, timed, median, fmt });
} finally {
  await Promise.all(relays.map((r) => r.close()));
  await lab.stop();
}
