import { defineCheck } from '../../src/evidence/check.js';
import { suiteProperties, type SuiteProperties } from '../../src/tls/suite-properties.js';

type Weakness = 'null-cipher' | 'anonymous' | 'export' | 'rc4' | 'des' | 'sweet32';

const WEAKNESSES: Array<[Weakness, (p: SuiteProperties) => boolean]> = [
  ['null-cipher', (p) => p.nullCipher],
  ['anonymous', (p) => p.anonymous],
  ['export', (p) => p.export],
  ['rc4', (p) => p.rc4],
  ['des', (p) => p.des],
  ['sweet32', (p) => p.block64 && !p.des],
];

const FIX_REMOVE = 'Remove these suites from the server configuration';

export default defineCheck({
  id: 'tls.cipher-suites',
  area: 'tls',
  title: 'Cipher suites offered',
  cite: ['RFC 7465', 'RFC 9325 §4.1–§4.2', 'CVE-2015-0204', 'CVE-2015-4000', 'CVE-2016-2183', 'https://wiki.mozilla.org/Security/Server_Side_TLS'],
  needs: ['tls'],
  outcomes: {
    ok: { text: 'every offered suite has forward secrecy and none is broken' },
    'null-cipher': { text: 'suites without encryption are offered: {suites}', fix: `${FIX_REMOVE} (OpenSSL cipher string: !eNULL).` },
    anonymous: {
      text: 'suites without server authentication are offered (anyone in the path can impersonate the server): {suites}',
      fix: `${FIX_REMOVE} (OpenSSL cipher string: !aNULL).`,
    },
    export: {
      text: 'export-grade suites are offered (FREAK CVE-2015-0204 for RSA, Logjam CVE-2015-4000 for DHE): {suites}',
      fix: `${FIX_REMOVE} (OpenSSL cipher string: !EXP).`,
    },
    rc4: { text: 'RC4 suites are offered, which RFC 7465 forbids: {suites}', fix: `${FIX_REMOVE} (OpenSSL cipher string: !RC4).` },
    des: { text: 'single-DES suites (56-bit keys or less) are offered: {suites}', fix: `${FIX_REMOVE} (OpenSSL cipher string: !DES).` },
    sweet32: {
      text: 'suites with 64-bit block ciphers are offered, open to Sweet32 (CVE-2016-2183) on long connections: {suites}',
      fix: `${FIX_REMOVE} (OpenSSL cipher string: !3DES:!IDEA:!RC2).`,
    },
    'cbc-only': {
      text: 'no AEAD suite is offered: every connection uses CBC with MAC-then-encrypt (Lucky13 and padding oracles)',
      fix: 'Offer ECDHE suites with AES-GCM or ChaCha20-Poly1305 on TLS 1.2, and enable TLS 1.3.',
    },
    'no-forward-secrecy': {
      text: 'no suite with forward secrecy is offered: a stolen server key decrypts recorded traffic',
      fix: 'Offer ECDHE (or TLS 1.3) suites and prefer them.',
    },
    'partial-forward-secrecy': { text: '{count} offered suites have no forward secrecy (static RSA or DH key exchange): {suites}' },
  },
  applies: (ev) => ev.endpoints.some((ep) => ep.tls?.protocols !== undefined),
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const offered = (ep.tls?.protocols ?? []).filter((p) => p.supported).flatMap((p) => p.cipherSuites.map((s) => s.name));
      const names = [...new Set(offered)];
      if (names.length === 0) return [];
      const props = names.map((name) => ({ name, p: suiteProperties(name) }));
      const list = (pred: (p: SuiteProperties) => boolean) => props.filter((x) => pred(x.p)).map((x) => x.name);
      const out = WEAKNESSES.flatMap(([outcome, pred]) => {
        const hit = list(pred);
        return hit.length > 0 ? [ctx.emit(outcome, { suites: hit.join(', ') }, ep)] : [];
      });
      if (list((p) => p.aead).length === 0 && list((p) => p.cbc).length > 0) out.push(ctx.emit('cbc-only', {}, ep));
      const withoutFs = list((p) => !p.forwardSecrecy);
      if (withoutFs.length === names.length) out.push(ctx.emit('no-forward-secrecy', {}, ep));
      else if (withoutFs.length > 0) out.push(ctx.emit('partial-forward-secrecy', { count: withoutFs.length, suites: withoutFs.join(', ') }, ep));
      return out.length > 0 ? out : [ctx.emit('ok', {}, ep)];
    }),
});
