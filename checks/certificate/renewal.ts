import { defineCheck } from '../../src/evidence/check.js';
import { renewalHint } from '../../src/pki/renewal-automation.js';

export default defineCheck({
  id: 'certificate.renewal',
  area: 'certificate',
  title: 'Certificate renewal looks automated',
  cite: ['RFC 8555', 'CA/B Baseline Requirements §6.3.2', 'https://letsencrypt.org/docs/faq/'],
  needs: ['tls'],
  outcomes: {
    'acme-ca': { text: '{days}-day certificate from {ca}, an ACME CA: renewal is almost certainly automated' },
    'short-lived': { text: '{days}-day certificate: so short a lifetime suggests automated renewal' },
    'long-lived': {
      text: '{days}-day certificate{from}: it is probably renewed by hand, and the CA/B Forum cuts the maximum to 200 days in 2026, 100 in 2027 and 47 in 2029',
      fix: 'Automate renewal with an ACME client: certbot or acme.sh with Let\'s Encrypt or ZeroSSL, or a server that does it itself such as Caddy; many commercial CAs offer ACME too.',
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const leaf = ep.certificates?.[0];
      if (!leaf || leaf.selfSigned) return [];
      const hint = renewalHint(leaf.issuer, new Date(leaf.notBefore), new Date(leaf.notAfter));
      return [ctx.emit(hint.kind, { days: hint.days, ca: hint.ca ?? leaf.issuer, from: hint.ca ? ` from ${hint.ca}` : '' }, ep)];
    }),
});
