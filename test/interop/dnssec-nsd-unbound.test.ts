// Zones signed by BIND's dnssec-signzone and by ldns-signzone (good and deliberately broken), served by
// NSD from a private root on loopback port 53: encscan's verdict per name (from --root-hints and the
// generated root's --trust-anchor) must be the expected one and agree with a validating Unbound given the
// same trust anchor (SERVFAIL = bogus, AD = secure, otherwise insecure). Runs as root (port 53).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import type { Report } from '../../src/evidence/report.js';
import { exchange } from '../../src/probes/dns/transport.js';
import { EXPECTED, TREE_ADDRESS, startDnssecTree, type DnssecTree, type Verdict } from '../dns/interop-dnssec-tree.js';
import { requireTool } from '../support/require-tool.js';
import { runCli } from '../support/run-cli.js';

for (const [tool, pkg] of [['nsd', 'nsd'], ['unbound', 'unbound'], ['dnssec-signzone', 'bind9-utils'], ['dnssec-keygen', 'bind9-utils'], ['dnssec-dsfromkey', 'bind9-utils'], ['ldns-signzone', 'ldnsutils'], ['ldns-keygen', 'ldnsutils']] as const) {
  requireTool(tool, pkg);
}

let tree: DnssecTree;
let report: Report;
const connector = new Connector({ maxConnections: 4, timeoutMs: 5000 });

beforeAll(async () => {
  tree = await startDnssecTree(mkdtempSync(join(tmpdir(), 'encscan-dnssec-')), { unbound: true });
  const names = EXPECTED.map(([name]) => name);
  const r = await runCli(['scan', ...names, '--root-hints', tree.rootHintsFile, '--trust-anchor', tree.trustAnchorFile, '--checks', 'dnssec', '--format', 'json', '--timeout', '3'], 120_000);
  if (r.stdout.trim() === '') throw new Error(`encscan produced no report (exit ${r.code}): ${r.stderr}`);
  report = JSON.parse(r.stdout) as Report;
}, 180_000);

afterAll(async () => {
  await tree?.stop();
});

function encscanVerdict(name: string): string | undefined {
  return report.targets.find((t) => t.host === name)?.evidence.dnssec?.status;
}

/** Unbound's view: a recursive query with DO=1 and CD=0. */
async function unboundVerdict(name: string): Promise<Verdict> {
  const ex = await exchange(connector, {
    server: { address: TREE_ADDRESS.unbound, port: 53 }, name, type: 'A', recursionDesired: true, dnssecOk: true, checkingDisabled: false, tcpOnly: false, timeoutMs: 10_000, retries: 1, log: [],
  });
  if (ex.rcode === 'SERVFAIL') return 'bogus';
  return ex.message.flag_ad ? 'secure' : 'insecure';
}

describe('DNSSEC verdicts on a BIND/ldns-signed tree served by NSD', () => {
  it.each(EXPECTED)('%s: encscan says %s, as does Unbound', async (name, verdict) => {
    expect({ encscan: encscanVerdict(name), unbound: await unboundVerdict(name) }).toEqual({ encscan: verdict, unbound: verdict });
  });

  it('diagnoses every NSD server on the chain over UDP and TCP', () => {
    const servers = report.targets.find((t) => t.host === 'www.bind-good.test')!.evidence.dnssec!.servers!;
    expect(servers.map((s) => [s.zone, s.address, s.udp, s.tcp, s.authoritative, s.rrsigs, s.serial])).toEqual([
      ['.', `${TREE_ADDRESS.root}:53`, 'NOERROR', 'NOERROR', true, true, 2026120201],
      ['test.', `${TREE_ADDRESS.test}:53`, 'NOERROR', 'NOERROR', true, true, 2026120201],
      ['bind-good.test.', `${TREE_ADDRESS.children}:53`, 'NOERROR', 'NOERROR', true, true, 2026120201],
    ]);
    expect(servers.map((s) => s.nxdomain)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN']);
  });

  it('explains each bogus name in one sentence naming the broken link', () => {
    const bogus = (name: string): string[] => report.targets.find((t) => t.host === name)!.findings.filter((f) => f.id === 'dnssec.chain.bogus').map((f) => f.detail);
    expect(bogus('www.bind-expired.test').join(' ')).toMatch(/expired/);
    expect(bogus('www.bind-bad-ds.test').join(' ')).toMatch(/DS in test\. matches no DNSKEY in bind-bad-ds\.test\./);
    expect(bogus('www.bind-no-rrsig.test').join(' ')).toMatch(/no RRSIG/);
  });
});
