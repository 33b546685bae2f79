import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../checks/index.gen.js';
import type { Finding } from '../../src/evidence/report.js';
import type { TargetEvidence } from '../../src/evidence/target.js';
import type { MailMx } from '../../src/evidence/dane.js';
import { recogniseSoftware, withFixSnippets, type FixProfile } from '../../src/report/fix-snippets.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { endpoint, evidence, hop } from '../support/check-kit.js';

const web = (server: string | null): TargetEvidence =>
  evidence({ endpoints: [endpoint({ http: { https: hop('https://site.example/', 200, { server }) } })] });

function mail(banner: string): TargetEvidence {
  const mx = { mx: 'mx.site.example', endpoints: [{ banner: { code: 220, lines: [banner] } }] } as unknown as MailMx;
  return evidence({ dane: { mail: [mx] } });
}

function finding(check: string, severity: Finding['severity'] = 'fail'): Finding {
  return { id: `${check}.x`, check, outcome: 'x', area: check.split('.')[0] as Finding['area'], severity, title: 't', detail: 'd', citation: [], remediation: 'generic' };
}

const snippetFor = (check: string, ev: TargetEvidence, profile: FixProfile = 'intermediate') => withFixSnippets([finding(check)], ev, profile)[0]!.fix?.snippet;

describe('recognising server software', () => {
  it.each([
    ['nginx/1.26.2', 'nginx'],
    ['Apache/2.4.62 (Debian)', 'apache'],
    ['Caddy', 'caddy'],
    ['HAProxy', 'haproxy'],
    ['cloudflare', undefined],
    [null, undefined],
  ])('Server: %s -> %s', (header, want) => expect(recogniseSoftware(web(header)).web?.software).toBe(want));

  it('Postfix from the SMTP banner, and only for mail', () => {
    expect(recogniseSoftware(mail('mx.site.example ESMTP Postfix (Debian/GNU)'))).toEqual({ mail: { software: 'postfix', recognisedBy: 'SMTP banner' } });
    expect(recogniseSoftware(mail('mx.site.example ESMTP Exim 4.96')).mail).toBeUndefined();
  });

  it('a redirect hop\'s Server header counts when the endpoint sent none', () => {
    const ev = evidence({ endpoints: [], http: { redirects: { http: [hop('http://site.example/', 301, { server: 'Apache' })], https: [] }, hsts: null } });
    expect(recogniseSoftware(ev).web?.software).toBe('apache');
  });
});

describe('fix snippets (Mozilla guidelines 6.0)', () => {
  it('nginx intermediate: TLS 1.2 and 1.3, the six ECDHE AEAD suites by OpenSSL name, X25519 first among the classic curves', () => {
    const s = snippetFor('tls.protocols', web('nginx'))!;
    expect(s).toMatchObject({ software: 'nginx', recognisedBy: 'HTTP Server header', profile: 'intermediate' });
    expect(s.config).toContain('ssl_protocols TLSv1.2 TLSv1.3;');
    expect(s.config).toContain('ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;');
    expect(s.config).toContain('ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1:secp384r1;');
  });

  it('modern drops the TLS 1.2 suite line and keeps only TLS 1.3', () => {
    const s = snippetFor('tls.cipher-suites', web('nginx'), 'modern')!;
    expect(s.config).toContain('ssl_protocols TLSv1.3;');
    expect(s.config).not.toContain('ssl_ciphers');
    expect(snippetFor('tls.protocols', web('Apache'), 'modern')!.config).toContain('SSLProtocol -all +TLSv1.3');
    expect(snippetFor('tls.protocols', web('HAProxy'), 'modern')!.config).toContain('ssl-min-ver TLSv1.3');
    expect(snippetFor('tls.protocols', web('Caddy'), 'modern')!.config).toContain('protocols tls1.3');
  });

  it('HSTS, redirect and chain findings get their own snippet; Postfix gets one for STARTTLS', () => {
    expect(snippetFor('hsts.header', web('nginx'))!.config).toBe('add_header Strict-Transport-Security "max-age=63072000" always;');
    expect(snippetFor('http.redirect', web('nginx'))!.config).toContain('return 301 https://$host$request_uri;');
    expect(snippetFor('certificate.trust', web('Apache/2.4'))!.config).toContain('SSLCertificateFile    /path/to/fullchain.pem');
    expect(snippetFor('mail.starttls', mail('ESMTP Postfix'))!.config).toContain('smtpd_tls_protocols = >=TLSv1.2');
  });

  it('no snippet without recognised software, for other topics, or for findings that need no fix; the generic text stays', () => {
    expect(snippetFor('tls.protocols', web('cloudflare'))).toBeUndefined();
    expect(snippetFor('dnssec.chain', web('nginx'))).toBeUndefined();
    expect(snippetFor('mail.starttls', web('nginx'))).toBeUndefined();
    expect(withFixSnippets([finding('hsts.header', 'pass')], web('nginx'), 'intermediate')[0]!.fix).toBeUndefined();
    expect(withFixSnippets([finding('hsts.header')], web('nginx'), 'intermediate')[0]!.remediation).toBe('generic');
  });

  it('every template is filled (no placeholder left) and every topic names checks that exist', () => {
    const rules = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'report', 'profiles', 'fix-snippets.json'), 'utf8')) as {
      topics: Record<string, { checks: string[] }>;
      templates: Record<string, Record<string, string[]>>;
    };
    const ids = new Set(checks.map((c) => c.id));
    expect(Object.values(rules.topics).flatMap((t) => t.checks).filter((id) => !ids.has(id))).toEqual([]);
    for (const [software, topics] of Object.entries(rules.templates)) {
      for (const topic of Object.keys(topics)) {
        const check = rules.topics[topic]!.checks[0]!;
        const ev = software === 'postfix' ? mail('ESMTP Postfix') : web(software);
        for (const profile of ['intermediate', 'modern'] as const) {
          // Apache's own %{VAR} syntax is not ours.
          expect(snippetFor(check, ev, profile)!.config.replace(/%\{\w+\}/g, '')).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});
