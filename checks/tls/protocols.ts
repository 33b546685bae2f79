import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'tls.protocols',
  area: 'tls',
  title: 'Protocol versions offered',
  cite: ['RFC 6176', 'RFC 7568', 'RFC 8996 §2–§3', 'RFC 8446', 'CVE-2014-3566', 'https://wiki.mozilla.org/Security/Server_Side_TLS'],
  needs: ['tls'],
  outcomes: {
    ok: { text: 'only TLS 1.2 and TLS 1.3 are offered' },
    sslv2: {
      text: 'SSLv2 is offered ({suites}); RFC 6176 forbids it and DROWN (CVE-2016-0800) uses it to break TLS on the same key',
      fix: 'Disable SSLv2 on every server that shares this certificate key (OpenSSL: no SSLv2 at all; nginx/Apache: remove SSLv2 from ssl_protocols / SSLProtocol).',
    },
    sslv3: {
      text: 'SSLv3 is offered; RFC 7568 forbids it and POODLE (CVE-2014-3566) breaks its CBC mode',
      fix: 'Disable SSLv3 (nginx: ssl_protocols TLSv1.2 TLSv1.3; Apache: SSLProtocol -all +TLSv1.2 +TLSv1.3).',
    },
    tls10: {
      text: 'TLS 1.0 is offered, which RFC 8996 deprecates (no SHA-2 handshake hash, CBC IV chaining as in BEAST)',
      fix: 'Disable TLS 1.0 (nginx: ssl_protocols TLSv1.2 TLSv1.3; Apache: SSLProtocol -all +TLSv1.2 +TLSv1.3).',
    },
    tls11: {
      text: 'TLS 1.1 is offered, which RFC 8996 deprecates',
      fix: 'Disable TLS 1.1 (nginx: ssl_protocols TLSv1.2 TLSv1.3; Apache: SSLProtocol -all +TLSv1.2 +TLSv1.3).',
    },
    'no-tls13': {
      text: 'TLS 1.3 is not offered',
      fix: 'Enable TLS 1.3 (OpenSSL 1.1.1 or later; nginx: ssl_protocols TLSv1.2 TLSv1.3).',
    },
    unknown: { text: 'support for {versions} is unknown: the enumeration did not finish ({code})' },
  },
  applies: (ev) => ev.endpoints.some((ep) => ep.tls?.protocols !== undefined),
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const protocols = ep.tls?.protocols;
      if (!protocols) return [];
      const offered = (v: string) => protocols.find((p) => p.version === v);
      const out = [];
      const ssl2 = offered('SSLv2');
      if (ssl2?.supported) out.push(ctx.emit('sslv2', { suites: ssl2.cipherSuites.map((s) => s.name).join(', ') }, ep));
      if (offered('SSLv3')?.supported) out.push(ctx.emit('sslv3', {}, ep));
      if (offered('TLSv1.0')?.supported) out.push(ctx.emit('tls10', {}, ep));
      if (offered('TLSv1.1')?.supported) out.push(ctx.emit('tls11', {}, ep));
      const tls13 = offered('TLSv1.3');
      if (tls13 && !tls13.supported && tls13.error === null) out.push(ctx.emit('no-tls13', {}, ep));
      const unknown = protocols.filter((p) => !p.supported && p.error !== null);
      if (unknown.length > 0) {
        out.push(ctx.emit('unknown', { versions: unknown.map((p) => p.version).join(', '), code: unknown[0]!.error! }, ep));
      }
      return out.length > 0 ? out : [ctx.emit('ok', {}, ep)];
    }),
});
