import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/render-html.js';
import { loadReport } from './render-fixtures.js';

const lab = loadReport('lab-scan');
const hostile = loadReport('hostile');

describe('HTML', () => {
  it('is one self-contained page under a strict CSP that allows only its own <style>', () => {
    const html = renderHtml(lab);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\bsrc=|\bstyle="|@import|url\(|\bon[a-z]+=/i);
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="(#t\d+|https?:\/\/[^"]+)"$/);
  });

  it('shows verdicts, scores and category bars for every target', () => {
    const html = renderHtml(lab);
    expect(html.match(/<section id="t\d+">/g)).toHaveLength(lab.targets.length);
    expect(html).toContain('<a href="#t1">expired.example.test:443</a></td><td><span class="badge fail">FAIL</span></td><td class="num">89</td>');
    expect(html).toContain('aria-label="certificate 67 of 100"><rect class="track" x="0" y="0" width="104" height="10" rx="2"/><rect class="fail" x="2" y="2" width="67"');
    expect(html).toContain('certificate.expiry.expired');
    expect(html).toMatch(/<strong>Fix:<\/strong> Renew the certificate/);
  });

  it('escapes every hostile string', () => {
    const html = renderHtml(hostile);
    expect(html).not.toMatch(/<script|<img|<x>|<b>|]]>/i);
    expect(html).toContain('\\x1b[31m&lt;script&gt;alert(1)&lt;/script&gt;\\x0a&quot;&#39;&amp;]]&gt;\\x2028');
    expect(html).toContain('policy &lt;script&gt;alert(1)&lt;/script&gt;\\x1b[2J.json');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
