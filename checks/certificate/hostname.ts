import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'certificate.hostname',
  area: 'certificate',
  title: 'Certificate matches the host name',
  cite: ['RFC 9525 §6', 'RFC 6125 §6.4'],
  needs: ['tls'],
  outcomes: {
    match: { text: 'the certificate is valid for {host}' },
    mismatch: {
      text: 'the certificate is not valid for {host} (it names: {names})',
      fix: 'Serve a certificate whose subjectAltName lists {host} (Let\'s Encrypt issues one per name for free), or check that this name points at the right server.',
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      if (!ep.pki || !ep.certificates?.[0]) return [];
      const san = ep.certificates[0].san;
      const names = [...san.dns, ...san.ip].join(', ') || 'no subjectAltName';
      // The name the chain was validated for: an --sni name when one was sent.
      const host = ep.sni ?? ctx.target.host;
      return [ctx.emit(ep.pki.hostnameMatch ? 'match' : 'mismatch', { host, names }, ep)];
    }),
});
