import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJunit } from '../../src/report/render-junit.js';
import { loadReport } from './render-fixtures.js';

const lab = loadReport('lab-scan');
const hostile = loadReport('hostile');

interface Case {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '#text'?: string };
  error?: { '@_message': string };
  skipped?: { '@_message': string };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  properties: { property: Array<{ '@_name': string; '@_value': string }> };
  testcase: Case[];
}

function parse(xml: string): Suite[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(xml) as { testsuites: { testsuite: Suite[] } };
  return doc.testsuites.testsuite;
}

describe('JUnit XML', () => {
  it('has one suite per target and one case per check, plus scan and gate', () => {
    const suites = parse(renderJunit(lab));
    expect(suites).toHaveLength(lab.targets.length);
    lab.targets.forEach((t, i) => {
      const s = suites[i]!;
      expect(s['@_name']).toBe(`${t.displayHost}:${t.port}`);
      expect(s.testcase.map((c) => c['@_name'])).toEqual([...t.checks.map((k) => k.id), 'scan', 'gate']);
      expect(Number(s['@_tests'])).toBe(s.testcase.length);
      expect(Number(s['@_failures'])).toBe(s.testcase.filter((c) => c.failure).length);
      expect(Number(s['@_skipped'])).toBe(s.testcase.filter((c) => c.skipped).length);
    });
  });

  it('fails the check that has a fail finding, skips the ones that did not run', () => {
    const suites = parse(renderJunit(lab));
    const expired = suites[lab.targets.findIndex((t) => t.host === 'expired.example.test')]!;
    const c = expired.testcase.find((x) => x['@_name'] === 'certificate.expiry')!;
    expect(c['@_classname']).toBe('certificate');
    expect(c.failure!['@_message']).toMatch(/^certificate\.expiry\.expired: expired on /);
    expect(c.failure!['#text']).toMatch(/Fix: Renew/);
    expect(expired.testcase.find((x) => x['@_name'] === 'gate')!.failure).toBeDefined();
    expect(expired.testcase.find((x) => x['@_name'] === 'dns.cname-chain')!.skipped!['@_message']).toBe('not-applicable');

    const missing = suites[lab.targets.findIndex((t) => t.host === 'missing.example.test')]!;
    expect(missing.testcase.find((x) => x['@_name'] === 'tls.handshake')!.skipped!['@_message']).toBe('not-tested');
  });

  it('fails warn findings only when asked', () => {
    const i = lab.targets.findIndex((t) => t.host === 'hsts-short.example.test');
    const hsts = (xml: string) => parse(xml)[i]!.testcase.find((x) => x['@_name'] === 'hsts.header')!;
    expect(hsts(renderJunit(lab)).failure).toBeUndefined();
    expect(hsts(renderJunit(lab, { warnAsFailure: true })).failure!['@_message']).toMatch(/^hsts\.header\.too-short/);
  });

  it('carries the run stamp as properties', () => {
    const props = Object.fromEntries(parse(renderJunit(lab))[0]!.properties.property.map((p) => [p['@_name'], p['@_value']]));
    expect(props).toMatchObject({ tool: `encscan ${lab.tool.version}`, schemaVersion: '1', levelsVersion: lab.levelsVersion, profile: 'deploy360', policy: 'default', startedAt: lab.startedAt });
  });

  it('stays well-formed XML 1.0 with hostile strings, which read back escaped and visible', () => {
    const xml = renderJunit(hostile);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toContain('<script');
    const suites = parse(xml);
    expect(suites).toHaveLength(hostile.targets.length);
    expect(xml).toContain('\\x1b[31m&lt;script&gt;');
    expect(suites[0]!['@_name']).toContain('\\x1b[31m<script>alert(1)</script>\\x0a');
    expect(suites[1]!.testcase.find((x) => x['@_name'] === 'scan')!.error!['@_message']).toBe('target error');
  });
});
