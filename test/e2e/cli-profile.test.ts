import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/evidence/report.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { runCli } from '../support/run-cli.js';

const saved = join(PACKAGE_ROOT, 'fixtures', 'evidence', 'report', 'lab-scan-tls.json');

describe('--profile on encscan report (offline re-score)', () => {
  it.each([
    ['deploy360', []],
    ['deploy360', ['--profile', 'deploy360']],
    ['ota', ['--profile', 'ota']],
    ['mozilla', ['--profile', 'mozilla']],
  ])('%s from %j', async (profile, flags) => {
    const r = await runCli(['report', saved, '--format', 'json', ...flags]);
    expect(r.code).toBe(1); // the lab has failing hosts
    const report = JSON.parse(r.stdout) as Report;
    for (const t of report.targets) expect(t.score.profile).toBe(profile);
    const legacy = report.targets.find((t) => t.host === 'legacy.example.test')!.score;
    expect(legacy.tlsGrade).toBe('C');
    if (profile === 'ota') expect(legacy.honorRoll).toBe(false);
    if (profile === 'mozilla') expect(legacy.mozilla?.meets).toBeNull();
  });

  it('prints the profile arithmetic in text', async () => {
    const r = await runCli(['report', saved, '--profile', 'ota']);
    expect(r.stdout).toContain('profile ota');
    expect(r.stdout).toContain('OTA Honor Roll: no');
    expect(r.stdout).toContain('not observable, not scored:');
  });

  it('an unknown profile is a usage error', async () => {
    const r = await runCli(['report', saved, '--profile', 'ssllabs']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--profile');
  });

  it('scan accepts the flag too', async () => {
    const r = await runCli(['scan', '--help']);
    expect(r.stdout).toMatch(/--profile <profile>.*deploy360.*ota.*mozilla/s);
  });
});
