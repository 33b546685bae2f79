import { defineCheck } from '../../src/evidence/check.js';
import type { TlsVulnerabilityId } from '../../src/evidence/tls-vulnerabilities.js';

// Named attacks that follow from the protocols and suites offered. The suites and versions themselves
// are judged by tls.protocols and tls.cipher-suites; these findings name the attack and say that it is
// implied by the configuration, not observed.
const IMPLIED = ['poodle', 'sweet32', 'freak', 'logjam', 'beast', 'lucky13', 'no-tls13', 'no-aead', 'no-pq-key-exchange'] as const satisfies readonly TlsVulnerabilityId[];
type Implied = (typeof IMPLIED)[number];
const ATTACKS: ReadonlySet<TlsVulnerabilityId> = new Set(IMPLIED.slice(0, 6));

export default defineCheck({
  id: 'tls.implied-weaknesses',
  area: 'tls',
  title: 'Attacks implied by the configuration',
  cite: ['CVE-2014-3566', 'CVE-2016-2183', 'CVE-2015-0204', 'CVE-2015-4000', 'CVE-2011-3389', 'CVE-2013-0169', 'RFC 9325 §4.2'],
  needs: ['tls'],
  outcomes: {
    ok: { text: 'the protocols and suites offered imply none of POODLE, Sweet32, FREAK, Logjam, BEAST or Lucky13' },
    poodle: { text: 'POODLE (CVE-2014-3566), {how}: {detail}', fix: 'Disable SSLv3.' },
    sweet32: { text: 'Sweet32 (CVE-2016-2183), {how}: {detail}', fix: 'Remove 3DES, IDEA and other 64-bit block cipher suites.' },
    freak: { text: 'FREAK (CVE-2015-0204), {how}: {detail}', fix: 'Remove export suites (OpenSSL cipher string !EXP).' },
    logjam: { text: 'Logjam (CVE-2015-4000), {how}: {detail}', fix: 'Remove export suites (OpenSSL cipher string !EXP).' },
    beast: { text: 'BEAST (CVE-2011-3389), {how}, mitigated in current clients: {detail}' },
    lucky13: { text: 'Lucky Thirteen (CVE-2013-0169), {how}, mitigated in maintained TLS stacks: {detail}' },
    'no-tls13': { text: 'no TLS 1.3 ({how})' },
    'no-aead': { text: 'no AEAD suite ({how})' },
    'no-pq-key-exchange': { text: 'no post-quantum key exchange ({how}): recorded traffic is open to a future quantum computer' },
  },
  applies: (ev) => ev.endpoints.some((ep) => (ep.tls?.vulnerabilities ?? []).some((v) => v.how !== 'tested')),
  run: (ev, ctx) =>
    ev.endpoints.flatMap((ep) => {
      const results = (ep.tls?.vulnerabilities ?? []).filter((v) => v.how !== 'tested');
      if (results.length === 0) return [];
      const hits = IMPLIED.flatMap((id) => results.filter((v) => v.id === id && v.vulnerable === true));
      const out = hits.map((v) => ctx.emit(v.id as Implied, { how: v.how, detail: v.detail }, ep));
      return hits.some((v) => ATTACKS.has(v.id)) ? out : [ctx.emit('ok', {}, ep), ...out];
    }),
});
