import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/evidence/report.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { runCli } from '../support/run-cli.js';

const saved = join(PACKAGE_ROOT, 'fixtures', 'evidence', 'report', 'lab-scan-tls.json');
const target = (r: Report, host: string) => r.targets.find((t) => t.host === host)!;

describe('--grading-mode on encscan report (offline re-score)', { timeout: 120_000 }, () => {
  it('rsa2048 offers TLS_RSA_* suites no reference client ends up on: B offered, A+ simulated', async () => {
    const offered = JSON.parse((await runCli(['report', saved, '--format', 'json'])).stdout) as Report;
    const simulated = JSON.parse((await runCli(['report', saved, '--format', 'json', '--grading-mode', 'simulated'])).stdout) as Report;
    expect(target(offered, 'rsa2048.example.test').score).toMatchObject({ tlsGrade: 'B', tlsGradeDetails: { mode: 'offered' } });
    expect(target(simulated, 'rsa2048.example.test').score).toMatchObject({ tlsGrade: 'A+', tlsGradeDetails: { mode: 'simulated' } });
    expect(target(simulated, 'rsa2048.example.test').score.tlsGradeDetails!.endpoints[0]!.handshakes).toHaveLength(12);
  });

  it('text shows the mode and the handshake simulation; markdown and html carry the table; csv a column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encscan-scoring-'));
    const out = (ext: string) => join(dir, `report.${ext}`);
    const r = await runCli(['report', saved, '--grading-mode', 'simulated', '--report', `markdown=${out('md')}`, '--report', `html=${out('html')}`, '--report', `csv=${out('csv')}`]);
    expect(r.stdout).toContain('TLS grade A+, simulated mode: 93 = 0.3 × protocol 100');
    expect(r.stdout).toMatch(/handshake simulation \(127\.0\.1\.\d+:443\):\n\s+TLSv1\.3 TLS_AES_256_GCM_SHA384 x25519: Chrome 131, Edge 131/);
    expect(readFileSync(out('md'), 'utf8')).toContain('| Chrome 131 | TLSv1.3 | TLS\\_AES\\_256\\_GCM\\_SHA384 | x25519 |');
    expect(readFileSync(out('html'), 'utf8')).toContain('<caption>Handshake simulation</caption>');
    const csv = readFileSync(out('csv'), 'utf8').split('\r\n');
    const col = csv[0]!.split(',').indexOf('grading_mode');
    expect(csv[1]!.split(',')[col]).toBe('simulated');
  });

  it('bad values are usage errors', async () => {
    for (const flags of [['--grading-mode', 'negotiated'], ['--fix-profile', 'old']]) {
      const r = await runCli(['report', saved, ...flags]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(flags[0]);
    }
  });
});

describe('encscan scan against the lab: stamp and fix snippets', { timeout: 120_000 }, () => {
  let lab: Lab;
  let report: Report;
  beforeAll(async () => {
    lab = await startLab();
    const r = await runCli(['scan', 'hsts-missing.example.test', '--world', lab.worldFile, '--format', 'json', '--timeout', '5', '--fix-profile', 'modern', '--checks', 'hsts,tls.handshake']);
    expect(r.stderr).toBe('');
    report = JSON.parse(r.stdout) as Report;
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('stamps the trust store (with the lab CA file) and the lab\'s trust anchors with their file hash', () => {
    const world = JSON.parse(readFileSync(lab.worldFile, 'utf8')) as { caFile: string; trustAnchor?: string };
    expect(report.trust!.store.extra).toHaveLength(1);
    expect(report.trust!.store.extra[0]!.file).toContain(world.caFile);
    expect(report.trust!.store.extra[0]!.count).toBeGreaterThan(0);
    expect(report.trust!.anchors.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.trust!.anchors.keyTags.length).toBeGreaterThan(0);
  });

  it('Server: nginx gives the HSTS finding an nginx snippet for the chosen profile', () => {
    const f = target(report, 'hsts-missing.example.test').findings.find((x) => x.id === 'hsts.header.missing')!;
    expect(f.fix!.snippet).toMatchObject({ software: 'nginx', profile: 'modern', config: 'add_header Strict-Transport-Security "max-age=63072000" always;' });
    expect(f.remediation).toBeDefined();
  });
});
