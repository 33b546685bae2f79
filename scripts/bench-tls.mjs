// Measures TLS enumeration against the lab: every HTTPS endpoint of the embedded lab (node:tls) and
// every scripted-responder endpoint, one at a time and all at once. Loopback only. Needs `npm run build`.
// Usage: node scripts/bench-tls.mjs [--max-connections N] [--timeout-ms N]
import { startLab } from '../dist/src/lab/world.js';
import { LAB_WEB_HOSTS } from '../dist/src/lab/hosts.js';
import { LAB_TLS_HOSTS, startLabTlsHosts } from '../dist/src/lab/tls-hosts.js';
import { Connector } from '../dist/src/engine/connector.js';
import { enumerateTls } from '../dist/src/probes/tls/enumerate.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const maxConnections = arg('--max-connections', 3);
const timeoutMs = arg('--timeout-ms', 5000);

const lab = await startLab();
const tlsLab = await startLabTlsHosts();
try {
  const portMap = new Map(
    Object.entries({ ...lab.descriptor.portMap, ...tlsLab.portMap }).map(([k, v]) => {
      const [address, port] = v.split(':');
      return [k, { address, port: Number(port) }];
    }),
  );
  const endpoints = [...LAB_WEB_HOSTS, ...LAB_TLS_HOSTS].map((h) => ({ name: h.name, address: h.address }));
  const run = (connector, e) => enumerateTls({ connector, address: e.address, port: 443, sni: e.name });

  const rows = [];
  for (const e of endpoints) {
    const connector = new Connector({ portMap, maxConnections, timeoutMs });
    const t = performance.now();
    const found = await run(connector, e);
    const ms = performance.now() - t;
    const versions = found.protocols.filter((p) => p.supported).map((p) => `${p.version}:${p.cipherSuites.length}`).join(' ');
    rows.push({ endpoint: e.name, ms: Math.round(ms), connections: found.connections, accepted: found.protocols.reduce((n, p) => n + p.cipherSuites.length, 0), groups: found.groups.length, versions });
  }
  console.table(rows);

  const connector = new Connector({ portMap, maxConnections, timeoutMs });
  const t = performance.now();
  const all = await Promise.all(endpoints.map((e) => run(connector, e)));
  const wall = performance.now() - t;
  const connections = all.reduce((n, f) => n + f.connections, 0);
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  console.log(`endpoints: ${endpoints.length}, max connections per endpoint: ${maxConnections}`);
  console.log(`one at a time: ${sum('ms')} ms total, ${sum('connections')} connections (${(sum('connections') / endpoints.length).toFixed(1)} per endpoint, ${(sum('connections') / Math.max(1, sum('accepted') + sum('groups'))).toFixed(2)} per accepted suite or group)`);
  console.log(`all at once:   ${Math.round(wall)} ms wall, ${connections} connections`);
} finally {
  await tlsLab.stop();
  await lab.stop();
}
