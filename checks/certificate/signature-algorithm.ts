import { defineCheck } from '../../src/evidence/check.js';
import { weakSignatureHash } from '../../src/pki/key-strength.js';

export default defineCheck({
  id: 'certificate.signature-algorithm',
  area: 'certificate',
  title: 'Certificate signature algorithms',
  cite: ['CA/B Baseline Requirements §7.1.3.2', 'RFC 9155', 'https://wiki.mozilla.org/Security/Server_Side_TLS'],
  needs: ['tls'],
  outcomes: {
    ok: { text: 'every signature in the chain uses a strong hash ({algorithms})' },
    'weak-hash': {
      text: '{subject} is signed with {hash} ({algorithm}), which browsers no longer accept',
      fix: 'Have the certificate (or the intermediate) reissued with a SHA-256 signature; every current CA issues those, Let\'s Encrypt among them.',
    },
  },
  applies: (ev) => ev.endpoints.some((e) => (e.certificates?.length ?? 0) > 0),
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const chain = ep.certificates ?? [];
      if (chain.length === 0) return [];
      // The trust anchor's own self-signature proves nothing, so it is never judged.
      const anchor = ep.pki?.trusted ? ep.pki.path.at(-1) : undefined;
      const judged = chain.filter((c) => c.sha256 !== anchor && !(c.selfSigned && c.isCA));
      const weak = judged.find((c) => weakSignatureHash(c.signatureAlgorithm) !== null);
      if (weak) {
        return [ctx.emit('weak-hash', { subject: weak.subject, hash: weakSignatureHash(weak.signatureAlgorithm)!, algorithm: weak.signatureAlgorithm }, ep)];
      }
      return [ctx.emit('ok', { algorithms: [...new Set(judged.map((c) => c.signatureAlgorithm))].join(', ') || 'none' }, ep)];
    }),
});
