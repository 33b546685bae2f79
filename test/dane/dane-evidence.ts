// Builders for evidence.dane in check tests.
import type { DaneEvidence, DaneHttps, MailEndpoint, MailMx, TlsaRecordMatch } from '../../src/evidence/dane.js';
import type { TargetEvidence } from '../../src/evidence/target.js';
import { endpoint, evidence, leaf, NOW } from '../support/check-kit.js';

export function record(parts: Partial<TlsaRecordMatch> = {}): TlsaRecordMatch {
  return { usage: 3, selector: 1, mtype: 1, data: 'ab'.repeat(32), usable: true, status: 'authenticated', matched: true, depth: 0, reason: '3 1 1 matches the leaf', cells: [], ...parts };
}

export function https(parts: Partial<DaneHttps> = {}): DaneHttps {
  return {
    name: '_443._tcp.site.example.',
    dnssec: 'secure',
    records: [record()],
    verdict: 'valid',
    depth: 0,
    failure: null,
    rolloverReady: false,
    rollover: { ready: false, code: 'single-record', current: 0 },
    ...parts,
  };
}

export function mailEndpoint(parts: Partial<MailEndpoint> = {}): MailEndpoint {
  return {
    address: '192.0.2.25',
    port: 25,
    banner: { code: 220, lines: ['mx.site.example ESMTP'] },
    capabilities: ['STARTTLS'],
    starttls: true,
    tls: null,
    certificates: [],
    error: null,
    pki: null,
    verdict: 'valid',
    records: [record()],
    ...parts,
  };
}

export function mx(parts: Partial<MailMx> = {}): MailMx {
  return { mx: 'mx.site.example', preference: 10, dnssec: 'secure', records: [record()], starttls: true, verdict: 'valid', rolloverReady: true, endpoints: [mailEndpoint()], ...parts };
}

/** Target evidence carrying `dane`, with one HTTPS endpoint whose leaf has SPKI hash b…b. */
export function withDane(dane: Partial<DaneEvidence>): TargetEvidence {
  const ev = evidence({ endpoints: [endpoint({ certificates: [leaf({ notBefore: -1, notAfter: 90 })] })] });
  return { ...ev, attempts: { ...ev.attempts, dane: { status: 'ok' } }, dane: { mail: [], ...dane } } as TargetEvidence;
}

export { NOW };
