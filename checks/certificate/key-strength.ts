import { defineCheck } from '../../src/evidence/check.js';
import { isAllowedCurve, rsaKeyStrength } from '../../src/pki/key-strength.js';

const NEW_KEY = 'Generate a new key (ECDSA P-256, or RSA 2048 bits or more) and have the certificate reissued for it; Let\'s Encrypt clients such as certbot do both.';

export default defineCheck({
  id: 'certificate.key-strength',
  area: 'certificate',
  title: 'Certificate key strength',
  cite: ['CA/B Baseline Requirements §6.1.5', 'NIST SP 800-57 Part 1 Rev. 5 §5.6.1', 'https://wiki.mozilla.org/Security/Server_Side_TLS'],
  needs: ['tls'],
  outcomes: {
    ok: { text: '{key} key' },
    'rsa-below-3072': { text: 'RSA {bits}-bit key: accepted today, short of the 128-bit security level of RSA 3072 or ECDSA P-256' },
    'weak-key': { text: '{subject} has a {key} key, which is too weak', fix: NEW_KEY },
    'curve-not-allowed': { text: '{subject} uses the curve {curve}, which browsers do not accept', fix: NEW_KEY },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const chain = ep.certificates ?? [];
      if (chain.length === 0) return [];
      for (const cert of chain) {
        if (cert.keyType === 'RSA' && cert.keySize !== null && rsaKeyStrength(cert.keySize) === 'too-small') {
          return [ctx.emit('weak-key', { subject: cert.subject, key: `RSA ${cert.keySize}-bit` }, ep)];
        }
        if (cert.keyType === 'EC' && (cert.curve === undefined || !isAllowedCurve(cert.curve))) {
          return [ctx.emit('curve-not-allowed', { subject: cert.subject, curve: cert.curve ?? 'unknown' }, ep)];
        }
      }
      const leaf = chain[0]!;
      if (leaf.keyType === 'RSA' && leaf.keySize !== null && rsaKeyStrength(leaf.keySize) === 'below-3072') {
        return [ctx.emit('rsa-below-3072', { bits: leaf.keySize }, ep)];
      }
      const key = leaf.keyType === 'EC' ? `ECDSA ${leaf.curve}` : leaf.keySize ? `${leaf.keyType} ${leaf.keySize}-bit` : leaf.keyType;
      return [ctx.emit('ok', { key }, ep)];
    }),
});
