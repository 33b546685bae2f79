import { defineCheck } from '../../src/evidence/check.js';

const FULLCHAIN = 'certbot and acme.sh write the right file as fullchain.pem; Caddy sends the right chain by itself';

export default defineCheck({
  id: 'certificate.chain-sent',
  area: 'certificate',
  title: 'Certificates the server sends',
  cite: ['RFC 5246 §7.4.2', 'RFC 8446 §4.4.2'],
  needs: ['tls'],
  outcomes: {
    ok: { text: 'the server sends {count} certificate(s) in order, without the root' },
    'wrong-order': {
      text: 'the certificates are not sent in order (each should certify the one before it): browsers cope, but strict TLS 1.2 clients fail',
      fix: `Send the leaf first, then its issuer, then that one's issuer (${FULLCHAIN}).`,
    },
    'root-included': {
      text: 'the server also sends the root certificate ({subject}): harmless, but clients never use it, so it only adds bytes to every handshake',
      fix: `Leave the root out of the chain file (${FULLCHAIN}).`,
    },
    'unused-certificates': {
      text: 'the server sends {count} certificate(s) that no path to the root uses',
      fix: `Send only the leaf and its intermediates (${FULLCHAIN}).`,
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const chain = ep.certificates ?? [];
      // A self-signed leaf alone is reported by certificate.trust.
      if (chain.length === 0) return [];
      const sent = ep.pki?.sentChain;
      const root = chain.slice(1).find((c) => c.selfSigned && c.isCA);
      const out = [];
      // Without the TLS 1.2 view, node:tls's rebuilt chain still shows a root it could link.
      if (sent ? !sent.inOrder : false) out.push(ctx.emit('wrong-order', {}, ep));
      if (sent ? sent.rootSent : root !== undefined) out.push(ctx.emit('root-included', { subject: root?.subject ?? 'a self-signed CA' }, ep));
      if (sent && sent.unused.length > 0) out.push(ctx.emit('unused-certificates', { count: sent.unused.length }, ep));
      if (out.length === 0 && chain.length > 1) out.push(ctx.emit('ok', { count: sent?.fingerprints.length ?? chain.length }, ep));
      return out;
    }),
});
