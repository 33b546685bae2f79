import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../checks/index.gen.js';
import type { Report, Score } from '../../src/evidence/report.js';
import { judge } from '../../src/engine/judge.js';
import { defaultLevels } from '../../src/report/levels.js';
import { DEFAULT_POLICY } from '../../src/report/policy.js';
import { PROFILES, type ProfileName } from '../../src/report/score.js';
import { deploy360Rules } from '../../src/report/profile-deploy360.js';
import { otaRules } from '../../src/report/profile-ota.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

/** A real scan of lab hosts with TLS enumeration (see fixtures/evidence/report/README.md), re-scored offline. */
const saved = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'evidence', 'report', 'lab-scan-tls.json'), 'utf8')) as Report;

function score(host: string, profile: ProfileName): Score {
  const t = saved.targets.find((x) => x.host === host)!;
  const { input, displayHost, port, status, errors } = t;
  return judge(t.evidence, { input, host, displayHost, port, status, errors }, { checks, levels: defaultLevels(), policy: DEFAULT_POLICY, now: new Date(saved.startedAt), profile }).score;
}
const cat = (s: Score, id: string) => s.categories.find((c) => c.id === id)!;

describe('every profile', () => {
  it.each(PROFILES)('%s: tlsGrade always comes from tls-grade', (profile) => {
    const s = score('legacy.example.test', profile);
    expect(s).toMatchObject({ profile, tlsGrade: 'C', tlsGradeRulesVersion: '2009r-encscan.2' });
    expect(s.arithmetic).toBeTypeOf('string');
  });

  it('rule files name only checks that exist', () => {
    const ids = new Set(checks.map((c) => c.id));
    const named = [...deploy360Rules().categories.flatMap((c) => [...c.required, ...c.recommended]), ...otaRules().pillars.flatMap((p) => p.criteria.flatMap((c) => c.checks))];
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('deploy360 (internet.nl mechanics) on the lab scan', () => {
  it('good: every category 100, dane n/a and left out', () => {
    const s = score('good.example.test', 'deploy360');
    expect(s.categories.map((c) => [c.id, c.score, c.verdict])).toEqual([
      ['tls', 100, 'pass'], ['certificate', 100, 'pass'], ['https-hsts', 100, 'pass'], ['dnssec', 100, 'pass'], ['dane', null, 'n/a'], ['mail-transport', 100, 'pass'],
    ]);
    expect(s.overall).toBe(100);
    expect(s.arithmetic).toBe('mean of 5 categories (100 + 100 + 100 + 100 + 100) / 5 = 100');
  });

  it('legacy: TLS 1.0 is worth 2 points, a fail 0, info findings do not count', () => {
    const s = score('legacy.example.test', 'deploy360');
    expect(cat(s, 'tls')).toMatchObject({
      score: 43,
      verdict: 'fail',
      arithmetic: '100 × 17/40 points (tls.handshake 10, tls.protocols 2, tls.protocol-version 0, tls.cipher-suites 5) = 43',
    });
    expect(s.overall).toBe(86);
    expect(s.arithmetic).toBe('mean of 4 categories (43 + 100 + 100 + 100) / 4 = 86');
  });

  it('insecure DNSSEC earns 2 of 10; every item that is not a pass links to its fix', () => {
    const s = score('www.insecure.test', 'deploy360');
    expect(cat(s, 'dnssec')).toMatchObject({ score: 60, verdict: 'warn', arithmetic: '100 × 12/20 points (dnssec.chain 2, dnssec.algorithm 10) = 60' });
    expect(cat(s, 'dnssec').items!.find((i) => i.id === 'dnssec.chain')).toEqual({
      id: 'dnssec.chain', outcome: 'warn', points: 2, max: 10, finding: 'dnssec.chain.insecure', link: 'https://www.internetsociety.org/deploy360/dnssec/',
    });
    for (const host of ['legacy.example.test', 'hsts-missing.example.test', 'expired.example.test', 'mail-broken.example.test']) {
      const items = score(host, 'deploy360').categories.flatMap((c) => c.items ?? []);
      expect(items.filter((i) => i.outcome !== 'pass').every((i) => /^https:\/\//.test(i.link ?? ''))).toBe(true);
      expect(items.filter((i) => i.outcome === 'pass').every((i) => i.link === undefined)).toBe(true);
    }
  });

  it('a name that does not exist scores only what was judged', () => {
    const s = score('missing.example.test', 'deploy360');
    expect(s.categories.filter((c) => c.verdict !== 'n/a').map((c) => c.id)).toEqual(['dnssec']);
  });
});

describe('ota (Honor Roll structure) on the lab scan', () => {
  it('good: both observed pillars 100, privacy not scored, on the Honor Roll', () => {
    const s = score('good.example.test', 'ota');
    expect(s.categories.map((c) => [c.id, c.score, c.verdict])).toEqual([['domain-protection', 100, 'pass'], ['site-security', 100, 'pass'], ['privacy', null, 'n/a']]);
    expect(cat(s, 'domain-protection').arithmetic).toBe('100 × 55/55 points = 100 + bonus 5, capped at 100 → 100; n/a: caa, mail-starttls, mail-dane');
    expect(s.honorRoll).toBe(true);
    expect(s.notObservable).toEqual(otaRules().notObservable);
    expect(s.notObservable!.some((n) => n.includes('DMARC'))).toBe(true);
  });

  it('auto-fail: TLS grade C (legacy) or T (expired) keeps a site off the Honor Roll whatever its composite', () => {
    const legacy = score('legacy.example.test', 'ota');
    expect(legacy.overall).toBe(87);
    expect(cat(legacy, 'site-security').arithmetic).toBe('100 × 72.5/100 points = 72.5 → 73');
    expect(legacy.honorRoll).toBe(false);
    expect(legacy.arithmetic).toContain('auto-fail: TLS grade C is C or lower');
    expect(score('expired.example.test', 'ota')).toMatchObject({ overall: 88, honorRoll: false });
  });

  it('a pillar under 60 or a composite under 80 fails; no TLS grade leaves it undecided', () => {
    const insecure = score('www.insecure.test', 'ota');
    expect(insecure).toMatchObject({ overall: 75, honorRoll: false });
    expect(insecure.arithmetic).toContain('domain-protection 50 < 60; composite 75 < 80');
    expect(score('www.expired-sig.test', 'ota')).toMatchObject({ overall: 50, honorRoll: false });
    expect(score('missing.example.test', 'ota').honorRoll).toBeNull();
    expect(score('hsts-short.example.test', 'ota')).toMatchObject({ overall: 97, honorRoll: true });
  });
});

describe('mozilla (server-side TLS 6.0) on the lab scan', () => {
  it('good: meets no configuration because of extra TLS 1.2 suites and groups; certificate and HSTS meet modern', () => {
    const s = score('good.example.test', 'mozilla');
    expect(s.mozilla).toMatchObject({ meets: null, next: 'intermediate' });
    expect(s.mozilla!.differences).toContain('offers TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA (not in intermediate)');
    expect(s.mozilla!.differences).toContain('offers group x448 (not in intermediate)');
    expect(s.mozilla!.differences).not.toContain('offers TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (not in intermediate)');
    expect(s.mozilla!.differences).toHaveLength(17);
    expect(s.categories.map((c) => [c.id, c.score, c.verdict])).toEqual([['tls', 0, 'fail'], ['certificate', 100, 'pass'], ['https-hsts', 100, 'pass']]);
    expect(cat(s, 'certificate').arithmetic).toBe('modern met, intermediate met, old 2 differences → modern = 100');
    expect(s.mozilla!.byConfiguration['old']).toContain('certificate key is ecdsa (old wants rsa)');
    expect(s.overall).toBe(0);
  });

  it('legacy: its TLS meets old only; the differences from intermediate are exact', () => {
    const s = score('legacy.example.test', 'mozilla');
    expect(cat(s, 'tls')).toMatchObject({ score: 40, verdict: 'warn', differences: ['offers TLS 1.0', 'offers none of TLS 1.2, TLS 1.3'] });
    expect(s.mozilla!.byConfiguration['modern']).toEqual(['offers TLS 1.0', 'offers none of TLS 1.3']);
  });

  it('rsa2048: an RSA 2048 certificate meets intermediate, not modern', () => {
    const s = score('rsa2048.example.test', 'mozilla');
    expect(cat(s, 'certificate')).toMatchObject({ score: 80, verdict: 'pass', differences: ['certificate key is rsa (modern wants ecdsa)'] });
    expect(s.mozilla!.differences).toContain('offers TLS_RSA_WITH_AES_128_CBC_SHA (not in intermediate)');
  });

  it('HSTS below two years differs from every configuration; no enumeration, no verdict', () => {
    expect(cat(score('hsts-short.example.test', 'mozilla'), 'https-hsts').differences).toEqual(['HSTS max-age 300 (intermediate wants at least 63072000)']);
    expect(score('missing.example.test', 'mozilla')).toMatchObject({ overall: null, mozilla: { meets: null, next: null } });
  });
});
