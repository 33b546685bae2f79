// A scan of the lab's legacy servers names every weak suite and protocol with its finding, and every
// weakness with how encscan knows it (tested by a probe connection, or implied by the configuration).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/evidence/report.js';
import type { TlsVulnerability } from '../../src/evidence/tls-vulnerabilities.js';
import { LAB_TLS_HOSTS } from '../../src/lab/tls-hosts.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { suiteRef, ssl2KindRef } from '../../src/tls/cipher-suites.js';
import { suiteProperties } from '../../src/tls/suite-properties.js';
import { runCli } from '../support/run-cli.js';

const HOSTS = ['ancient.example.test', 'legacy-rsa.example.test', 'weak-spots.example.test', 'patched.example.test'];

let lab: Lab;
let report: Report;
beforeAll(async () => {
  lab = await startLab();
  const r = await runCli(['scan', ...HOSTS, '--world', lab.worldFile, '--format', 'json', '--timeout', '5', '--checks', 'tls'], 120_000);
  expect(r.stderr, `exit ${r.code}`).toBe('');
  report = JSON.parse(r.stdout) as Report;
}, 180_000);
afterAll(async () => {
  await lab?.stop();
});

const target = (host: string) => report.targets.find((t) => t.host === host)!;
const finding = (host: string, id: string) => target(host).findings.find((f) => f.id === id);
const weaknesses = (host: string): Map<string, TlsVulnerability> =>
  new Map((target(host).evidence.endpoints[0]!.tls?.vulnerabilities ?? []).map((v) => [v.id, v]));

describe('scanning the legacy lab servers', () => {
  it('ancient responder: every weak suite and protocol is named by its finding, on its endpoint', () => {
    const ancient = LAB_TLS_HOSTS.find((h) => h.name === 'ancient.example.test')!;
    const names = [
      ...(ancient.policy.ssl2Kinds ?? []).map((k) => ssl2KindRef(k).name),
      ...Object.values(ancient.policy.suites).flatMap((list) => list.map((c) => suiteRef(c).name)),
    ];
    const weak = names.filter((n) => {
      const p = suiteProperties(n);
      return p.rc4 || p.export || p.nullCipher || p.anonymous || p.des || p.block64;
    });
    const suiteFindings = target('ancient.example.test').findings.filter((f) => f.check === 'tls.cipher-suites' && f.severity === 'fail');
    expect(suiteFindings.map((f) => f.outcome).sort()).toEqual(['anonymous', 'des', 'export', 'null-cipher', 'rc4', 'sweet32']);
    expect(suiteFindings.every((f) => f.endpoint === '127.0.2.1:443')).toBe(true);
    for (const name of weak) expect(suiteFindings.some((f) => f.detail.includes(name)), name).toBe(true);
    for (const id of ['tls.protocols.sslv2', 'tls.protocols.sslv3']) expect(finding('ancient.example.test', id)).toMatchObject({ severity: 'fail', endpoint: '127.0.2.1:443' });
    expect(finding('ancient.example.test', 'tls.protocols.tls10')).toMatchObject({ severity: 'warn' });
  });

  it('ancient responder: POODLE, Sweet32, FREAK and Logjam are implied by the configuration, BEAST and Lucky13 informational', () => {
    const w = weaknesses('ancient.example.test');
    for (const id of ['poodle', 'sweet32', 'freak', 'logjam']) expect(w.get(id), id).toMatchObject({ vulnerable: true, how: 'implied', connections: 0 });
    for (const id of ['beast', 'lucky13', 'no-tls13', 'no-aead']) expect(w.get(id), id).toMatchObject({ vulnerable: true, how: 'informational' });
    expect(finding('ancient.example.test', 'tls.implied-weaknesses.poodle')).toMatchObject({ severity: 'info', endpoint: '127.0.2.1:443' });
  });

  it('legacy node:tls server: RSA key exchange without an oracle, the Oakley group found by a probe', () => {
    const w = weaknesses('legacy-rsa.example.test');
    for (const id of ['robot', 'heartbleed', 'ccs-injection', 'ticketbleed', 'secure-renegotiation', 'compression', 'fallback-scsv']) {
      expect(w.get(id), id).toMatchObject({ vulnerable: false, how: 'tested' });
    }
    expect(w.get('dh-group')).toMatchObject({ vulnerable: true, how: 'tested', groupBits: 1024, knownGroup: 'RFC 2409 group 2' });
    expect(finding('legacy-rsa.example.test', 'tls.dh-group.common-prime')).toMatchObject({ severity: 'fail', endpoint: expect.stringMatching(/:443$/) });
    expect(finding('legacy-rsa.example.test', 'tls.robot.ok')).toMatchObject({ severity: 'pass' });
    expect(target('legacy-rsa.example.test').findings.filter((f) => f.severity === 'fail' || f.severity === 'warn').map((f) => f.id).sort()).toEqual(
      ['tls.cipher-suites.cbc-only', 'tls.dh-group.common-prime', 'tls.protocols.tls10', 'tls.protocols.tls11'],
    );
  });

  it('weak-spots responder: every tested weakness found by its probe; patched responder: none', () => {
    const bad = weaknesses('weak-spots.example.test');
    const good = weaknesses('patched.example.test');
    for (const id of ['robot', 'heartbleed', 'ccs-injection', 'ticketbleed', 'secure-renegotiation', 'compression', 'fallback-scsv', 'dh-group']) {
      expect(bad.get(id), id).toMatchObject({ vulnerable: true, how: 'tested' });
      expect(good.get(id), id).toMatchObject({ vulnerable: false, how: 'tested' });
    }
    for (const id of ['tls.heartbleed.vulnerable', 'tls.robot.vulnerable', 'tls.ticketbleed.vulnerable']) {
      expect(finding('weak-spots.example.test', id)).toMatchObject({ severity: 'fail', endpoint: '127.0.2.40:443' });
    }
  });
});
