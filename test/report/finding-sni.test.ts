import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import expiry from '../../checks/certificate/expiry.js';
import heartbleed from '../../checks/tls/heartbleed.js';
import type { Check } from '../../src/evidence/check.js';
import type { Finding, Report } from '../../src/evidence/report.js';
import type { EndpointEvidence } from '../../src/evidence/target.js';
import { runCheck, toFinding } from '../../src/engine/run-checks.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { diffReports } from '../../src/report/diff.js';
import { render } from '../../src/report/formats.js';
import { defaultLevels } from '../../src/report/levels.js';
import { NOW, endpoint, evidence, leaf } from '../support/check-kit.js';
import { found } from '../tls-vuln/vuln-evidence.js';
import { loadReport, parseCsv } from './render-fixtures.js';

/** The findings a check gives for these endpoints of a target named `host`, as judge() builds them. */
function findings(check: Check, host: string, endpoints: EndpointEvidence[]): Finding[] {
  const levels = defaultLevels();
  const { emissions } = runCheck(check, evidence({ endpoints }), { now: NOW, vars: levels.vars, target: { host, port: 443 } });
  return emissions.map((e) => toFinding(check, e, levels));
}

const expiring = (address: string, sni: string | null) => endpoint({ address, sni, certificates: [leaf({ notBefore: -10, notAfter: 200 })] });
const where = (fs: Finding[]) => fs.map((f) => [f.endpoint, f.sni]);

describe('the SNI name of a finding', () => {
  it('is left out when the endpoint was scanned under the target host (case and a final dot aside) or under no name', () => {
    expect(where(findings(expiry, 'site.example', [expiring('192.0.2.1', 'site.example'), expiring('192.0.2.2', 'Site.Example.')]))).toEqual([
      ['192.0.2.1:443', undefined],
      ['192.0.2.2:443', undefined],
    ]);
    expect(where(findings(expiry, '2001:db8::1', [expiring('2001:db8::1', null)]))).toEqual([['[2001:db8::1]:443', undefined]]);
  });

  it('is given when the name is not the target host (--sni, an IP literal scanned under a name)', () => {
    expect(where(findings(expiry, '192.0.2.1', [expiring('192.0.2.1', 'shop.example')]))).toEqual([['192.0.2.1:443', 'shop.example']]);
  });

  it('is given to every endpoint when several names share the address:port, the target host included', () => {
    const eps = [expiring('192.0.2.1', 'site.example'), expiring('192.0.2.1', 'shop.example'), expiring('192.0.2.2', 'site.example')];
    expect(where(findings(expiry, 'site.example', eps))).toEqual([
      ['192.0.2.1:443', 'site.example'],
      ['192.0.2.1:443', 'shop.example'],
      ['192.0.2.2:443', undefined],
    ]);
  });

  it('reaches the tested TLS weaknesses', () => {
    const probed = (sni: string) => endpoint({ sni, tls: { handshakeMs: 1, vulnerabilities: [found('heartbleed', false)] } });
    expect(where(findings(heartbleed, 'site.example', [probed('site.example'), probed('shop.example')]))).toEqual([
      ['192.0.2.1:443', 'site.example'],
      ['192.0.2.1:443', 'shop.example'],
    ]);
  });
});

function expectSchemaValid(json: unknown): void {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'report.schema.json'), 'utf8')) as object);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
}

/** The lab scan with expired.example.test's expiry finding split in two names, one of them hostile. */
function twoNames(): Report {
  const r = structuredClone(loadReport('lab-scan'));
  const t = r.targets.find((x) => x.host === 'expired.example.test')!;
  const f = t.findings.find((x) => x.id === 'certificate.expiry.expired')!;
  t.findings.splice(t.findings.indexOf(f), 1, { ...f, sni: 'shop.example.test' }, { ...f, sni: '<i>evil</i>.example.test' });
  return r;
}

describe('renderers label a finding with its SNI name', () => {
  const report = twoNames();

  it('json: an optional sni beside endpoint, valid against the schema', () => {
    const out = JSON.parse(render('json', report)) as Report;
    expectSchemaValid(out);
    const got = out.targets.find((t) => t.host === 'expired.example.test')!.findings.filter((f) => f.id === 'certificate.expiry.expired');
    expect(got.map((f) => [f.endpoint, f.sni])).toEqual([
      ['127.0.1.2:443', 'shop.example.test'],
      ['127.0.1.2:443', '<i>evil</i>.example.test'],
    ]);
  });

  it('text, markdown and junit: address:port (sni NAME)', () => {
    expect(render('text', report)).toContain('FAIL certificate.expiry.expired  [127.0.1.2:443 (sni shop.example.test)]');
    expect(render('markdown', report)).toMatch(/certificate\\?\.expiry\\?\.expired \(127\.0\.1\.2:443 \\?\(sni shop\\?\.example\\?\.test\\?\)\)/);
    const junit = render('junit', report);
    expect(junit).toContain('certificate.expiry.expired [127.0.1.2:443 (sni shop.example.test)]');
    expect(junit).toContain('[127.0.1.2:443 (sni &lt;i&gt;evil&lt;/i&gt;.example.test)]');
  });

  it('html: the name escaped', () => {
    const html = render('html', report);
    expect(html).toContain('<span class="muted">127.0.1.2:443 (sni shop.example.test)</span>');
    expect(html).toContain('<span class="muted">127.0.1.2:443 (sni &lt;i&gt;evil&lt;/i&gt;.example.test)</span>');
    expect(html).not.toContain('<i>evil');
  });

  it('sarif: one logical location and fingerprint per name, the name as a property', () => {
    const results = (JSON.parse(render('sarif', report)) as { runs: Array<{ results: Array<Record<string, any>> }> }).runs[0]!.results.filter(
      (x) => x['ruleId'] === 'certificate.expiry.expired',
    );
    expect(results.map((x) => x['locations'][0].logicalLocations[0].name)).toEqual(['127.0.1.2:443 (sni shop.example.test)', '127.0.1.2:443 (sni <i>evil</i>.example.test)']);
    expect(results.map((x) => x['properties'].sni)).toEqual(['shop.example.test', '<i>evil</i>.example.test']);
    expect(new Set(results.map((x) => x['partialFingerprints']['encscanFinding/v1'])).size).toBe(2);
    // A finding without a name keeps the fingerprint it had before names were recorded.
    const plain = (JSON.parse(render('sarif', loadReport('lab-scan'))) as { runs: Array<{ results: Array<Record<string, any>> }> }).runs[0]!.results;
    const before = plain.find((x) => x['ruleId'] === 'certificate.expiry.expired')!;
    expect(before['locations'][0].logicalLocations[0].name).toBe('127.0.1.2:443');
    expect(before['properties'].sni).toBeUndefined();
  });

  it('csv: worst_findings lists the id once per name', () => {
    const [header, ...rows] = parseCsv(render('csv', report));
    const row = rows.find((r) => r[header!.indexOf('host')] === 'expired.example.test')!;
    expect(row[header!.indexOf('worst_findings')]).toBe('certificate.expiry.expired[sni=shop.example.test] certificate.expiry.expired[sni=<i>evil</i>.example.test]');
  });
});

describe('diff', () => {
  it('compares a check per name, never merging two names on one address', () => {
    const before = twoNames();
    const after = twoNames();
    const pair = (r: Report) => r.targets.find((t) => t.host === 'expired.example.test')!.findings.filter((f) => f.check === 'certificate.expiry');
    const [a, b] = pair(after);
    Object.assign(a!, { id: 'certificate.expiry.ok', outcome: 'ok', severity: 'pass' });
    Object.assign(pair(before)[1]!, { id: 'certificate.expiry.ok', outcome: 'ok', severity: 'pass' });
    expect(b!.severity).toBe('fail');
    const d = diffReports(before, after);
    expect(d.better.map((c) => c.subject)).toEqual(['certificate.expiry @ 127.0.1.2:443 (sni shop.example.test)']);
    expect(d.worse.map((c) => c.subject)).toEqual(['certificate.expiry @ 127.0.1.2:443 (sni <i>evil</i>.example.test)']);
  });
});

describe('the TLS grade details name the graded endpoint with its SNI name', () => {
  /** legacy.example.test graded under two names on one address, the worst under a hostile one. */
  function graded(): Report {
    const r = structuredClone(loadReport('lab-scan-graded'));
    const d = r.targets.find((t) => t.host === 'legacy.example.test')!.score.tlsGradeDetails!;
    const [worst] = d.endpoints;
    d.endpoints = [{ ...worst!, sni: 'legacy.example.test', grade: 'A' }, { ...worst!, sni: '<i>evil</i>.example.test' }];
    return r;
  }
  const report = graded();

  it('json: an optional sni beside endpoint, valid against the schema', () => {
    expectSchemaValid(JSON.parse(render('json', report)));
  });

  it('text, markdown and html print the worst endpoint as findings are located, escaped', () => {
    expect(render('text', report)).toContain('handshake simulation (127.0.1.12:443 (sni <i>evil</i>.example.test)):');
    const markdown = render('markdown', report);
    expect(markdown).toMatch(/^### TLS grade C, simulated mode, 127\.0\.1\.12:443 \\\(sni .*evil.*\\\)$/m);
    expect(markdown).not.toContain('<i>evil');
    const html = render('html', report);
    expect(html).toContain('<summary>TLS grade C, simulated mode, 127.0.1.12:443 (sni &lt;i&gt;evil&lt;/i&gt;.example.test)</summary>');
    expect(html).not.toContain('<i>evil');
  });
});
