import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/evidence/check.js';
import type { CertificateInfo, PkiEvidence } from '../../src/evidence/certificate.js';
import type { EndpointEvidence, TargetEvidence } from '../../src/evidence/target.js';
import type { HttpHop, HstsEvidence } from '../../src/evidence/http.js';
import { runCheck } from '../../src/engine/run-checks.js';
import { defaultLevels } from '../../src/report/levels.js';

export const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

/** The outcomes a check emits for some evidence, as the engine would run it. */
export function outcomesOf(check: Check, ev: TargetEvidence, now = NOW): string[] {
  const { emissions } = runCheck(check, ev, { now, vars: defaultLevels().vars, target: { host: 'site.example', port: 443 } });
  return emissions.map((e) => e.outcome);
}

export function statusOf(check: Check, ev: TargetEvidence): string {
  return runCheck(check, ev, { now: NOW, vars: defaultLevels().vars, target: { host: 'site.example', port: 443 } }).run.status;
}

/** One table-driven suite per check; it also fails when a declared outcome has no case. */
export function checkCases(check: Check, cases: Array<[string, TargetEvidence, string[]]>): void {
  describe(check.id, () => {
    it.each(cases)('%s', (_label, ev, want) => expect(outcomesOf(check, ev)).toEqual(want));
    it('has a case for every declared outcome', () => {
      expect([...new Set(cases.flatMap((c) => c[2]))].sort()).toEqual(Object.keys(check.outcomes).sort());
    });
  });
}

export function evidence(parts: Partial<TargetEvidence> = {}): TargetEvidence {
  return { attempts: { dns: { status: 'ok' }, tls: { status: 'ok' }, http: { status: 'ok' } }, endpoints: [], ...parts };
}

export function endpoint(parts: Partial<EndpointEvidence> = {}): EndpointEvidence {
  return { address: '192.0.2.1', port: 443, sni: 'site.example', attempts: { tls: { status: 'ok' } }, ...parts };
}

export function leaf(daysFromNow: { notBefore: number; notAfter: number }, dns = ['site.example']): CertificateInfo {
  return {
    subject: 'CN=site.example',
    issuer: 'CN=Example CA',
    serial: '01',
    san: { dns, ip: [] },
    notBefore: new Date(NOW.getTime() + daysFromNow.notBefore * DAY).toISOString(),
    notAfter: new Date(NOW.getTime() + daysFromNow.notAfter * DAY).toISOString(),
    keyType: 'EC',
    keySize: 256,
    signatureAlgorithm: 'ecdsa-with-SHA256',
    selfSigned: false,
    isCA: false,
    sha256: 'a'.repeat(64),
    spkiSha256: 'b'.repeat(64),
    der: '',
  };
}

export function pki(parts: Partial<PkiEvidence> = {}): PkiEvidence {
  return {
    trusted: true,
    path: ['a'.repeat(64), 'c'.repeat(64), 'd'.repeat(64)],
    errors: [],
    hostnameMatch: true,
    completedViaAia: false,
    validatedAt: NOW.toISOString(),
    ...parts,
  };
}

export function hop(url: string, status: number | null, extra: Partial<HttpHop> = {}): HttpHop {
  return { url, address: '192.0.2.1', status, location: null, sts: [], server: null, ...extra };
}

export function hsts(parts: Partial<HstsEvidence>): HstsEvidence {
  return { raw: [], valid: false, maxAge: null, includeSubDomains: false, preload: false, errors: [], ...parts };
}
