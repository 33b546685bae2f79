// Weaknesses that follow from what enumeration found, with no connection of their own: POODLE
// (SSLv3 with CBC), Sweet32 (64-bit blocks), FREAK (RSA_EXPORT), Logjam (DHE_EXPORT), and the
// informational ones: BEAST (CBC on TLS 1.0 or older), Lucky13 (CBC at all), no TLS 1.3, no AEAD,
// no post-quantum key exchange.
import type { GroupRef, ProtocolSupport } from '../../../evidence/tls.js';
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { suiteProperties, type SuiteProperties } from '../../../tls/suite-properties.js';
import { result } from './probe-kit.js';

/** Hybrid and pure ML-KEM groups (draft-ietf-tls-ecdhe-mlkem, draft-connolly-tls-mlkem-key-agreement). */
const PQ_GROUPS: ReadonlySet<number> = new Set([0x0200, 0x0201, 0x0202, 0x11eb, 0x11ec, 0x11ed]);

export function impliedVulnerabilities(protocols: readonly ProtocolSupport[], groups: readonly GroupRef[]): TlsVulnerability[] {
  const supported = protocols.filter((p) => p.supported);
  if (supported.length === 0) return [];
  const suites = (versions: readonly string[] | null) =>
    supported.filter((p) => !versions || versions.includes(p.version)).flatMap((p) => p.cipherSuites.map((s) => ({ version: p.version, name: s.name, p: suiteProperties(s.name) })));
  const names = (list: Array<{ name: string; p: SuiteProperties }>, pred: (p: SuiteProperties) => boolean) => [...new Set(list.filter((s) => pred(s.p)).map((s) => s.name))];
  const implied = (id: TlsVulnerability['id'], hits: string[], yes: string, no: string, how: TlsVulnerability['how'] = 'implied') =>
    result(id, hits.length > 0, hits.length > 0 ? `${yes}: ${hits.join(', ')}` : no, 0, how);
  const all = suites(null);
  const tls13 = supported.some((p) => p.version === 'TLSv1.3');
  const pq = groups.filter((g) => PQ_GROUPS.has(g.code));
  return [
    implied('poodle', names(suites(['SSLv3']), (p) => p.cbc), 'SSLv3 with CBC suites', 'no CBC suite on SSLv3'),
    implied('sweet32', names(all, (p) => p.block64), '64-bit block ciphers offered', 'no 64-bit block cipher offered'),
    implied('freak', names(all, (p) => p.export && p.kx.startsWith('RSA')), 'RSA export suites offered', 'no RSA export suite offered'),
    implied('logjam', names(all, (p) => p.export && /^DHE?_/.test(p.kx)), 'DH export suites offered', 'no DH export suite offered'),
    implied('beast', names(suites(['SSLv3', 'TLSv1.0']), (p) => p.cbc), 'CBC suites on TLS 1.0 or older', 'no CBC suite below TLS 1.1', 'informational'),
    implied('lucky13', names(all, (p) => p.cbc), 'CBC suites offered', 'no CBC suite offered', 'informational'),
    result('no-tls13', !tls13, tls13 ? 'TLS 1.3 offered' : 'TLS 1.3 not offered', 0, 'informational'),
    result('no-aead', names(all, (p) => p.aead).length === 0, names(all, (p) => p.aead).length > 0 ? 'AEAD suites offered' : 'no AEAD suite offered', 0, 'informational'),
    result('no-pq-key-exchange', pq.length === 0, pq.length > 0 ? `post-quantum groups: ${pq.map((g) => g.name ?? g.code).join(', ')}` : 'no post-quantum group accepted', 0, 'informational'),
  ];
}
