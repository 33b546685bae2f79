import type { RevocationEvidence } from '../../src/evidence/certificate.js';
import { defineCheck } from '../../src/evidence/check.js';

const REPLACE =
  'Get a new certificate for a new key and install it now (with Let\'s Encrypt: certbot certonly --force-renewal, or delete the certificate in Caddy or acme.sh and let it reissue); find out why it was revoked before reusing the old key.';

export default defineCheck({
  id: 'certificate.revocation',
  area: 'certificate',
  title: 'Certificate is not revoked (OCSP, CRL)',
  cite: ['RFC 6960 §2.2', 'RFC 5280 §5.3.1', 'RFC 5280 §6.3', 'CA/B Baseline Requirements §4.9'],
  needs: ['tls'],
  outcomes: {
    good: { text: '{source} says the certificate is good (updated {thisUpdate})' },
    revoked: { text: 'the CA revoked the certificate on {revokedAt} ({reason}): clients that check will refuse it', fix: REPLACE },
    unknown: {
      text: 'the CA\'s OCSP responder does not know this certificate',
      fix: 'Check that the server sends the certificate the CA issued; if it does, ask the CA why its responder does not know it.',
    },
    'not-checked': { text: 'revocation was not checked: {reason}' },
    'check-failed': { text: '{what} {url} gave no usable answer ({reason})' },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const r = ep.pki?.revocation;
      if (!r) return [];
      const ocsp = ep.pki?.ocsp;
      // The CRL is fetched only when OCSP gave no answer: when present, it holds the verdict or the failure.
      const crl = r.crl;
      switch (r.status) {
        case 'good':
          return [ctx.emit('good', { source: SOURCE[r.source ?? 'responder'], thisUpdate: (crl ?? ocsp)?.thisUpdate ?? '?' }, ep)];
        case 'revoked': {
          const at = crl ?? ocsp;
          return [ctx.emit('revoked', { revokedAt: at?.revocationTime ?? '?', reason: at?.revocationReason ?? 'no reason given' }, ep)];
        }
        case 'unknown':
          return [ctx.emit('unknown', {}, ep)];
        case 'error':
          return [ctx.emit('check-failed', { what: crl ? 'the CRL' : 'the OCSP responder', url: crl?.url ?? r.ocspUrls[0] ?? '?', reason: r.reason ?? 'unknown' }, ep)];
        case 'not-checked':
          return [ctx.emit('not-checked', { reason: NOT_CHECKED[r.reason ?? ''] ?? r.reason ?? 'unknown' }, ep)];
      }
    }),
});

const SOURCE: Readonly<Record<NonNullable<RevocationEvidence['source']>, string>> = {
  staple: 'the OCSP response stapled by the server',
  responder: 'the CA\'s OCSP responder',
  crl: 'the CA\'s CRL',
};

const NOT_CHECKED: Readonly<Record<string, string>> = {
  disabled: 'turned off with --no-revocation',
  'no-revocation-url': 'the certificate names neither an OCSP responder nor an http CRL',
  // Reports from before CRLs were checked.
  'no-ocsp-url': 'the certificate names no OCSP responder',
  'no-issuer': 'the issuer certificate is not known, so neither OCSP nor the CRL can be checked',
};
