import { defineCheck } from '../../src/evidence/check.js';

const DAY = 86_400_000;
const RENEW = 'Renew the certificate now and automate renewal (an ACME client such as certbot with Let\'s Encrypt renews free certificates before they expire).';

export default defineCheck({
  id: 'certificate.expiry',
  area: 'certificate',
  title: 'Certificate validity period',
  cite: ['RFC 5280 §4.1.2.5', 'RFC 5280 §6.1.3'],
  needs: ['tls'],
  outcomes: {
    ok: { text: 'valid until {notAfter} ({days} days left)' },
    'expires-soon': { text: 'expires on {notAfter}, in {days} days', fix: RENEW },
    'expires-very-soon': { text: 'expires on {notAfter}, in {days} days', fix: RENEW },
    expired: { text: 'expired on {notAfter}, {days} days ago', fix: RENEW },
    'not-yet-valid': {
      text: 'not valid before {notBefore}',
      fix: 'Serve a certificate that is already valid, and check the server\'s and the CA\'s clocks.',
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const leaf = ep.certificates?.[0];
      if (!leaf) return [];
      const notBefore = Date.parse(leaf.notBefore);
      const notAfter = Date.parse(leaf.notAfter);
      const now = ctx.now.getTime();
      const dates = { notBefore: leaf.notBefore, notAfter: leaf.notAfter };
      if (now < notBefore) return [ctx.emit('not-yet-valid', dates, ep)];
      if (now > notAfter) return [ctx.emit('expired', { ...dates, days: Math.floor((now - notAfter) / DAY) }, ep)];
      const days = Math.floor((notAfter - now) / DAY);
      const outcome =
        days < ctx.vars['certificate.expiryFailDays']! ? 'expires-very-soon'
        : days < ctx.vars['certificate.expiryWarnDays']! ? 'expires-soon'
        : 'ok';
      return [ctx.emit(outcome, { ...dates, days }, ep)];
    }),
});
