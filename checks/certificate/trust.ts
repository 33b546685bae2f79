import { defineCheck } from '../../src/evidence/check.js';

/** Reported by their own checks (expiry, hostname, key strength, signature algorithm), not as path failures. */
const NOT_PATH_ERRORS = new Set(['expired', 'not-yet-valid', 'hostname-mismatch', 'no-san', 'weak-key', 'weak-signature']);

export default defineCheck({
  id: 'certificate.trust',
  area: 'certificate',
  title: 'Certificate chain is trusted',
  cite: ['RFC 5280 §6', 'RFC 5280 §4.2.2.1', 'https://wiki.mozilla.org/CA/Included_Certificates'],
  needs: ['tls'],
  outcomes: {
    trusted: { text: 'the chain leads to a trusted root ({depth} certificates)' },
    'completed-via-aia': {
      text: 'the server does not send the intermediate certificate(s); encscan fetched them from the AIA caIssuers URL and then reached a trusted root, as browsers may, but many clients (curl, Java, Android apps, Firefox without a cached copy) cannot',
      fix: 'Configure the full chain: the leaf followed by its intermediates (certbot and acme.sh write it as fullchain.pem; nginx: ssl_certificate fullchain.pem; Apache 2.4.8+: SSLCertificateFile with the chain appended; Caddy sends it by itself).',
    },
    'self-signed': {
      text: 'the certificate is self-signed: browsers will refuse it',
      fix: 'Replace it with a certificate from a public CA; Let\'s Encrypt issues them for free with an ACME client such as certbot.',
    },
    'incomplete-chain': {
      text: 'the server does not send the intermediate certificate(s) that link its certificate to a trusted root',
      fix: 'Configure the full chain: the leaf followed by its intermediates (certbot and acme.sh write it as fullchain.pem; nginx: ssl_certificate fullchain.pem; Apache 2.4.8+: SSLCertificateFile with the chain appended).',
    },
    'untrusted-root': {
      text: 'the chain ends at a root that is not trusted',
      fix: 'Use a certificate from a CA trusted by browsers (for example Let\'s Encrypt).',
    },
    'invalid-path': {
      text: 'the chain is not valid: {errors}',
      fix: 'Reissue the certificate and serve the chain your CA provides; every certificate in it must be a valid CA certificate signing the next.',
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      if (!ep.pki) return [];
      const errors = ep.pki.errors.filter((e) => !NOT_PATH_ERRORS.has(e));
      if (errors.length === 0 && ep.pki.path.length > 0) {
        return [ctx.emit(ep.pki.completedViaAia ? 'completed-via-aia' : 'trusted', { depth: ep.pki.path.length }, ep)];
      }
      for (const specific of ['self-signed', 'incomplete-chain', 'untrusted-root'] as const) {
        if (errors.includes(specific)) return [ctx.emit(specific, {}, ep)];
      }
      return [ctx.emit('invalid-path', { errors: errors.join(', ') || 'no path to a trust anchor' }, ep)];
    }),
});
