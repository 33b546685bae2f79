// TLS_FALLBACK_SCSV (RFC 7507): a hello for a version below the highest the server supports, with
// the SCSV among its suites, must get an inappropriate_fallback alert. Needs two supported versions.
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { FALLBACK_SCSV, helloFlight, legacyHello, LEGACY_ORDER, result, type VulnTarget } from './probe-kit.js';

const INAPPROPRIATE_FALLBACK = 86;
const NEWEST_FIRST = ['TLSv1.3', ...LEGACY_ORDER] as const;

export async function probeFallbackScsv(t: VulnTarget): Promise<TlsVulnerability[]> {
  const supported = NEWEST_FIRST.filter((v) => t.protocols.some((p) => p.version === v && p.supported));
  const [top, below] = supported;
  if (top === undefined || below === undefined || below === 'TLSv1.3') return [];
  const p = t.protocols.find((x) => x.version === below)!;
  const suites = p.cipherSuites.filter((s) => s.code !== null).map((s) => Number(s.code));
  const opened = await helloFlight(t, legacyHello(t, below, [...suites, FALLBACK_SCSV]));
  if (opened.ok) {
    opened.conv.close();
    return [result('fallback-scsv', true, `a ${below} hello with TLS_FALLBACK_SCSV was accepted although ${top} is supported`, 1)];
  }
  const refused = opened.alert === INAPPROPRIATE_FALLBACK;
  return [result('fallback-scsv', refused ? false : null, `${below} hello with TLS_FALLBACK_SCSV: ${opened.why}`, 1)];
}
