import type { TlsVulnerability, TlsVulnerabilityId } from '../../src/evidence/tls-vulnerabilities.js';
import { endpoint, evidence } from '../support/check-kit.js';

const NEGOTIATED = { version: 'TLSv1.2' as const, cipherSuite: { code: '0xC02F', name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' }, alpn: null };

/** Target evidence with one endpoint whose probes found `results`. */
export function withVulnerabilities(results: TlsVulnerability[]) {
  return evidence({ endpoints: [endpoint({ tls: { negotiated: NEGOTIATED, handshakeMs: 1, vulnerabilities: results } })] });
}

/** One probe result. */
export function found(id: TlsVulnerabilityId, vulnerable: boolean | null, extra: Partial<TlsVulnerability> = {}): TlsVulnerability {
  return { id, vulnerable, how: 'tested', detail: 'observed', connections: 1, ...extra };
}

/** The three cases every tested-weakness check has: fixed, vulnerable, undecided; and no result at all. */
export function weaknessCases(id: TlsVulnerabilityId): Array<[string, ReturnType<typeof evidence>, string[]]> {
  return [
    ['fixed', withVulnerabilities([found(id, false)]), ['ok']],
    ['vulnerable', withVulnerabilities([found(id, true)]), ['vulnerable']],
    ['undecided', withVulnerabilities([found(id, null)]), ['unknown']],
    ['not probed', withVulnerabilities([]), []],
  ];
}

/** The tested weaknesses of an endpoint, id → vulnerable; client-initiated renegotiation (a policy, not a flaw) left out. */
export function testedVerdicts(results: readonly TlsVulnerability[] | undefined): Record<string, boolean | null> {
  return Object.fromEntries((results ?? []).filter((v) => v.how === 'tested' && v.id !== 'client-renegotiation').map((v) => [v.id, v.vulnerable]));
}
