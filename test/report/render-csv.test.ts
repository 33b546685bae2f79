import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/render-csv.js';
import { loadReport, parseCsv } from './render-fixtures.js';

const lab = loadReport('lab-scan');
const hostile = loadReport('hostile');

const records = (csv: string) => {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('CSV', () => {
  it('is RFC 4180 with one row per target, every row as wide as the header', () => {
    const csv = renderCsv(lab);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(lab.targets.length + 1);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
    expect(rows[0]).toEqual(expect.arrayContaining(['host', 'port', 'status', 'verdict', 'exit_code', 'overall_score', 'score_tls', 'score_https-hsts', 'tls_version', 'cert_trusted', 'hsts_max_age', 'http_redirect', 'fail_count', 'worst_findings', 'rules_version']));
  });

  it('carries the key values of the lab hosts', () => {
    const byHost = Object.fromEntries(records(renderCsv(lab)).map((r) => [r['host'], r]));
    expect(byHost['good.example.test']).toMatchObject({
      port: '443', status: 'complete', verdict: 'pass', exit_code: '0', overall_score: '100', score_certificate: '100', score_dnssec: '',
      tls_version: 'TLSv1.3', tls_cipher_suite: 'TLS_AES_256_GCM_SHA384', cert_trusted: 'true', cert_hostname_match: 'true',
      hsts_present: 'true', hsts_max_age: '63072000', hsts_include_subdomains: 'true', http_redirect: 'to-https', fail_count: '0', worst_findings: '',
      profile: 'deploy360', levels_version: lab.levelsVersion, started_at: lab.startedAt,
    });
    expect(byHost['expired.example.test']).toMatchObject({ verdict: 'fail', exit_code: '1', score_certificate: '67', fail_count: '1', worst_findings: 'certificate.expiry.expired' });
    expect(byHost['hsts-short.example.test']).toMatchObject({ verdict: 'pass', warn_count: '1', worst_findings: 'hsts.header.too-short', hsts_max_age: '300' });
    expect(byHost['hsts-missing.example.test']).toMatchObject({ hsts_present: 'false', worst_findings: 'hsts.header.missing' });
    expect(byHost['no-redirect.example.test']!['http_redirect']).toBe('serves-http');
    expect(byHost['legacy.example.test']!['tls_version']).toBe('TLSv1.0');
    expect(byHost['missing.example.test']).toMatchObject({ overall_score: '', tls_version: '', hsts_present: '', worst_findings: 'dns.resolves.nxdomain' });
  });

  it('stays parsable with hostile strings and defuses spreadsheet formulas', () => {
    const csv = renderCsv(hostile);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(hostile.targets.length + 1);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const [first, second, third] = records(csv);
    expect(first!['input']).toBe(`'=HYPERLINK("http://evil.example/","click")`);
    expect(second!['input']).toBe(`'+cmd|' /C calc'!A0`);
    expect(second!['display_host']).toMatch(/^'@SUM\(1\+1\)\\x1b\[31m<script>/);
    expect(third!['input']).toBe(`'-2+3`);
    expect(first!['display_host']!.length).toBeGreaterThan(5000);
    expect(second!['errors']).toBe('ENCSCAN_DNS_TIMEOUT');
    expect(second!['verdict']).toBe('error');
  });
});
