import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { renderSarif } from '../../src/report/render-sarif.js';
import { loadReport } from './render-fixtures.js';

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; shortDescription: { text: string }; help?: { text: string }; helpUri?: string; properties: { tags: string[] } }> } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: Array<{ name: string }> }>;
      partialFingerprints: Record<string, string>;
      suppressions?: unknown[];
    }>;
    properties: Record<string, string>;
  }>;
}

const lab = loadReport('lab-scan');
const hostile = loadReport('hostile');

function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
}

describe('SARIF 2.1.0', () => {
  it.each([['lab scan', lab], ['hostile report', hostile]])('validates against the OASIS schema: %s', (_, report) => {
    const validate = sarifValidator();
    const log = JSON.parse(renderSarif(report)) as unknown;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has a validator that rejects a log without a tool', () => {
    expect(sarifValidator()({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('reports warn, fail and info findings with their levels, one rule per finding id', () => {
    const run = (JSON.parse(renderSarif(lab)) as SarifLog).runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'encscan', version: lab.tool.version });
    const reported = lab.targets.flatMap((t) => t.findings.filter((f) => f.severity !== 'pass'));
    expect(run.results).toHaveLength(reported.length);
    expect(new Set(run.tool.driver.rules.map((r) => r.id))).toEqual(new Set(reported.map((f) => f.id)));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);

    const expired = run.results.find((r) => r.ruleId === 'certificate.expiry.expired')!;
    expect(expired.level).toBe('error');
    expect(expired.locations[0]!.physicalLocation.artifactLocation.uri).toBe('https://expired.example.test:443/');
    expect(expired.locations[0]!.logicalLocations[0]!.name).toBe('127.0.1.2:443');
    expect(run.results.find((r) => r.ruleId === 'hsts.header.too-short')!.level).toBe('warning');

    const rule = run.tool.driver.rules.find((r) => r.id === 'certificate.expiry.expired')!;
    expect(rule.shortDescription.text).toBe('Certificate validity period');
    expect(rule.help!.text).toMatch(/ACME/);
    expect(rule.properties.tags).toEqual(['certificate']);
    expect(run.properties).toMatchObject({ levelsVersion: lab.levelsVersion, profile: 'deploy360', policy: 'default' });
  });

  it('gives each result a fingerprint that is stable across runs and distinct within one', () => {
    const prints = (r: typeof lab) => (JSON.parse(renderSarif(r)) as SarifLog).runs[0]!.results.map((x) => x.partialFingerprints['encscanFinding/v1']);
    const rerun = { ...lab, startedAt: '2027-01-01T00:00:00.000Z', finishedAt: '2027-01-01T00:00:05.000Z' };
    expect(prints(rerun)).toEqual(prints(lab));
    expect(new Set(prints(lab)).size).toBe(prints(lab).length);
  });

  it('keeps hostile strings valid and visible: no raw controls, percent-encoded URIs, brackets for IPv6', () => {
    const out = renderSarif(hostile);
    const run = (JSON.parse(out) as SarifLog).runs[0]!;
    const uris = run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('https://[2001:db8::1]:443/');
    expect(uris.find((u) => u.startsWith('https://evil'))).toBe('https://evil%1B%5B31m%3Cx%3E.example.test:443/');
    for (const r of run.results) expect(r.message.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028]/);
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications[0]!.message.text).toContain('\\x1b[31m<script>');
    expect(run.results.find((r) => r.ruleId === 'certificate.hostname.mismatch')!.suppressions).toBeUndefined();
  });

  it('marks findings waived by the policy as suppressed', () => {
    const waived = structuredClone(lab);
    const t = waived.targets.find((x) => x.host === 'expired.example.test')!;
    t.gate = { passed: true, reasons: [], waived: ['certificate.expiry.expired'] };
    const result = (JSON.parse(renderSarif(waived)) as SarifLog).runs[0]!.results.find((r) => r.ruleId === 'certificate.expiry.expired')!;
    expect(result.suppressions).toEqual([{ kind: 'external', justification: 'waived by policy' }]);
  });
});
