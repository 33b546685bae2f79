import { defineCheck } from '../../src/evidence/check.js';

const WHY: Record<string, string> = {
  'next-key': 'a record for the next key is already published',
  'issuer-ca': 'a record for the issuing CA also matches the live chain',
  'single-record': 'only one usable record matches',
  duplicate: 'the other records name the same key',
  'unrelated-ta': 'the other trust-anchor record names a CA that is not in the chain',
  'no-valid-match': 'no record authenticates the server today',
};

export default defineCheck({
  id: 'dane.rollover',
  area: 'dane',
  title: 'TLSA records ready for a key rollover',
  cite: ['RFC 7671 §8.1', 'RFC 7672 §3.1.4'],
  needs: ['dane'],
  outcomes: {
    ready: { text: '{name}: ready for a key change ({why})' },
    'not-ready': {
      text: '{name}: not ready for a key change: {why}',
      fix: 'Before replacing the key, publish a second record: "3 1 1" for the next key, or "2 1 1" for the CA that issues your certificate.',
    },
  },
  applies: (ev) => {
    const dane = ev.dane;
    return dane?.https?.verdict === 'valid' || (dane?.mail ?? []).some((mx) => mx.verdict === 'valid');
  },
  run: (ev, ctx) => {
    const dane = ev.dane!;
    const emissions = [];
    if (dane.https?.verdict === 'valid') {
      const r = dane.https.rollover;
      emissions.push(ctx.emit(r.ready ? 'ready' : 'not-ready', { name: dane.https.name, why: WHY[r.code]! }));
    }
    for (const mx of dane.mail.filter((m) => m.verdict === 'valid')) {
      emissions.push(ctx.emit(mx.rolloverReady ? 'ready' : 'not-ready', { name: mx.mx, why: mx.rolloverReady ? 'a second record covers the next key or CA' : 'no second record covers a different key or the issuing CA' }, mx.mx));
    }
    return emissions;
  },
});
