import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { loadReport } from './render-fixtures.js';

const lab = loadReport('lab-scan');
const hostile = loadReport('hostile');

describe('Markdown', () => {
  it('has the stamp, then a verdict table with one row per target and a column per category', () => {
    const md = renderMarkdown(lab);
    expect(md).toContain(`| levelsVersion | ${lab.levelsVersion} |`);
    expect(md).toContain('| target | verdict | score | TLS grade | tls | certificate | https-hsts | dnssec | dane | mail-transport |');
    expect(md).toContain('| expired.example.test:443 | FAIL | 89 | n/a | 100 pass | 67 fail | 100 pass | n/a | n/a | n/a |');
    const table = md.split('## Verdicts')[1]!.split('\n\n')[1]!.split('\n');
    expect(table).toHaveLength(lab.targets.length + 2);
  });

  it('lists failures and warnings with their remediation', () => {
    const md = renderMarkdown(lab);
    expect(md).toMatch(/- \*\*FAIL\*\* certificate.expiry.expired \(127.0.1.2:443\): expired on .*\n {2}- Fix: Renew the certificate/);
    expect(md).toContain('- **WARN** hsts.header.too-short');
    expect(md).not.toContain('certificate.trust.trusted');
  });

  it('escapes Markdown and HTML in hostile strings: no tag, link, autolink or table cell break', () => {
    // A fix snippet is a fenced code block (inert text): its fence is longer than any backtick run inside.
    const full = renderMarkdown(hostile);
    expect(full).toContain('    `````\n    line one \\x1b[2J\n    ````\n    </pre><script>alert(2)</script>\n    \\x202egnp.exe\n    `````\n');
    const md = full.replace(/^ {4}(`{3,})\n[\s\S]*?\n {4}\1$/gm, '');
    expect(md).not.toMatch(/(^|[^\\])<(script|img|x|b)\b/);
    expect(md).not.toMatch(/(^|[^\\])\]\(/);
    expect(md).not.toMatch(/(^|[^\\]):\/\/evil|(^|[^\\])www\.evil|(^|[^\\])@b\.example/);
    expect(md).toContain(String.raw`\\x1b\[31m\<script\>alert\(1\)\</script\>\\x0a"'\&\]\]\>\\x2028`);
    const rows = md.split('## Verdicts')[1]!.split('\n\n')[1]!.split('\n');
    for (const r of rows) expect(r.replace(/\\\|/g, '').split('|')).toHaveLength(rows[0]!.split('|').length);
  });
});
