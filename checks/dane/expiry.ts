import { defineCheck } from '../../src/evidence/check.js';

const DAY = 86_400_000;

export default defineCheck({
  id: 'dane.expiry',
  area: 'dane',
  title: 'Certificates a TLSA match vouches for are not about to expire',
  cite: ['RFC 7671 §8.1', 'RFC 7672 §3.1.4'],
  needs: ['dane'],
  outcomes: {
    ok: { text: '{name}: the certificate the TLSA match vouches for is valid for {days} more days' },
    'renewal-covered': { text: '{name}: the matched certificate expires in {days} days; a second record already covers a new key or CA' },
    'expires-soon': {
      text: '{name}: the certificate the TLSA match vouches for expires in {days} days ({expiry}), and no record covers a new key',
      fix: 'Before renewing, publish a TLSA record for the next key ("3 1 1" of the new key) or for the issuing CA ("2 1 1"), or renew keeping the same key.',
    },
  },
  applies: (ev) => ev.dane?.https?.expiry !== undefined || (ev.dane?.mail ?? []).some((mx) => mx.expiry !== undefined),
  run: (ev, ctx) => {
    const dane = ev.dane!;
    const judged = [
      ...(dane.https?.expiry ? [{ name: dane.https.name, expiry: dane.https.expiry, ready: dane.https.rolloverReady, endpoint: undefined }] : []),
      ...dane.mail.flatMap((mx) => (mx.expiry ? [{ name: mx.tlsaName ?? mx.mx, expiry: mx.expiry, ready: mx.rolloverReady, endpoint: mx.mx }] : [])),
    ];
    return judged.map(({ name, expiry, ready, endpoint }) => {
      const days = Math.floor((Date.parse(expiry) - ctx.now.getTime()) / DAY);
      const outcome = days >= ctx.vars['dane.expiryWarnDays']! ? 'ok' : ready ? 'renewal-covered' : 'expires-soon';
      return ctx.emit(outcome, { name, days, expiry: expiry.slice(0, 10) }, endpoint);
    });
  },
});
