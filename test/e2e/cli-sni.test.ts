import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/evidence/report.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { runCli } from '../support/run-cli.js';

let lab: Lab;
let dir: string;
beforeAll(async () => {
  lab = await startLab();
  dir = mkdtempSync(join(tmpdir(), 'encscan-sni-'));
});
afterAll(async () => {
  await lab?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two SNI names on one address (real binary)', () => {
  let report: Report;
  let text: string;
  let markdown: string;

  beforeAll(async () => {
    const textFile = join(dir, 'scan.txt');
    const mdFile = join(dir, 'scan.md');
    const r = await runCli(
      ['scan', 'tls13-only.example.test', '--sni', 'tls13-only.example.test', '--sni', 'other.example.test', '--world', lab.worldFile, '--checks', 'tls,certificate', '--profile', 'mozilla', '--grading-mode', 'simulated', '--format', 'json', '--report', `text=${textFile}`, '--report', `markdown=${mdFile}`, '--timeout', '5'],
      120_000,
    );
    expect(r.stderr).toBe('');
    report = JSON.parse(r.stdout) as Report;
    text = readFileSync(textFile, 'utf8');
    markdown = readFileSync(mdFile, 'utf8');
  }, 120_000);

  it('labels every endpoint finding with the name it was judged under, the target host included', () => {
    const t = report.targets[0]!;
    expect(t.evidence.endpoints.map((e) => e.sni)).toEqual(['tls13-only.example.test', 'other.example.test']);
    const located = t.findings.filter((f) => f.endpoint !== undefined);
    expect(located.length).toBeGreaterThan(0);
    for (const f of located) expect([f.id, f.endpoint, f.sni]).toEqual([f.id, '127.0.1.40:443', expect.stringMatching(/^(tls13-only|other)\.example\.test$/)]);
    const hostname = t.findings.filter((f) => f.check === 'certificate.hostname').map((f) => [f.outcome, f.sni]);
    expect(hostname).toEqual([
      ['match', 'tls13-only.example.test'],
      ['mismatch', 'other.example.test'],
    ]);
    // Each name gets its own protocol finding: nothing is merged across the shared address.
    expect(t.findings.filter((f) => f.check === 'tls.protocols').map((f) => f.sni).sort()).toEqual(['other.example.test', 'tls13-only.example.test']);
  });

  it('prints the name beside address:port in text', () => {
    expect(text).toContain('FAIL certificate.hostname.mismatch  [127.0.1.40:443 (sni other.example.test)]\n       the certificate is not valid for other.example.test');
  });

  it('tells the TLS grade details and the Mozilla differences of the two names apart', () => {
    const s = report.targets[0]!.score;
    expect(s.tlsGradeDetails!.endpoints.map((e) => [e.endpoint, e.sni])).toEqual([
      ['127.0.1.40:443', 'tls13-only.example.test'],
      ['127.0.1.40:443', 'other.example.test'],
    ]);
    const named = Object.values(s.mozilla!.byConfiguration).flat();
    expect(named.length).toBeGreaterThan(0);
    for (const d of named) expect(d).toMatch(/^127\.0\.1\.40:443 \(sni (tls13-only|other)\.example\.test\): /);
  });

  it('prints the graded endpoint (the mismatched name, graded M) with its name in text and markdown', () => {
    expect(text).toContain('handshake simulation (127.0.1.40:443 (sni other.example.test)):');
    expect(markdown).toMatch(/^### TLS grade M .*, simulated mode, 127\.0\.1\.40:443 \\\(sni other\.example\.test\\\)$/m);
  });
});
