import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'tls.protocol-version',
  area: 'tls',
  title: 'Best TLS protocol version',
  cite: ['RFC 8996 §2', 'RFC 8446', 'https://wiki.mozilla.org/Security/Server_Side_TLS'],
  needs: ['tls'],
  outcomes: {
    tls13: { text: 'TLS 1.3 is supported' },
    tls12: {
      text: 'the best protocol is TLS 1.2; TLS 1.3 is not supported',
      fix: 'Enable TLS 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3; Apache: SSLProtocol -all +TLSv1.2 +TLSv1.3).',
    },
    legacy: {
      text: 'the best protocol is {version}, which RFC 8996 deprecates',
      fix: 'Enable TLS 1.2 and TLS 1.3 and disable SSLv3, TLS 1.0 and TLS 1.1.',
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      // Without a finished handshake (servers node:tls cannot talk to), the best version enumeration found.
      const version = ep.tls?.negotiated?.version ?? [...(ep.tls?.protocols ?? [])].reverse().find((p) => p.supported)?.version;
      if (version === undefined) return [];
      if (version === 'TLSv1.3') return [ctx.emit('tls13', {}, ep)];
      if (version === 'TLSv1.2') return [ctx.emit('tls12', {}, ep)];
      return [ctx.emit('legacy', { version }, ep)];
    }),
});
