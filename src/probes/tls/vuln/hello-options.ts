// Secure renegotiation (RFC 5746) and TLS compression (CRIME, CVE-2012-4929) from one hello: it
// signals renegotiation_info (extension and SCSV) and offers DEFLATE beside null compression.
// The ServerHello answers both: the extension echoed or not, the compression method it chose.
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { helloFlight, legacyHello, legacyVersion, RENEGOTIATION_SCSV, result, type VulnTarget } from './probe-kit.js';

/** DEFLATE (RFC 3749 §2). */
export const DEFLATE = 1;

export async function probeHelloOptions(t: VulnTarget): Promise<TlsVulnerability[]> {
  const legacy = legacyVersion(t);
  if (!legacy) return [];
  const hello = legacyHello(t, legacy.version, [...legacy.suites, RENEGOTIATION_SCSV], {
    compressionMethods: [DEFLATE, 0],
    ...(legacy.version === 'SSLv3' ? {} : { renegotiationInfo: true }),
  });
  const opened = await helloFlight(t, hello);
  if (!opened.ok) {
    const why = `${legacy.version} hello: ${opened.why}`;
    return [result('secure-renegotiation', null, why, 1), result('compression', null, why, 1)];
  }
  opened.conv.close();
  const h = opened.flight.hello;
  const reneg = h.renegotiationInfo;
  return [
    reneg === null
      ? result('secure-renegotiation', true, `${legacy.version} ServerHello without renegotiation_info`, 1)
      : result('secure-renegotiation', reneg.length !== 0, `${legacy.version} ServerHello echoes renegotiation_info`, 1),
    h.compressionMethod === 0
      ? result('compression', false, `${legacy.version} ServerHello chose null compression over DEFLATE`, 1)
      : result('compression', true, `${legacy.version} ServerHello chose compression method ${h.compressionMethod}`, 1),
  ];
}
