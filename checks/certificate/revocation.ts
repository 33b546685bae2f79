import { defineCheck } from '../../src/evidence/check.js';

const REPLACE =
  'Get a new certificate for a new key and install it now (with Let\'s Encrypt: certbot certonly --force-renewal, or delete the certificate in Caddy or acme.sh and let it reissue); find out why it was revoked before reusing the old key.';

export default defineCheck({
  id: 'certificate.revocation',
  area: 'certificate',
  title: 'Certificate is not revoked (OCSP)',
  cite: ['RFC 6960 §2.2', 'RFC 5280 §5.3.1', 'CA/B Baseline Requirements §4.9'],
  needs: ['tls'],
  outcomes: {
    good: { text: 'the CA\'s OCSP {source} says the certificate is good (updated {thisUpdate})' },
    revoked: { text: 'the CA revoked the certificate on {revokedAt} ({reason}): clients that check will refuse it', fix: REPLACE },
    unknown: {
      text: 'the CA\'s OCSP responder does not know this certificate',
      fix: 'Check that the server sends the certificate the CA issued; if it does, ask the CA why its responder does not know it.',
    },
    'not-checked': { text: 'revocation was not checked: {reason}' },
    'check-failed': { text: 'the OCSP responder {url} gave no usable answer ({reason})' },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const r = ep.pki?.revocation;
      if (!r) return [];
      const ocsp = ep.pki?.ocsp;
      switch (r.status) {
        case 'good':
          return [ctx.emit('good', { source: r.source === 'staple' ? 'response stapled by the server' : 'responder', thisUpdate: ocsp?.thisUpdate ?? '?' }, ep)];
        case 'revoked':
          return [ctx.emit('revoked', { revokedAt: ocsp?.revocationTime ?? '?', reason: ocsp?.revocationReason ?? 'no reason given' }, ep)];
        case 'unknown':
          return [ctx.emit('unknown', {}, ep)];
        case 'error':
          return [ctx.emit('check-failed', { url: r.ocspUrls[0] ?? '?', reason: r.reason ?? 'unknown' }, ep)];
        case 'not-checked':
          return [ctx.emit('not-checked', { reason: NOT_CHECKED[r.reason ?? ''] ?? r.reason ?? 'unknown' }, ep)];
      }
    }),
});

const NOT_CHECKED: Readonly<Record<string, string>> = {
  disabled: 'turned off with --no-revocation',
  'no-ocsp-url': 'the certificate names no OCSP responder (CAs such as Let\'s Encrypt publish CRLs only)',
  'no-issuer': 'the issuer certificate is not known, so no OCSP request can be made',
};
