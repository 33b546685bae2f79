import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Report } from '../../src/evidence/report.js';
import { compareVerdicts } from '../../src/lab/expectations.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { runCli } from '../support/run-cli.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.stop();
});

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'report.schema.json'), 'utf8')) as object);
}

const findingIds = (r: Report, host: string) => r.targets.find((t) => t.host === host)!.findings.map((f) => f.id);

describe('encscan scan against the lab (real binary)', () => {
  let report: Report;
  let code: number | null;

  beforeAll(async () => {
    const hosts = (lab.descriptor.hosts ?? []).map((h) => h.name);
    // Every lab host, each fully enumerated: well over a minute on a busy machine.
    const r = await runCli(['scan', ...hosts, '--world', lab.worldFile, '--format', 'json', '--timeout', '5'], 150_000);
    code = r.code;
    expect(r.stderr).toBe('');
    report = JSON.parse(r.stdout) as Report;
  }, 150_000);

  it('exits 1: complete targets failed the default policy', () => {
    expect(code).toBe(1);
  });

  it('validates against the shipped JSON Schema', () => {
    const validate = validator();
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe('1');
    expect(report.resolver).toEqual({ mode: 'iterative', servers: ['127.0.53.1:53'], world: 'encscan-lab' });
  });

  it('gives every lab host exactly the findings it was built for', () => {
    const wrong = compareVerdicts(report, lab.descriptor.hosts ?? []).filter((v) => !v.ok);
    expect(wrong).toEqual([]);
  });

  it('reports specific findings with their endpoints and evidence', () => {
    const expired = report.targets.find((t) => t.host === 'expired.example.test')!;
    const f = expired.findings.find((x) => x.id === 'certificate.expiry.expired')!;
    expect(f).toMatchObject({ severity: 'fail', area: 'certificate', endpoint: '127.0.1.2:443' });
    expect(f.remediation).toMatch(/Let's Encrypt|ACME/);
    expect(expired.evidence.endpoints[0]!.certificates![0]!.san.dns).toEqual(['expired.example.test']);

    const good = report.targets.find((t) => t.host === 'good.example.test')!;
    expect(good.status).toBe('complete');
    expect(good.evidence.endpoints[0]!.tls!.negotiated).toMatchObject({ version: 'TLSv1.3', cipherSuite: { code: expect.stringMatching(/^0x13/) } });
    expect(good.evidence.endpoints[0]!.pki).toMatchObject({ trusted: true, hostnameMatch: true });
    expect(good.evidence.http!.redirects.http[0]).toMatchObject({ url: 'http://good.example.test/', status: 301, location: 'https://good.example.test/' });
    expect(findingIds(report, 'good.example.test')).toEqual(
      expect.arrayContaining(['dns.resolves.ok', 'tls.handshake.ok', 'certificate.trust.trusted', 'hsts.header.ok', 'http.redirect.to-https']),
    );
    expect(good.score.categories.find((c) => c.id === 'certificate')).toMatchObject({ score: 100, verdict: 'pass' });

    expect(findingIds(report, 'www.example.test')).toContain('dns.cname-chain.followed');
    // Every RRset a verdict rests on is listed with its DNSSEC status, the HTTPS record and its alias too.
    const rrsets = (host: string) => report.targets.find((t) => t.host === host)!.evidence.dnssec!.rrsets.map((r) => `${r.name} ${r.type} ${r.status}`);
    expect(rrsets('https-rr-alias.example.test')).toEqual(expect.arrayContaining(['https-rr-alias.example.test. A secure', 'https-rr-alias.example.test. HTTPS secure']));
    expect(rrsets('good.example.test')).toEqual(expect.arrayContaining(['good.example.test. CAA secure', 'good.example.test. HTTPS secure']));
    // The name does not exist, and a signed NSEC proof says so: DNSSEC is still secure.
    expect(findingIds(report, 'missing.example.test').sort()).toEqual(['dns.resolves.nxdomain', 'dnssec.algorithm.ok', 'dnssec.chain.secure', 'dnssec.key-size.ok', 'dnssec.servers.ok', 'dnssec.signature-expiry.ok']);
    const queries = report.targets.find((t) => t.host === 'good.example.test')!.evidence.dns!.queries;
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.every((q) => q.server.endsWith(':53'))).toBe(true); // logical ports, never lab ports
  });
});

describe('exit codes', () => {
  it('0 when every target passes', async () => {
    const r = await runCli(['scan', 'good.example.test', '--world', lab.worldFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('good.example.test:443  PASS');
  });

  it('never lets hostile certificate or header text reach the terminal raw', async () => {
    const r = await runCli(['scan', 'hostile.example.test', 'wrong-name.example.test', '--world', lab.worldFile]);
    expect(r.stdout).toContain('hostile.example.test:443  PASS');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028]/);
  });

  it('writes several formats from one run with --report FORMAT=PATH', async () => {
    const dir = join(lab.worldFile, '..');
    const r = await runCli([
      'scan', 'good.example.test', '--world', lab.worldFile, '--format', 'markdown',
      '--report', `sarif=${join(dir, 'out.sarif')}`, '--report', `junit=${join(dir, 'out.xml')}`, '--report', `html=${join(dir, 'out.html')}`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('good.example.test');
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'out.xml'), 'utf8')).toContain('<testsuite');
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toContain('Content-Security-Policy');
  });

  it('--checks runs only the selected checks and the probes they need', async () => {
    const r = await runCli(['scan', 'hsts-missing.example.test', '--world', lab.worldFile, '--checks', 'tls', '--format', 'json']);
    const t = (JSON.parse(r.stdout) as Report).targets[0]!;
    expect(r.code).toBe(0);
    expect(new Set(t.findings.map((f) => f.area))).toEqual(new Set(['tls']));
    expect(t.evidence.http).toBeUndefined();
  });

  it('4 when a target cannot be finished (tarpit), keeping what was gathered; 4 beats 1', async () => {
    const tarpit = net.createServer(() => undefined); // accepts and never speaks
    await new Promise<void>((r) => tarpit.listen(0, '127.0.0.1', () => r()));
    const port = (tarpit.address() as net.AddressInfo).port;
    try {
      const r = await runCli([
        'scan', 'slow.example.test', 'expired.example.test', '--world', lab.worldFile, '--connect-to', `slow.example.test:443:127.0.0.1:${port}`,
        '--timeout', '1', '--budget', '4', '--format', 'json', '--checks', 'tls',
      ]);
      expect(r.code).toBe(4);
      const [t, expired] = (JSON.parse(r.stdout) as Report).targets;
      expect(expired!.status).toBe('complete');
      expect(t!.status).toBe('incomplete');
      expect(t!.evidence.endpoints[0]!.attempts['tls']).toMatchObject({ status: 'error', code: 'ENCSCAN_TIMEOUT' });
    } finally {
      tarpit.close();
    }
  });

  it('a closed port is a verdict (1), not an incomplete scan; --output writes the file', async () => {
    const out = join(lab.worldFile, '..', 'out.json');
    const r = await runCli([
      'scan', 'expired.example.test', 'gone.example.test', '--world', lab.worldFile,
      '--connect-to', 'gone.example.test:443:127.0.0.1:1', '--format', 'json', '--output', out, '--checks', 'tls', '--timeout', '2',
    ]);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.targets.map((t) => t.status)).toEqual(['complete', 'complete']);
    expect(findingIds(report, 'gone.example.test')).toEqual(['tls.handshake.failed']);
    expect(r.code).toBe(1);
  });
});

describe('policy gating', () => {
  const policyFile = (name: string, policy: object): string => {
    const file = join(lab.worldFile, '..', name);
    writeFileSync(file, JSON.stringify(policy));
    return file;
  };
  const waive = (expires: string) => ({ waivers: [{ finding: 'certificate.expiry.expired', expires, reason: 'ticket 42' }] });

  it('a live waiver lets the gate pass (0); an expired one does not (1)', async () => {
    const live = await runCli(['scan', 'expired.example.test', '--world', lab.worldFile, '--policy', policyFile('live.json', waive('2999-01-01')), '--format', 'json']);
    expect(live.code).toBe(0);
    const t = (JSON.parse(live.stdout) as Report).targets[0]!;
    expect(t.gate).toEqual({ passed: true, reasons: [], waived: ['certificate.expiry.expired'] });
    const old = await runCli(['scan', 'expired.example.test', '--world', lab.worldFile, '--policy', policyFile('old.json', waive('2001-01-01'))]);
    expect(old.code).toBe(1);
  });

  it('severity overrides come from the policy, not from the check', async () => {
    const r = await runCli(['scan', 'hsts-short.example.test', '--world', lab.worldFile, '--format', 'json',
      '--policy', policyFile('levels.json', { levels: { 'hsts.header.too-short': 'fail' } })]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Report).targets[0]!.findings.find((f) => f.id === 'hsts.header.too-short')!.severity).toBe('fail');
  });

  it('--fail-under gates on the TLS grade: A+ passes A (0), a TLS 1.0-only host fails it (1)', async () => {
    const good = await runCli(['scan', 'good.example.test', '--world', lab.worldFile, '--fail-under', 'A', '--format', 'json']);
    expect(good.code).toBe(0);
    expect((JSON.parse(good.stdout) as Report).targets[0]!.score).toMatchObject({ tlsGrade: 'A+', tlsGradeRulesVersion: expect.stringMatching(/^2009r/) });
    const legacy = await runCli(['scan', 'legacy.example.test', '--world', lab.worldFile, '--fail-under', 'B', '--format', 'json']);
    expect(legacy.code).toBe(1);
    expect((JSON.parse(legacy.stdout) as Report).targets[0]!.gate.reasons).toContainEqual(expect.stringMatching(/TLS grade [C-F] is below B/));
  });

  it('--fail-under cannot pass silently when no grade was evaluated (4)', async () => {
    const r = await runCli(['scan', 'good.example.test', '--world', lab.worldFile, '--fail-under', 'A', '--checks', 'http']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('no TLS grade was evaluated');
  });

  it('a malformed policy is a usage error (3)', async () => {
    const r = await runCli(['scan', 'good.example.test', '--world', lab.worldFile, '--policy', policyFile('bad.json', { failOn: 'sometimes' })]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('offline replay and diff', () => {
  let scanFile: string;
  beforeAll(async () => {
    scanFile = join(lab.worldFile, '..', 'saved-scan.json');
    const r = await runCli(['scan', 'good.example.test', 'expired.example.test', '--world', lab.worldFile, '--format', 'json', '--output', scanFile]);
    expect(r.code).toBe(1);
  });

  it('re-scores saved evidence with no socket at all and gets the same findings', async () => {
    const r = await runCli(['report', scanFile, '--format', 'json'], 60_000, { ENCSCAN_NETWORK_DENY_ALL: '1' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const saved = JSON.parse(readFileSync(scanFile, 'utf8')) as Report;
    const replayed = JSON.parse(r.stdout) as Report;
    expect(replayed.targets.map((t) => t.findings)).toEqual(saved.targets.map((t) => t.findings));
    expect(replayed.startedAt).toBe(saved.startedAt);
  });

  it('uses --now as the clock: a year later the good certificate has expired', async () => {
    const later = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const r = await runCli(['report', scanFile, '--format', 'json', '--now', later], 60_000, { ENCSCAN_NETWORK_DENY_ALL: '1' });
    const good = (JSON.parse(r.stdout) as Report).targets.find((t) => t.host === 'good.example.test')!;
    expect(good.findings.map((f) => f.id)).toContain('certificate.expiry.expired');
  });

  it('takes the DANE expiry look-ahead as scan does', async () => {
    const ids = async (...extra: string[]) => {
      const r = await runCli(['report', scanFile, '--format', 'json', ...extra], 60_000, { ENCSCAN_NETWORK_DENY_ALL: '1' });
      return (JSON.parse(r.stdout) as Report).targets.find((t) => t.host === 'good.example.test')!.findings.map((f) => f.id);
    };
    expect(await ids()).toContain('dane.expiry.ok');
    const soon = await ids('--dane-expiry-days', '3650');
    const expiry = soon.filter((id) => id.startsWith('dane.expiry.'));
    expect(expiry.length).toBeGreaterThan(0);
    expect(expiry.every((id) => id === 'dane.expiry.expires-soon' || id === 'dane.expiry.renewal-covered')).toBe(true);
  });

  it('diff exits 1 on a regression and 0 when nothing got worse', async () => {
    const later = join(lab.worldFile, '..', 'later-scan.json');
    const when = new Date(Date.now() + 365 * 86_400_000).toISOString();
    await runCli(['report', scanFile, '--format', 'json', '--now', when, '--output', later], 60_000, { ENCSCAN_NETWORK_DENY_ALL: '1' });
    const worse = await runCli(['diff', scanFile, later, '--format', 'json'], 60_000, { ENCSCAN_NETWORK_DENY_ALL: '1' });
    expect(worse.code).toBe(1);
    expect(JSON.parse(worse.stdout).worse).toContainEqual(expect.objectContaining({
      target: 'good.example.test:443', subject: 'certificate.expiry @ 127.0.1.1:443', from: 'certificate.expiry.ok', to: 'certificate.expiry.expired',
    }));
    const better = await runCli(['diff', later, scanFile]);
    expect(better.code).toBe(0);
    expect(better.stdout).toMatch(/^worse: 0\nbetter: [1-9]/);
  });

  it('rejects a file that is not an encscan report (3)', async () => {
    const r = await runCli(['report', lab.worldFile]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
