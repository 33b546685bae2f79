import { defineCheck } from '../../src/evidence/check.js';

const ENABLE =
  'Turn on OCSP stapling (nginx: ssl_stapling on; ssl_stapling_verify on; with a resolver; Apache: SSLUseStapling on with an SSLStaplingCache; Caddy staples by default).';

export default defineCheck({
  id: 'certificate.ocsp-stapling',
  area: 'certificate',
  title: 'OCSP stapling',
  cite: ['RFC 6066 §8', 'RFC 6961', 'RFC 7633 §4.2.3', 'RFC 6960 §4.2.2'],
  needs: ['tls'],
  outcomes: {
    stapled: { text: 'the server staples a valid OCSP response (status {status}, next update {nextUpdate})' },
    'must-staple-missing': {
      text: 'the certificate demands a stapled OCSP response (TLS feature "must-staple") but the server sent none: Firefox refuses the connection',
      fix: `${ENABLE} Or, if the server cannot staple, get a certificate without must-staple (certbot: leave out --must-staple).`,
    },
    'invalid-staple': {
      text: 'the stapled OCSP response is not usable: {errors}',
      fix: 'Make the server fetch fresh OCSP responses from the CA (check that it can reach the responder URL and its resolver works), or restart it to drop a stale cache.',
    },
    'not-stapled': { text: 'the server does not staple OCSP responses, so clients ask the CA (slower, and it tells the CA who visits)', fix: ENABLE },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const r = ep.pki?.revocation;
      // Without a responder there is nothing to staple (Let's Encrypt, for one, has ended OCSP).
      if (!r || (!r.stapled && !r.mustStaple && r.ocspUrls.length === 0)) return [];
      const staple = ep.pki?.ocsp?.source === 'staple' ? ep.pki.ocsp : null;
      if (!r.stapled) return [ctx.emit(r.mustStaple ? 'must-staple-missing' : 'not-stapled', {}, ep)];
      if (!staple || staple.errors.length > 0) return [ctx.emit('invalid-staple', { errors: staple?.errors.join(', ') || 'the issuer is unknown' }, ep)];
      return [ctx.emit('stapled', { status: staple.certStatus ?? '?', nextUpdate: staple.nextUpdate ?? 'none given' }, ep)];
    }),
});
